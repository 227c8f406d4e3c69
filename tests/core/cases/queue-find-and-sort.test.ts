// The queue's text filter and its column sorts, as the core answers listCases: words found in the
// order number, the customer's name (accents and case ignored) or a note, every word required;
// sorted by status, by assignee's display name (the unassigned last either way) and by first
// action due, each also reversed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseCalls, type CaseListItem } from '../../../electron/core/api/case-schemas.ts'
import { CASE_STATUSES } from '../../../electron/core/contract/schemas.ts'
import {
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from './desk-harness.ts'

let svc: DeskService
let desk: TestConsole
const dirs = tempDirs()

beforeAll(async () => {
  svc = await startDeskService({ seed: 21, deliveries: 60 })
  desk = await signedInConsole(svc.front.url, dirs.make())
})
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

const all = () => desk.h.listCases({ statuses: [], sort: 'oldest', limit: 500 })
const ids = (items: CaseListItem[]) => items.map((c) => c.id)

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

describe('the queue’s text filter', () => {
  it('finds a case by part of its order number', async () => {
    const cases = await all()
    expect(cases.length).toBeGreaterThan(5)
    const target = cases[3]!
    const part = target.orderId.slice(4, 12)
    const found = await desk.h.listCases({ statuses: [], text: part, sort: 'oldest', limit: 500 })
    expect(ids(found)).toContain(target.id)
    expect(found.every((c) => c.orderId.includes(part))).toBe(true)
  })

  it('finds a customer by name, whatever the case and accents typed', async () => {
    const cases = await all()
    const target = cases.find((c) => c.customerName && c.customerName.includes(' '))!
    const [first, last] = target.customerName!.split(' ')
    const typed = `${fold(last!).toUpperCase()}  ${fold(first!)}`
    const found = await desk.h.listCases({ statuses: [], text: typed, sort: 'oldest', limit: 500 })
    expect(ids(found)).toContain(target.id)
    for (const c of found) expect(fold(c.customerName ?? '')).toContain(fold(last!))
  })

  it('finds a case by the words of a note added here, and nothing when a word is missing', async () => {
    const cases = await all()
    const target = cases.find((c) => c.status !== 'resolved')!
    await desk.h.addCaseNote({
      caseId: target.id,
      body: 'The neighbour at number 14 signed for a Tangerine-coloured box.',
    })
    const found = await desk.h.listCases({
      statuses: [],
      text: 'tangerine neighbour',
      sort: 'oldest',
      limit: 500,
    })
    expect(ids(found)).toEqual([target.id])
    const none = await desk.h.listCases({
      statuses: [],
      text: 'tangerine lighthouse',
      sort: 'oldest',
      limit: 500,
    })
    expect(none).toEqual([])
  })

  it('refuses an empty or overlong text at the API’s edge', () => {
    const arg = caseCalls.listCases.arg
    expect(arg.safeParse({ text: '   ' }).success).toBe(false)
    expect(arg.safeParse({ text: 'x'.repeat(101) }).success).toBe(false)
    expect(arg.parse({ text: '  Okafor ' }).text).toBe('Okafor')
  })
})

describe('the queue’s sorts', () => {
  it('sorts by status, open first, and reversed', async () => {
    const rank = (c: CaseListItem) => CASE_STATUSES.indexOf(c.status)
    const sorted = await desk.h.listCases({ statuses: [], sort: 'status', limit: 500 })
    expect(new Set(sorted.map((c) => c.status)).size).toBeGreaterThan(1)
    expect(sorted.map(rank)).toEqual([...sorted.map(rank)].sort((a, b) => a - b))
    // Within a status, the oldest first.
    for (let i = 1; i < sorted.length; i++) {
      if (rank(sorted[i]!) === rank(sorted[i - 1]!))
        expect(sorted[i]!.openedAt >= sorted[i - 1]!.openedAt).toBe(true)
    }
    const reversed = await desk.h.listCases({ statuses: [], sort: 'status-desc', limit: 500 })
    expect(reversed.map(rank)).toEqual([...reversed.map(rank)].sort((a, b) => b - a))
  })

  it('sorts by the assignee’s display name, the unassigned last either way', async () => {
    const people = await desk.h.listPeople(undefined)
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? id
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
    for (const sort of ['assignee', 'assignee-desc'] as const) {
      const sorted = await desk.h.listCases({ statuses: [], sort, limit: 500 })
      const assigned = sorted.filter((c) => c.assigneeId !== null)
      expect(assigned.length).toBeGreaterThan(1)
      expect(sorted.slice(assigned.length).every((c) => c.assigneeId === null)).toBe(true)
      const names = assigned.map((c) => name(c.assigneeId!))
      const expected = [...names].sort(collator.compare)
      expect(names).toEqual(sort === 'assignee' ? expected : expected.reverse())
    }
  })

  it('sorts by first action due, the cases still waiting first, and reversed', async () => {
    const waiting = (c: CaseListItem) => c.firstActionAt === null && c.status !== 'resolved'
    const due = await desk.h.listCases({ statuses: [], sort: 'due', limit: 500 })
    const firstDone = due.findIndex((c) => !waiting(c))
    expect(due.slice(firstDone).every((c) => !waiting(c))).toBe(true)
    const reversed = await desk.h.listCases({ statuses: [], sort: 'due-desc', limit: 500 })
    expect(ids(reversed)).toEqual(ids(due).reverse())
  })
})

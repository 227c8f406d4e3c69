// People by name (issue 18, part 3): the demo service's directory (GET /v1/people), kept in the
// cache by each sync run, checked entry by entry at the edge, and read from the cache offline.
// A person the cache cannot name is said to be unknown, with the id, never shown as a bare id.
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { personName, unknownPersonName } from '../../../electron/core/api/display-words.ts'
import { PersonSchema } from '../../../electron/core/contract/schemas.ts'
import { DEMO_ACCOUNTS } from '../../../electron/core/demo-service/accounts.ts'
import { COLLEAGUES } from '../../../electron/core/demo-service/names.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { startFaultServer, TEST_ACCOUNT, type FaultServer } from '../../support/fault-server.ts'
import {
  startConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from '../cases/desk-harness.ts'

const dirs = tempDirs()
afterEach(() => dirs.removeAll())

describe('the demo service directory', () => {
  let desk: DeskService
  beforeAll(async () => {
    desk = await startDeskService({ deliveries: 60 })
  })
  afterAll(() => desk.stop())

  it('asks for a token', async () => {
    const response = await fetch(`${desk.service.url}/v1/people`)
    expect(response.status).toBe(401)
  })

  it('lists every account, colleague in it and driver of the world, by the contract', async () => {
    const login = await fetch(`${desk.service.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password: 'demo-agent' }),
    })
    const { token } = (await login.json()) as { token: string }
    const response = await fetch(`${desk.service.url}/v1/people`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const { people } = (await response.json()) as { people: unknown[] }
    const parsed = people.map((p) => PersonSchema.parse(p))
    const byId = new Map(parsed.map((p) => [p.id, p]))
    expect(byId.size).toBe(parsed.length)

    for (const account of DEMO_ACCOUNTS)
      expect(byId.get(account.userId)).toEqual({
        id: account.userId,
        name: account.name,
        kind: account.role,
      })
    for (const colleague of COLLEAGUES)
      expect(byId.get(colleague.id)?.name).toBe(colleague.inDirectory ? colleague.name : undefined)
    const drivers = desk.deliveries().map((d: DeliveryDraft) => d.driver)
    expect(drivers.length).toBeGreaterThan(0)
    for (const driver of drivers)
      expect(byId.get(driver.id)).toMatchObject({ kind: 'driver', name: driver.name })
    // Arabic, Chinese and Cyrillic names come through as written.
    const names = parsed.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['ليلى حداد', '张伟', 'Ирина Соколова']))
  })

  it('is kept by a sync and named by listPeople, the unknown colleague left out', async () => {
    const console1 = await startConsole(desk.front.url, { dataDir: dirs.make() })
    try {
      await console1.h.signIn({ username: 'agent', password: 'demo-agent' })
      await console1.core.syncOnce()
      const listed = await console1.h.listPeople(undefined)
      const byId = new Map(listed.map((p) => [p.id, p]))
      expect(byId.get('u_layla_haddad')).toEqual({
        id: 'u_layla_haddad',
        name: 'ليلى حداد',
        kind: 'agent',
      })
      expect(byId.get('u_irina_sokolova')?.kind).toBe('supervisor')
      expect(byId.has('u_kim_former')).toBe(false)
      for (const d of desk.deliveries()) expect(byId.get(d.driver.id)?.name).toBe(d.driver.name)
    } finally {
      await console1.close()
    }
  })
})

describe('the directory at the edge and offline', () => {
  let server: FaultServer
  beforeAll(async () => {
    server = await startFaultServer()
  })
  afterAll(() => server.close())

  async function syncedConsole(dataDir: string) {
    const c = await startConsole(server.url, { dataDir })
    await c.h.signIn({ username: TEST_ACCOUNT.username, password: TEST_ACCOUNT.password })
    await c.core.syncOnce()
    return c
  }

  it('keeps the good entries beside a bad one, and says which was left out', async () => {
    server.people = [
      { id: 'drv_ok1', name: 'Олег Петров', kind: 'driver' },
      { id: 'has spaces', name: 'Bad Id', kind: 'driver' },
      { id: 'u_ok2', name: '', kind: 'agent' },
      { id: 'u_ok3', name: 'محمد علي', kind: 'supervisor' },
      'not a person',
    ]
    const c = await syncedConsole(dirs.make())
    try {
      const listed = await c.h.listPeople(undefined)
      const ids = listed.map((p) => p.id)
      expect(ids).toContain('drv_ok1')
      expect(ids).toContain('u_ok3')
      expect(ids).not.toContain('has spaces')
      expect(ids).not.toContain('u_ok2')
      const warned = c.logs.filter((l) => l.level === 'warn' && /directory/.test(l.message))
      expect(warned.some((l) => /3 entries left out/.test(l.message))).toBe(true)
    } finally {
      await c.close()
    }
  })

  it('names from the kept copy when the service has no directory, and from the file itself', async () => {
    const dataDir = dirs.make()
    server.people = [{ id: 'drv_kept', name: '王伟', kind: 'driver' }]
    const first = await syncedConsole(dataDir)
    await first.close()

    server.people = null // a service without the endpoint answers 404: the sync goes on
    const second = await syncedConsole(dataDir)
    try {
      expect((await second.h.getSyncStatus(undefined)).lastError).toBeNull()
      expect((await second.h.listPeople(undefined)).find((p) => p.id === 'drv_kept')?.name).toBe(
        '王伟',
      )
    } finally {
      await second.close()
    }

    // Read straight from the file, as a console that starts offline does.
    const sqlite = new BetterSqlite3(`${dataDir}/porchlight.sqlite`, { readonly: true })
    try {
      const row = sqlite.prepare('SELECT name, kind FROM people WHERE id = ?').get('drv_kept')
      expect(row).toEqual({ name: '王伟', kind: 'driver' })
    } finally {
      sqlite.close()
    }
  })
})

describe('one wording for a person the cache cannot name', () => {
  it('says unknown, with the id', () => {
    expect(unknownPersonName('u_x')).toBe('Unknown person (u_x)')
    expect(personName('u_x', null)).toBe('Unknown person (u_x)')
    expect(personName('u_x', 'Ана')).toBe('Ана')
  })
})

// What a recovery did, kept in the new cache (app_state) until the person has read it, and the
// one paragraph that says it: the command line prints it, the app shows it.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { CacheProblem } from './cache-damage.ts'
import type { SalvageOutcome } from './salvage.ts'
import { createAppState } from '../app-state.ts'

export const RECOVERY_STATE_KEY = 'cache.recovery'

const ProblemSchema = z.object({
  kind: z.enum(['empty', 'not-sqlite', 'foreign', 'truncated', 'corrupt', 'missing']),
  detail: z.string(),
})

export const CacheRecoverySchema = z.object({
  at: z.string(),
  problem: ProblemSchema,
  /** Where the damaged file was kept, relative to the data folder; null when there was none. */
  keptAs: z.string().nullable(),
  /** Whether anything could be read from the damaged file at all. */
  salvaged: z.boolean(),
  recovered: z.object({
    caseChanges: z.number(),
    caseChangesWaiting: z.number(),
    auditEntries: z.number(),
    photoViews: z.number(),
    exports: z.number(),
    evidenceSnapshots: z.number(),
    settings: z.boolean(),
    signIn: z.boolean(),
  }),
  lost: z.object({
    /** Case changes known to be lost, with what the damaged file's index still said of them. */
    caseChanges: z.array(
      z.object({
        seq: z.number(),
        caseId: z.string().nullable(),
        /** The order the case is about, where it could be found. */
        orderId: z.string().nullable(),
        waiting: z.boolean().nullable(),
      }),
    ),
    /** More case changes may be lost than are listed (part of the table and its index unread). */
    caseChangesUncounted: z.boolean(),
    auditEntries: z.array(z.object({ from: z.number(), to: z.number() })),
    /** Other things of which some part could not be read, in words ("photo views"). */
    other: z.array(z.string()),
  }),
  /** The audit log in the new cache, checked after the copy. */
  auditChain: z.object({ intact: z.boolean(), detail: z.string().nullable() }),
})

export type CacheRecovery = z.output<typeof CacheRecoverySchema>

/** The words for each salvaged table. */
const NOUNS: Record<string, string> = {
  case_events: 'case changes',
  audit_log: 'audit log entries',
  photo_views: 'photo views',
  export_log: 'export records',
  case_snapshots: 'evidence snapshots',
  app_state: 'settings',
  known_users: 'user names',
  canned_notes: 'canned notes',
}

export function buildRecovery(options: {
  at: Date
  problem: CacheProblem
  keptAs: string | null
  salvage: SalvageOutcome | null
  auditChain: CacheRecovery['auditChain']
  carriedState: string[]
}): CacheRecovery {
  const { salvage } = options
  const table = (name: string) => salvage?.tables.find((t) => t.table === name)
  const recovered = (name: string) => table(name)?.recovered ?? 0
  const events = table('case_events')
  const lostEvents = (events?.lost ?? []).map((row) => {
    const caseId = typeof row.case_id === 'string' ? row.case_id : null
    return {
      seq: Number(row.rowid),
      caseId,
      orderId: (caseId && salvage?.ordersOfCases[caseId]) || null,
      waiting: typeof row.state === 'string' ? row.state === 'pending' : null,
    }
  })
  const damagedPart = (t: SalvageOutcome['tables'][number]) =>
    t.failed || t.lost.length > 0 || t.unreadable.length > 0 || t.refused > 0
  return {
    at: options.at.toISOString(),
    problem: options.problem,
    keptAs: options.keptAs,
    salvaged: salvage !== null,
    recovered: {
      caseChanges: recovered('case_events'),
      caseChangesWaiting: salvage?.caseChangesWaiting ?? 0,
      auditEntries: recovered('audit_log'),
      photoViews: recovered('photo_views'),
      exports: recovered('export_log'),
      evidenceSnapshots: recovered('case_snapshots'),
      settings: options.carriedState.includes('settings'),
      signIn: options.carriedState.includes('session.user'),
    },
    lost: {
      caseChanges: lostEvents,
      caseChangesUncounted:
        events !== undefined &&
        (events.failed ||
          events.refused > 0 ||
          (events.unreadable.length > 0 && !events.lostComplete)),
      auditEntries: salvage?.auditLost ?? [],
      other: (salvage?.tables ?? [])
        .filter((t) => !['case_events', 'audit_log'].includes(t.table) && damagedPart(t))
        .map((t) => NOUNS[t.table] ?? t.table),
    },
    auditChain: options.auditChain,
  }
}

/**
 * One paragraph for the person: what was wrong, where the damaged file is, what was recovered,
 * what could not be, and what happens next.
 */
export function describeRecovery(recovery: CacheRecovery): string {
  const sentences: string[] = [`The local cache could not be used: ${recovery.problem.detail}.`]
  sentences.push(
    recovery.keptAs
      ? `It was kept as ${recovery.keptAs} in the data folder and a new cache was started.`
      : 'A new cache was started.',
  )
  const r = recovery.recovered
  const found = [
    r.caseChangesWaiting > 0 &&
      count(r.caseChangesWaiting, 'case change', 'case changes') + ' not yet sent',
    r.caseChanges - r.caseChangesWaiting > 0 &&
      count(r.caseChanges - r.caseChangesWaiting, 'case change', 'case changes') + ' already sent',
    r.auditEntries > 0 && count(r.auditEntries, 'audit log entry', 'audit log entries'),
    r.photoViews > 0 && count(r.photoViews, 'photo view', 'photo views'),
    r.exports > 0 && count(r.exports, 'export record', 'export records'),
    r.evidenceSnapshots > 0 &&
      count(r.evidenceSnapshots, 'evidence snapshot', 'evidence snapshots'),
    r.settings && 'the settings',
    r.signIn && 'who was signed in',
  ].filter((part): part is string => typeof part === 'string')
  if (recovery.problem.kind === 'foreign') {
    sentences.push('It is not a Porchlight cache, so nothing was taken from it.')
  } else if (found.length > 0) {
    sentences.push(`Recovered from it: ${list(found)}.`)
  } else {
    sentences.push(
      recovery.salvaged
        ? 'Nothing could be recovered from it.'
        : 'Nothing in it could be read, so nothing was recovered.',
    )
  }
  const lost = recovery.lost
  const missing: string[] = []
  if (lost.caseChanges.length > 0) {
    const total = lost.caseChanges.length
    const waiting = lost.caseChanges.filter((c) => c.waiting === true).length
    const orders = new Set<string>()
    const caseIds = new Set<string>()
    for (const c of lost.caseChanges) {
      if (c.orderId) orders.add(c.orderId)
      else if (c.caseId) caseIds.add(c.caseId)
    }
    const what =
      waiting === total
        ? `${count(total, 'case change', 'case changes')} not yet sent`
        : `${count(total, 'case change', 'case changes')}${waiting > 0 ? `, ${waiting} of them not yet sent` : ''}`
    const where = [
      orders.size > 0 &&
        `the cases of ${orders.size === 1 ? 'order' : 'orders'} ${few([...orders])}`,
      caseIds.size > 0 && `${caseIds.size === 1 ? 'case' : 'cases'} ${few([...caseIds])}`,
    ].filter((part): part is string => typeof part === 'string')
    missing.push(
      `${lost.caseChangesUncounted ? 'at least ' : ''}${what}` +
        (where.length > 0 ? ` (on ${where.join(' and ')})` : ''),
    )
  } else if (lost.caseChangesUncounted) {
    missing.push('some case changes (how many is not known: part of that table was unreadable)')
  }
  if (lost.auditEntries.length > 0) {
    const entries = lost.auditEntries.reduce((n, range) => n + range.to - range.from + 1, 0)
    const ranges = lost.auditEntries.map((g) =>
      g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`,
    )
    missing.push(
      `${count(entries, 'audit log entry', 'audit log entries')} (${entries === 1 ? 'number' : 'numbers'} ${list(ranges)}; the loss is recorded in the audit log)`,
    )
  }
  for (const other of lost.other) missing.push(`part of the ${other}`)
  if (missing.length > 0) sentences.push(`Could not be recovered: ${list(missing)}.`)
  sentences.push('Deliveries, photos and cases will be downloaded again at the next sync.')
  return sentences.join(' ')
}

/**
 * Damage met while running, before anything was moved: what is wrong and what happens next. The
 * app offers "Recover now"; a command leaves it to the next start.
 */
export function describeDamage(detail: string, next: 'recover-now' | 'next-start'): string {
  const what = `The local cache is damaged: ${detail}. Porchlight has stopped using it.`
  return next === 'recover-now'
    ? `${what} Recover now keeps the damaged file aside, copies what can be saved (case changes not yet sent first, then the audit log) into a new cache, and downloads deliveries, photos and cases again.`
    : `${what} The next start (the app, browser mode or any porchlight command) keeps the damaged file aside, copies what can be saved into a new cache and downloads the rest again.`
}

/** The recovery the person has not yet acknowledged, if any. */
export function readRecoveryNotice(sqlite: BetterSqlite3.Database): CacheRecovery | null {
  const value = createAppState(sqlite).get(RECOVERY_STATE_KEY)
  if (value === null) return null
  try {
    return CacheRecoverySchema.parse(JSON.parse(value))
  } catch {
    return null
  }
}

export function saveRecoveryNotice(sqlite: BetterSqlite3.Database, recovery: CacheRecovery): void {
  createAppState(sqlite).set(RECOVERY_STATE_KEY, JSON.stringify(recovery))
}

export function dismissRecoveryNotice(sqlite: BetterSqlite3.Database): void {
  createAppState(sqlite).remove(RECOVERY_STATE_KEY)
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** Up to four, then "and N more". */
function few(parts: string[]): string {
  return list(parts.length > 4 ? [...parts.slice(0, 3), `${parts.length - 3} more`] : parts)
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

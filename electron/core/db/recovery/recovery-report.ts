// What a recovery did, kept in the new cache (app_state) until the person has read it, and the
// one paragraph that says it: the command line prints it, the app shows it.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { CacheProblem } from './cache-damage.ts'
import type { SalvageOutcome } from './salvage.ts'
import { createAppState } from '../app-state.ts'
import { currentLocale, t } from '../../messages/messages.ts'

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

/** The words for each salvaged table, as a recovery keeps them (in English). */
const NOUNS = {
  case_events: 'case changes',
  audit_log: 'audit log entries',
  photo_views: 'photo views',
  export_log: 'export records',
  case_snapshots: 'evidence snapshots',
  app_state: 'settings',
  known_users: 'user names',
  canned_notes: 'canned notes',
} as const satisfies Record<string, string>

export function buildRecovery(options: {
  at: Date
  problem: CacheProblem
  keptAs: string | null
  salvage: SalvageOutcome | null
  auditChain: CacheRecovery['auditChain']
  carriedState: string[]
}): CacheRecovery {
  const { salvage } = options
  const table = (name: string) => salvage?.tables.find((part) => part.table === name)
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
        .filter((part) => !['case_events', 'audit_log'].includes(part.table) && damagedPart(part))
        .map((part) => (NOUNS as Record<string, string>)[part.table] ?? part.table),
    },
    auditChain: options.auditChain,
  }
}

/**
 * One paragraph for the person, in the language spoken: what was wrong, where the damaged file
 * is, what was recovered, what could not be, and what happens next.
 */
export function describeRecovery(recovery: CacheRecovery): string {
  const sentences: string[] = [
    t('app:cacheReport.couldNotUse', { detail: recovery.problem.detail }),
  ]
  sentences.push(
    recovery.keptAs
      ? t('app:cacheReport.keptAs', { path: recovery.keptAs })
      : t('app:cacheReport.newCache'),
  )
  const r = recovery.recovered
  const alreadySent = r.caseChanges - r.caseChangesWaiting
  const found: string[] = []
  if (r.caseChangesWaiting > 0)
    found.push(t('app:cacheReport.changesUnsent', { count: r.caseChangesWaiting }))
  if (alreadySent > 0) found.push(t('app:cacheReport.changesSent', { count: alreadySent }))
  if (r.auditEntries > 0) found.push(t('app:cacheReport.auditEntries', { count: r.auditEntries }))
  if (r.photoViews > 0) found.push(t('app:cacheReport.photoViews', { count: r.photoViews }))
  if (r.exports > 0) found.push(t('app:cacheReport.exports', { count: r.exports }))
  if (r.evidenceSnapshots > 0)
    found.push(t('app:cacheReport.snapshots', { count: r.evidenceSnapshots }))
  if (r.settings) found.push(t('app:cacheReport.settings'))
  if (r.signIn) found.push(t('app:cacheReport.signIn'))
  if (recovery.problem.kind === 'foreign') {
    sentences.push(t('app:cacheReport.foreign'))
  } else if (found.length > 0) {
    sentences.push(t('app:cacheReport.recovered', { list: list(found) }))
  } else {
    sentences.push(
      recovery.salvaged ? t('app:cacheReport.nothingRecovered') : t('app:cacheReport.nothingRead'),
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
    let what: string =
      waiting === total
        ? t('app:cacheReport.changesUnsent', { count: total })
        : waiting > 0
          ? t('app:cacheReport.lostChangesSomeUnsent', { count: total, waiting })
          : t('app:cacheReport.lostChanges', { count: total })
    if (lost.caseChangesUncounted) what = t('app:cacheReport.atLeast', { what })
    const where: string[] = []
    if (orders.size > 0)
      where.push(t('app:cacheReport.onOrders', { count: orders.size, list: few([...orders]) }))
    if (caseIds.size > 0)
      where.push(t('app:cacheReport.onCases', { count: caseIds.size, list: few([...caseIds]) }))
    missing.push(
      where.length > 0 ? t('app:cacheReport.lostOn', { what, where: list(where) }) : what,
    )
  } else if (lost.caseChangesUncounted) {
    missing.push(t('app:cacheReport.uncounted'))
  }
  if (lost.auditEntries.length > 0) {
    const entries = lost.auditEntries.reduce((n, range) => n + range.to - range.from + 1, 0)
    const ranges = lost.auditEntries.map((g) =>
      g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`,
    )
    missing.push(t('app:cacheReport.auditLost', { count: entries, numbers: list(ranges) }))
  }
  for (const other of lost.other) {
    missing.push(t('app:cacheReport.partOf', { what: tableWords(other) }))
  }
  if (missing.length > 0) sentences.push(t('app:cacheReport.notRecovered', { list: list(missing) }))
  sentences.push(t('app:cacheReport.downloadAgain'))
  return sentences.join(' ')
}

/** What a salvaged table holds, in the language spoken (a recovery keeps NOUNS' English words). */
function tableWords(stored: string): string {
  const tables = Object.keys(NOUNS) as Array<keyof typeof NOUNS>
  const table = tables.find((name) => name === stored || NOUNS[name] === stored)
  return table ? t(`app:cacheReport.table.${table}`) : stored
}

/**
 * Damage met while running, before anything was moved: what is wrong and what happens next. The
 * app offers "Recover now"; a command leaves it to the next start.
 */
export function describeDamage(detail: string, next: 'recover-now' | 'next-start'): string {
  return next === 'recover-now'
    ? t('app:cacheReport.damagedRecoverNow', { detail })
    : t('app:cacheReport.damagedNextStart', { detail })
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

/** Up to four, then "and N more". */
function few(parts: string[]): string {
  return list(
    parts.length > 4
      ? [...parts.slice(0, 3), t('app:cacheReport.more', { count: parts.length - 3 })]
      : parts,
  )
}

/** "a, b and c", in the language spoken. */
function list(parts: string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(parts)
}

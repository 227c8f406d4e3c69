// The local audit log: one append-only table (`audit_log`, migration 004) of who saw or took
// what: photo views, exports, retention purges, the local data erased (and, in the same
// transaction, whose unsent work a supervisor erased with it). Each entry is chained to
// the previous one by hash (see audit-chain.ts), triggers refuse UPDATE and DELETE, and
// `verifyAuditLog` walks the chain and names the first entry where it breaks.
//
// To audit an act, append inside the transaction that records it, so both commit or neither does:
// photo views do (photo-views.ts); exports call `appendAuditEntry(sqlite, 'export', {...ids and
// counts, never customer details}, { actorId })` the same way.
//
// Nothing in Porchlight removes entries: retention purges customer data, never this log (it holds
// ids and times, no names, addresses or photos), and erasing the local data keeps it too.
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import canonicalize from 'canonicalize'
import { chainedEntry, entryHash, GENESIS_HASH, type AuditPayload } from './audit-chain.ts'

export type { AuditPayload } from './audit-chain.ts'

const KIND = /^[a-z][a-z0-9-]{0,39}$/

export interface AppendOptions {
  /** The user who did it; null for the app itself. */
  actorId: string | null
  at?: Date
}

export interface AppendedEntry {
  seq: number
  hash: string
}

interface HeadRow {
  seq: number
  hash: string
}

/**
 * Appends one entry after the current head. Inside the caller's transaction when there is one
 * (so the entry commits or rolls back with the act it records); otherwise in its own IMMEDIATE
 * transaction, which takes the write lock before reading the head, so another process appending
 * at the same moment waits instead of forking the chain.
 */
export function appendAuditEntry(
  sqlite: BetterSqlite3.Database,
  kind: string,
  payload: AuditPayload,
  options: AppendOptions,
): AppendedEntry {
  if (!KIND.test(kind)) throw new Error(`not an audit entry kind: ${JSON.stringify(kind)}`)
  const append = () => {
    const head = sqlite
      .prepare<[], HeadRow>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get()
    const entry = chainedEntry(head?.hash ?? GENESIS_HASH, {
      seq: (head?.seq ?? 0) + 1,
      kind,
      at: (options.at ?? new Date()).toISOString(),
      actorId: options.actorId,
      payload,
    })
    sqlite
      .prepare(
        `INSERT INTO audit_log (seq, kind, at, actor_id, payload_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.seq,
        entry.kind,
        entry.at,
        entry.actorId,
        entry.payloadJson,
        entry.prevHash,
        entry.hash,
      )
    return { seq: entry.seq, hash: entry.hash }
  }
  return sqlite.inTransaction ? append() : sqlite.transaction(append).immediate()
}

export interface AuditBreak {
  /** The first entry that does not hold (or, for a missing first entry, the one found instead). */
  seq: number
  kind: string | null
  at: string | null
  /** What is wrong, in words. */
  reason: string
}

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The last entry's sequence number and hash: keep them to notice a log cut short later. */
  head: { seq: number; hash: string } | null
  firstBreak: AuditBreak | null
  /** The triggers that refuse UPDATE and DELETE are in place. */
  appendOnlyEnforced: boolean
}

const PayloadSchema: z.ZodType<AuditPayload> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), PayloadSchema])),
)

interface StoredRow {
  seq: number
  kind: string
  at: string
  actor_id: string | null
  payload_json: string
  prev_hash: string
  hash: string
}

/** Walks the whole chain, oldest first, and reports the first entry where it breaks. */
export function verifyAuditLog(sqlite: BetterSqlite3.Database): AuditVerification {
  const triggers = sqlite
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`,
    )
    .all()
    .map((t) => t.name)
  const appendOnlyEnforced =
    triggers.includes('audit_log_no_update') && triggers.includes('audit_log_no_delete')

  let previous: StoredRow | null = null
  let entries = 0
  const broken = (row: StoredRow, reason: string): AuditVerification => {
    const missing = (previous?.seq ?? 0) + 1
    const recorded = missing < row.seq ? recordedLoss(sqlite, missing) : null
    return {
      ok: false,
      entries,
      head: previous ? { seq: previous.seq, hash: previous.hash } : null,
      firstBreak: { seq: row.seq, kind: row.kind, at: row.at, reason: reason + (recorded ?? '') },
      appendOnlyEnforced,
    }
  }
  const rows = sqlite
    .prepare<[], StoredRow>(
      'SELECT seq, kind, at, actor_id, payload_json, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .iterate()
  for (const row of rows) {
    const expectedSeq = (previous?.seq ?? 0) + 1
    if (row.seq !== expectedSeq) {
      return broken(
        row,
        expectedSeq === 1
          ? `the log starts at entry ${row.seq}: the entries before it were removed`
          : `entry ${expectedSeq} is missing (the log jumps from ${previous?.seq} to ${row.seq})`,
      )
    }
    const expectedPrev = previous?.hash ?? GENESIS_HASH
    if (row.prev_hash !== expectedPrev) {
      return broken(
        row,
        previous
          ? `it does not follow entry ${previous.seq}: an entry was removed, inserted or reordered here`
          : 'it does not start the chain: entries before it were removed',
      )
    }
    let payload: AuditPayload
    try {
      payload = PayloadSchema.parse(JSON.parse(row.payload_json))
    } catch {
      return broken(row, 'its contents are not readable: it was changed after it was written')
    }
    const fields = { seq: row.seq, kind: row.kind, at: row.at, actorId: row.actor_id, payload }
    // The stored text must be the canonical one too, so that what a reader sees in the row is
    // exactly what was hashed (not merely something that parses to the same value).
    const canonicalPayload = canonicalize(payload) === row.payload_json
    if (!canonicalPayload || entryHash(row.prev_hash, fields) !== row.hash) {
      return broken(row, 'its contents do not match its hash: it was changed after it was written')
    }
    previous = row
    entries++
  }
  return {
    ok: true,
    entries,
    head: previous ? { seq: previous.seq, hash: previous.hash } : null,
    firstBreak: null,
    appendOnlyEnforced,
  }
}

/**
 * When a damaged cache was recovered (db/recovery/recover-cache.ts), the entries that could not
 * be saved are named in a 'cache-recovered' entry: the words that explain a gap at `seq`, if so.
 */
function recordedLoss(sqlite: BetterSqlite3.Database, seq: number): string | null {
  const recoveries = sqlite
    .prepare<[number], { seq: number; at: string; payload_json: string }>(
      "SELECT seq, at, payload_json FROM audit_log WHERE kind = 'cache-recovered' AND seq >= ? ORDER BY seq",
    )
    .all(seq)
  for (const entry of recoveries) {
    let lost: unknown
    try {
      lost = (JSON.parse(entry.payload_json) as { auditEntriesLost?: unknown }).auditEntriesLost
    } catch {
      continue
    }
    if (typeof lost !== 'string') continue
    const covers = lost.split(',').some((range) => {
      const [from, to] = range.trim().split('-').map(Number)
      return from !== undefined && seq >= from && seq <= (to ?? from)
    })
    if (covers) {
      return `; entries ${lost} were lost with a damaged cache, as entry ${entry.seq} (${entry.at}) records`
    }
  }
  return null
}

/** How many entries the log holds and when the oldest was written, for the settings screen. */
export function auditLogSummary(sqlite: BetterSqlite3.Database): {
  entries: number
  oldestAt: string | null
} {
  const row = sqlite
    .prepare<[], { n: number; oldest: string | null }>(
      'SELECT count(*) AS n, min(at) AS oldest FROM audit_log',
    )
    .get()
  return { entries: row?.n ?? 0, oldestAt: row?.oldest ?? null }
}

// A damaged cache file at start: never taken for a new cache, kept aside as it was, what only this
// computer held (the outbox, the audit log) saved into a new cache, and the rest left to a sync.
// Real cache files, written by the app's own modules, damaged on disk.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { eraseLocalData } from '../../../electron/core/privacy/erase-local-data.ts'
import { recoverCache } from '../../../electron/core/db/recovery/recover-cache.ts'
import { createRetention } from '../../../electron/core/retention/retention.ts'
import {
  describeRecovery,
  type CacheRecovery,
} from '../../../electron/core/db/recovery/recovery-report.ts'
import {
  AGENT,
  CACHE,
  cacheBytes,
  fillCache,
  garblePages,
  leafPagesOf,
  ownersOf,
  truncateCache,
  type FilledCache,
} from './damaged-cache-fixture.ts'

const dirs: string[] = []
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-damaged-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The one file kept in damaged/ (with its -wal/-shm beside it). */
function keptFile(dataDir: string): string {
  const files = readdirSync(join(dataDir, 'damaged')).filter((f) => f.endsWith('.sqlite'))
  expect(files).toHaveLength(1)
  expect(files[0]).toMatch(/^porchlight-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/)
  return join(dataDir, 'damaged', files[0]!)
}

interface EventRow {
  seq: number
  id: string
  case_id: string
  type: string
  body_json: string
  state: string
}

function eventsOf(local: LocalDatabase): EventRow[] {
  return local.sqlite
    .prepare<[], EventRow>(
      'SELECT seq, id, case_id, type, body_json, state FROM case_events ORDER BY seq',
    )
    .all()
}

function recoveryOf(local: LocalDatabase): CacheRecovery {
  expect(local.recovery).not.toBeNull()
  return local.recovery as CacheRecovery
}

async function damagedCache(
  damage: (dataDir: string, filled: FilledCache) => void,
): Promise<{ dataDir: string; filled: FilledCache; damagedBytes: Buffer }> {
  const dataDir = tempDataDir()
  const filled = await fillCache(dataDir)
  damage(dataDir, filled)
  return { dataDir, filled, damagedBytes: cacheBytes(dataDir) }
}

/** What must hold after every recovery: the new cache is whole, the audit log verifies. */
function expectSoundNewCache(local: LocalDatabase) {
  expect(local.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  const lastEntry = local.sqlite
    .prepare<[], { kind: string; payload_json: string }>(
      'SELECT kind, payload_json FROM audit_log ORDER BY seq DESC LIMIT 1',
    )
    .get()
  expect(lastEntry?.kind).toBe('cache-recovered')
  // A fresh start: no cursor, no sync history; the next sync is a full one.
  expect(local.sqlite.prepare('SELECT count(*) AS n FROM sync_cursors').get()).toEqual({ n: 0 })
  expect(local.sqlite.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 0 })
}

describe('a damaged cache at start', () => {
  it('a zero-byte file is not a new cache: it is kept aside and the start says so', async () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, CACHE), '')
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('empty')
      expect(readFileSync(keptFile(dataDir)).length).toBe(0)
      expect(describeRecovery(recovery)).toContain(
        'The local cache could not be used: the file is empty (0 bytes).',
      )
      expect(describeRecovery(recovery)).toContain('Nothing in it could be read')
      expectSoundNewCache(local)
    } finally {
      await local.close()
    }
  })

  it('a text file in its place is kept aside as it was, not overwritten', async () => {
    const dataDir = tempDataDir()
    const text = 'These are my notes, not a database.\n'.repeat(200)
    writeFileSync(join(dataDir, CACHE), text)
    const local = await openDatabase(dataDir)
    try {
      expect(recoveryOf(local).problem.kind).toBe('not-sqlite')
      expect(readFileSync(keptFile(dataDir), 'utf8')).toBe(text)
      expect(describeRecovery(recoveryOf(local))).toContain('the file is not an SQLite database')
      expectSoundNewCache(local)
    } finally {
      await local.close()
    }
  })

  it('another program’s SQLite database is kept aside, and nothing is taken from it', async () => {
    const dataDir = tempDataDir()
    const other = new BetterSqlite3(join(dataDir, CACHE))
    other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
    other.close()
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('foreign')
      expect(recovery.problem.detail).toContain('recipes')
      expect(describeRecovery(recovery)).toContain('It is not a Porchlight cache')
      const kept = new BetterSqlite3(keptFile(dataDir), { readonly: true })
      expect(kept.prepare('SELECT name FROM recipes').pluck().all()).toEqual(['soup'])
      kept.close()
    } finally {
      await local.close()
    }
  })

  it('a cut-short file: the outbox and the audit log in its first half are all recovered', async () => {
    const { dataDir, filled, damagedBytes } = await damagedCache((dir, f) =>
      truncateCache(dir, Math.floor(f.pages * 0.6) * f.pageSize),
    )
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('truncated')
      // Kept byte for byte as it was found.
      expect(readFileSync(keptFile(dataDir)).equals(damagedBytes)).toBe(true)
      expect(eventsOf(local)).toEqual(filled.events)
      expect(recovery.recovered).toMatchObject({
        caseChanges: filled.events.length, // 12 cases, 7 events each
        caseChangesWaiting: filled.waiting,
        auditEntries: filled.auditEntries,
        photoViews: filled.photoViews,
        exports: filled.exports,
        evidenceSnapshots: 12,
        settings: true,
        signIn: true,
      })
      expect(recovery.lost.caseChanges).toEqual([])
      expect(describeRecovery(recovery)).toContain(
        `Recovered from it: ${filled.waiting} case changes not yet sent, 36 case changes already sent, ${filled.auditEntries} audit log entries`,
      )
      expect(describeRecovery(recovery)).toContain(
        'Deliveries, photos and cases will be downloaded again at the next sync.',
      )
      // The recovered chain verifies, with the recovery on record after it.
      expect(verifyAuditLog(local.sqlite)).toMatchObject({
        ok: true,
        entries: filled.auditEntries + 1,
      })
      // Who was signed in and the settings came along.
      const state = local.sqlite
        .prepare<[], { key: string }>('SELECT key FROM app_state ORDER BY key')
        .all()
        .map((r) => r.key)
      expect(state).toContain('settings')
      const user = local.sqlite
        .prepare<[], string>("SELECT value FROM app_state WHERE key = 'session.user'")
        .pluck()
        .get()
      expect(JSON.parse(user ?? 'null')).toEqual(AGENT)
      expectSoundNewCache(local)
    } finally {
      await local.close()
    }
  })

  it('garbage pages in the middle of the file: found at start, and the outbox is whole', async () => {
    let hit: string[] = []
    const { dataDir, filled } = await damagedCache((dir, f) => {
      const middle = Array.from({ length: 4 }, (_, i) => Math.floor(f.pages / 2) + i)
      hit = ownersOf(dir, middle)
      garblePages(dir, middle, f.pageSize)
    })
    // The fixture's layout puts deliveries and their photos there (damaged-cache-fixture.ts).
    expect(hit.filter((name) => !/deliver/.test(name))).toEqual([])
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('corrupt')
      expect(eventsOf(local)).toEqual(filled.events)
      expect(recovery.recovered.auditEntries).toBe(filled.auditEntries)
      expect(recovery.lost).toEqual({
        caseChanges: [],
        caseChangesUncounted: false,
        auditEntries: [],
        other: [],
      })
      expectSoundNewCache(local)
    } finally {
      await local.close()
    }
  })

  it('a destroyed page of the case events: the rest are saved, the lost ones named', async () => {
    let destroyed = 0
    const { dataDir, filled } = await damagedCache((dir, f) => {
      const leaves = leafPagesOf(dir, 'case_events')
      expect(leaves.length).toBeGreaterThan(3)
      destroyed = leaves[Math.floor(leaves.length / 2)]!
      garblePages(dir, [destroyed], f.pageSize)
    })
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('corrupt')
      const saved = eventsOf(local)
      // Every row saved is exactly as it was; the ones missing are exactly the ones reported.
      const original = new Map(filled.events.map((e) => [e.seq, e]))
      for (const row of saved) expect(row).toEqual(original.get(row.seq))
      const missing = filled.events.filter((e) => !saved.some((s) => s.seq === e.seq))
      expect(missing.length).toBeGreaterThan(0)
      expect(saved.length).toBeGreaterThan(filled.events.length / 2)
      expect(recovery.lost.caseChanges).toEqual(
        missing.map((e) => ({
          seq: e.seq,
          caseId: e.case_id,
          // The fixture's cases were opened here; their deliveries' order ids are in the file.
          orderId: expect.stringMatching(/^114-0000000-/) as unknown as string,
          waiting: e.state === 'pending',
        })),
      )
      expect(recovery.lost.caseChangesUncounted).toBe(false)
      const waitingLost = missing.filter((e) => e.state === 'pending').length
      expect(recovery.recovered.caseChangesWaiting).toBe(filled.waiting - waitingLost)
      const words = describeRecovery(recovery)
      expect(words).toContain(`Could not be recovered: ${missing.length} case change`)
      expect(words).toMatch(/on the cases of orders? 114-0000000-/)
      // Everything else of the page's neighbours is intact.
      expect(recovery.recovered.auditEntries).toBe(filled.auditEntries)
      expectSoundNewCache(local)
    } finally {
      await local.close()
    }
  })

  it('a destroyed page of the audit log: the gap is on record, and verifying names it', async () => {
    const { dataDir, filled } = await damagedCache((dir, f) => {
      const leaves = leafPagesOf(dir, 'audit_log')
      garblePages(dir, [leaves[1]!], f.pageSize)
    })
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.lost.auditEntries.length).toBe(1)
      const gap = recovery.lost.auditEntries[0]!
      expect(recovery.recovered.auditEntries).toBe(filled.auditEntries - (gap.to - gap.from + 1))
      expect(describeRecovery(recovery)).toContain(
        `(numbers ${gap.from}–${gap.to}; the loss is recorded in the audit log)`,
      )
      const verified = verifyAuditLog(local.sqlite)
      expect(verified.ok).toBe(false)
      expect(verified.firstBreak?.reason).toContain(
        // The recovery's own entry follows the last one recovered.
        `entries ${gap.from}-${gap.to} were lost with a damaged cache, as entry ${filled.auditEntries + 1}`,
      )
      expect(recovery.auditChain.intact).toBe(false)
    } finally {
      await local.close()
    }
  })
})

describe('the start check of a large cache', () => {
  // Above the limit (here: every cache) the start reads the tables only this computer holds, not
  // the whole file (see check-cache-file.ts for the cost).
  const large = { fullCheckMaxBytes: 0 }

  it('still finds a damaged page of the outbox at start', async () => {
    const { dataDir } = await damagedCache((dir, f) => {
      const leaves = leafPagesOf(dir, 'case_events')
      garblePages(dir, [leaves[1]!], f.pageSize)
    })
    const local = await openDatabase(dataDir, large)
    try {
      expect(recoveryOf(local).problem.kind).toBe('corrupt')
      expect(recoveryOf(local).recovered.auditEntries).toBeGreaterThan(0)
    } finally {
      await local.close()
    }
  })

  it('leaves damage among the deliveries to be found when read', async () => {
    const { dataDir } = await damagedCache((dir, f) => {
      const leaves = leafPagesOf(dir, 'deliveries_fts_data')
      garblePages(dir, leaves, f.pageSize)
    })
    const local = await openDatabase(dataDir, large)
    try {
      expect(local.recovery).toBeNull()
      expect(() =>
        local.sqlite
          .prepare("SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH 'customer'")
          .all(),
      ).toThrow(/database disk image is malformed/)
    } finally {
      await local.close()
    }
  })
})

describe('a sound cache at start', () => {
  it('opens as it is, with no recovery', async () => {
    const dataDir = tempDataDir()
    const filled = await fillCache(dataDir, { deliveries: 100 })
    const local = await openDatabase(dataDir)
    try {
      expect(local.recovery).toBeNull()
      expect(eventsOf(local)).toEqual(filled.events)
      expect(existsSync(join(dataDir, 'damaged'))).toBe(false)
    } finally {
      await local.close()
    }
  })

  it('a database left without tables by a first start cut short is simply new', async () => {
    const dataDir = tempDataDir()
    const first = new BetterSqlite3(join(dataDir, CACHE))
    first.pragma('journal_mode = WAL')
    first.close()
    const local = await openDatabase(dataDir)
    try {
      expect(local.recovery).toBeNull()
    } finally {
      await local.close()
    }
  })
})

describe('a recovery cut short', () => {
  it('is finished by the next start: nothing is left half moved', async () => {
    const { dataDir, filled } = await damagedCache((dir, f) =>
      truncateCache(dir, Math.floor(f.pages * 0.6) * f.pageSize),
    )
    // The process died right after noting that it would move the file aside.
    writeFileSync(
      join(dataDir, `${CACHE}.recovering`),
      JSON.stringify({
        phase: 'moving',
        keptName: 'porchlight-2026-12-01T08-00-00Z.sqlite',
        at: '2026-12-01T08:00:00.000Z',
        problem: { kind: 'truncated', detail: 'the file is cut short' },
      }),
    )
    const local = await openDatabase(dataDir)
    try {
      expect(existsSync(join(dataDir, 'damaged', 'porchlight-2026-12-01T08-00-00Z.sqlite'))).toBe(
        true,
      )
      expect(existsSync(join(dataDir, `${CACHE}.recovering`))).toBe(false)
      expect(recoveryOf(local).at).toBe('2026-12-01T08:00:00.000Z')
      expect(eventsOf(local)).toEqual(filled.events)
      // Moved once, under the name first chosen.
      for (const name of readdirSync(join(dataDir, 'damaged')))
        expect(name.startsWith('porchlight-2026-12-01T08-00-00Z.sqlite')).toBe(true)
    } finally {
      await local.close()
    }
  })

  it('a damaged page met while running is recovered at the next start', async () => {
    const dataDir = tempDataDir()
    const filled = await fillCache(dataDir, { deliveries: 100 })
    writeFileSync(
      join(dataDir, `${CACHE}.damaged`),
      JSON.stringify({
        at: '2026-12-01T08:00:00.000Z',
        detail: 'database disk image is malformed',
      }),
    )
    const local = await openDatabase(dataDir)
    try {
      expect(recoveryOf(local).problem).toEqual({
        kind: 'corrupt',
        detail:
          'database disk image is malformed (met while Porchlight was running, 2026-12-01T08:00:00.000Z)',
      })
      expect(eventsOf(local)).toEqual(filled.events)
      expect(existsSync(join(dataDir, `${CACHE}.damaged`))).toBe(false)
    } finally {
      await local.close()
    }
  })
})

describe('a damaged cache kept aside', () => {
  it('never overwrites one kept before, even from the same second', async () => {
    const dataDir = tempDataDir()
    // New caches for recoverCache, made as openDatabase makes them.
    const template = tempDataDir()
    await (await openDatabase(template)).close()
    const createCache = async (file: string) => {
      copyFileSync(join(template, CACHE), file)
      return new BetterSqlite3(file)
    }
    const at = new Date('2026-12-01T08:00:00.000Z')
    for (const text of ['first damaged file', 'second damaged file']) {
      writeFileSync(join(dataDir, CACHE), text)
      const problem = { kind: 'not-sqlite', detail: 'the file is not an SQLite database' } as const
      await recoverCache({ dataDir, problem, createCache, now: at })
    }
    const kept = readdirSync(join(dataDir, 'damaged')).filter((f) => f.endsWith('.sqlite'))
    expect(kept.sort()).toEqual([
      'porchlight-2026-12-01T08-00-00Z-2.sqlite',
      'porchlight-2026-12-01T08-00-00Z.sqlite',
    ])
    expect(readFileSync(join(dataDir, 'damaged', kept[1]!), 'utf8')).toBe('first damaged file')
    expect(readFileSync(join(dataDir, 'damaged', kept[0]!), 'utf8')).toBe('second damaged file')
  })

  it('a log left without its cache file is kept too, and said to be', async () => {
    const dataDir = tempDataDir()
    writeFileSync(join(dataDir, `${CACHE}-wal`), Buffer.alloc(8192, 7))
    const local = await openDatabase(dataDir)
    try {
      const recovery = recoveryOf(local)
      expect(recovery.problem.kind).toBe('missing')
      expect(recovery.keptAs).toMatch(/^damaged\/porchlight-.*\.sqlite-wal$/)
      expect(readFileSync(join(dataDir, recovery.keptAs!)).length).toBe(8192)
    } finally {
      await local.close()
    }
  })

  it('holds customer data, so it goes when the delivery records would, and with an erase', async () => {
    const { dataDir } = await damagedCache((dir, f) =>
      truncateCache(dir, Math.floor(f.pages * 0.6) * f.pageSize),
    )
    const local = await openDatabase(dataDir)
    try {
      const kept = keptFile(dataDir)
      const policy = () => ({ photoDays: 30, deliveryDays: 90 })
      // Within the delivery period it stays...
      const soon = new Date(Date.now() + 89 * 86_400_000)
      await createRetention({ sqlite: local.sqlite, dataDir, policy, now: () => soon }).run()
      expect(existsSync(kept)).toBe(true)
      // ...and past it, it is removed with its log.
      const later = new Date(Date.now() + 91 * 86_400_000)
      await createRetention({ sqlite: local.sqlite, dataDir, policy, now: () => later }).run()
      expect(readdirSync(join(dataDir, 'damaged'))).toEqual([])

      // An erase of the local data takes the folder whatever its age.
      writeFileSync(join(dataDir, 'damaged', 'porchlight-2026-12-01T08-00-00Z.sqlite'), 'x')
      await eraseLocalData({ sqlite: local.sqlite, dataDir, actorId: AGENT.id, discardedUnsent: 0 })
      expect(existsSync(join(dataDir, 'damaged'))).toBe(false)
    } finally {
      await local.close()
    }
  })
})

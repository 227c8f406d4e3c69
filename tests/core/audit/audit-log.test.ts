// The local audit log: append-only (the database refuses changes), each entry chained to the one
// before by hash, and a check (`porchlight audit verify`) that names the first entry where the
// chain breaks, however it was broken.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { GENESIS_HASH, entryHash } from '../../../electron/core/audit/audit-chain.ts'
import { appendAuditEntry, verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { createPhotoViewLog } from '../../../electron/core/audit/photo-views.ts'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')
const dirs: string[] = []
const open: LocalDatabase[] = []

afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined)
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function freshLog(entries = 5): Promise<{ dir: string; local: LocalDatabase }> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-audit-'))
  dirs.push(dir)
  const local = await openDatabase(dir)
  open.push(local)
  for (let n = 1; n <= entries; n++) {
    appendAuditEntry(
      local.sqlite,
      n % 2 ? 'photo-view' : 'export',
      { photoId: `ph_${n}`, rows: n, nested: { format: 'csv', ok: true } },
      { actorId: 'u_alex', at: new Date(Date.UTC(2025, 5, 1, 12, n)) },
    )
  }
  return { dir, local }
}

/** The database as someone with the file would change it: triggers dropped first. */
function tamper(sqlite: BetterSqlite3.Database, sql: string, ...args: unknown[]) {
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete')
  sqlite.prepare(sql).run(...args)
}

function runCli(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
      })
    })
  })
}

describe('the audit log', () => {
  it('chains each entry to the one before and verifies whole', async () => {
    const { local } = await freshLog(5)
    const rows = local.sqlite
      .prepare<[], { seq: number; prev_hash: string; hash: string; payload_json: string }>(
        'SELECT seq, prev_hash, hash, payload_json FROM audit_log ORDER BY seq',
      )
      .all()
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash)
    // Canonical JSON: keys sorted, no spaces, whatever order they were given in.
    expect(rows[0]?.payload_json).toBe(
      '{"nested":{"format":"csv","ok":true},"photoId":"ph_1","rows":1}',
    )
    // The hash is sha256(previous hash, newline, canonical entry): recomputable by anyone.
    expect(rows[0]?.hash).toBe(
      entryHash(GENESIS_HASH, {
        seq: 1,
        kind: 'photo-view',
        at: '2025-06-01T12:01:00.000Z',
        actorId: 'u_alex',
        payload: { photoId: 'ph_1', rows: 1, nested: { ok: true, format: 'csv' } },
      }),
    )
    expect(verifyAuditLog(local.sqlite)).toEqual({
      ok: true,
      entries: 5,
      head: { seq: 5, hash: rows[4]?.hash },
      firstBreak: null,
      appendOnlyEnforced: true,
    })
  })

  it('refuses to change or remove an entry, and to fork the chain', async () => {
    const { local } = await freshLog(3)
    expect(() =>
      local.sqlite.prepare("UPDATE audit_log SET kind = 'x' WHERE seq = 2").run(),
    ).toThrow(/append-only/)
    expect(() => local.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(
      /append-only/,
    )
    const second = local.sqlite.prepare('SELECT prev_hash FROM audit_log WHERE seq = 2').get() as {
      prev_hash: string
    }
    expect(() =>
      local.sqlite
        .prepare(
          `INSERT INTO audit_log (kind, at, actor_id, payload_json, prev_hash, hash)
           VALUES ('export', '2025-06-02T00:00:00.000Z', NULL, '{}', ?, ?)`,
        )
        .run(second.prev_hash, 'f'.repeat(64)),
    ).toThrow(/UNIQUE/)
    expect(() => appendAuditEntry(local.sqlite, 'Not A Kind', {}, { actorId: null })).toThrow()
    expect(verifyAuditLog(local.sqlite).ok).toBe(true)
  })

  it.each([
    {
      what: 'a changed payload',
      sql: `UPDATE audit_log SET payload_json = '{"nested":{"format":"csv","ok":true},"photoId":"ph_X","rows":3}' WHERE seq = 3`,
      seq: 3,
      reason: /contents do not match its hash/,
    },
    {
      what: 'a changed actor',
      sql: "UPDATE audit_log SET actor_id = 'u_someone_else' WHERE seq = 2",
      seq: 2,
      reason: /contents do not match its hash/,
    },
    {
      what: 'a payload rewritten in another spelling',
      sql: `UPDATE audit_log SET payload_json = '{"rows":4,"photoId":"ph_4","nested":{"format":"csv","ok":true}}' WHERE seq = 4`,
      seq: 4,
      reason: /contents do not match/,
    },
    {
      what: 'an entry removed from the middle',
      sql: 'DELETE FROM audit_log WHERE seq = 3',
      seq: 4,
      reason: /entry 3 is missing/,
    },
    {
      what: 'the first entries removed',
      sql: 'DELETE FROM audit_log WHERE seq <= 2',
      seq: 3,
      reason: /starts at entry 3/,
    },
    {
      what: 'two entries swapped',
      sql: `UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 102 WHEN 3 THEN 2 END WHERE seq IN (2, 3)`,
      seq: 2,
      reason: /does not follow entry 1/,
    },
    {
      what: 'unreadable contents',
      sql: "UPDATE audit_log SET payload_json = 'not json' WHERE seq = 5",
      seq: 5,
      reason: /not readable/,
    },
  ])('names the first broken entry after $what', async ({ sql, seq, reason }) => {
    const { local } = await freshLog(5)
    tamper(local.sqlite, sql)
    if (sql.includes('102'))
      local.sqlite.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 102').run()
    const result = verifyAuditLog(local.sqlite)
    expect(result.ok).toBe(false)
    expect(result.firstBreak?.seq).toBe(seq)
    expect(result.firstBreak?.reason).toMatch(reason)
    expect(result.appendOnlyEnforced).toBe(false)
  })

  it('records every photo view in the chain in the same transaction as the outbox row', async () => {
    const { local } = await freshLog(0)
    const views = createPhotoViewLog(local.sqlite)
    // A second connection appends in between: each writer reads the head under the write lock.
    const other = new BetterSqlite3(local.file)
    other.pragma('busy_timeout = 5000')
    for (let n = 0; n < 20; n++) {
      views.record({ photoId: `ph_${n}`, deliveryId: 'd1', caseId: null, userId: 'u_alex' })
      appendAuditEntry(other, 'export', { n }, { actorId: 'u_sam' })
    }
    other.close()
    const kinds = local.sqlite
      .prepare<[], { kind: string; payload_json: string }>(
        'SELECT kind, payload_json FROM audit_log ORDER BY seq',
      )
      .all()
    expect(kinds).toHaveLength(40)
    const viewIds = local.sqlite
      .prepare<[], { id: string }>('SELECT id FROM photo_views ORDER BY seq')
      .all()
      .map((r) => r.id)
    const logged = kinds
      .filter((k) => k.kind === 'photo-view')
      .map((k) => (JSON.parse(k.payload_json) as { viewId: string }).viewId)
    expect(logged).toEqual(viewIds)
    expect(verifyAuditLog(local.sqlite).ok).toBe(true)
  })

  it('takes the photo views recorded before it existed into the chain, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-audit-'))
    dirs.push(dir)
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '004'))
    const old = await openDatabase(dir, { migrations: before })
    const insert = old.sqlite.prepare(
      `INSERT INTO photo_views (id, photo_id, delivery_id, case_id, user_id, viewed_at, sent_at)
       VALUES (?, ?, 'd1', NULL, 'u_alex', ?, NULL)`,
    )
    for (let n = 1; n <= 3; n++) insert.run(`view-${n}`, `ph_${n}`, `2025-05-0${n}T10:00:00.000Z`)
    await old.close()
    const local = await openDatabase(dir)
    open.push(local)
    const rows = local.sqlite
      .prepare<[], { kind: string; at: string; payload_json: string }>(
        'SELECT kind, at, payload_json FROM audit_log ORDER BY seq',
      )
      .all()
    expect(rows.map((r) => [r.kind, r.at, JSON.parse(r.payload_json).viewId])).toEqual([
      ['photo-view', '2025-05-01T10:00:00.000Z', 'view-1'],
      ['photo-view', '2025-05-02T10:00:00.000Z', 'view-2'],
      ['photo-view', '2025-05-03T10:00:00.000Z', 'view-3'],
    ])
    expect(verifyAuditLog(local.sqlite)).toMatchObject({ ok: true, entries: 3 })
  })

  it('porchlight audit verify reports an intact log, and the entry where a broken one breaks', async () => {
    const { dir, local } = await freshLog(4)
    await local.close()
    open.splice(0)
    const intact = await runCli(['audit', 'verify', '--data-dir', dir])
    expect(intact.code).toBe(0)
    expect(intact.stdout).toMatch(/The audit log is intact: 4 entries/)

    const sqlite = new BetterSqlite3(join(dir, 'porchlight.sqlite'))
    tamper(sqlite, "UPDATE audit_log SET at = '2025-01-01T00:00:00.000Z' WHERE seq = 2")
    sqlite.close()
    const broken = await runCli(['audit', 'verify', '--data-dir', dir])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(
      /BROKEN at entry 2 \(export, 2025-01-01T00:00:00.000Z\): its contents do not match its hash/,
    )
    expect(broken.stdout).toMatch(/The 1 entries before it are intact/)
    expect(broken.stdout).toMatch(/append-only have been removed/)
    const json = await runCli(['audit', 'verify', '--json', '--data-dir', dir])
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBreak: { seq: 2 } })

    const nowhere = await runCli(['audit', 'verify', '--data-dir', join(dir, 'missing')])
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toMatch(/No Porchlight data at/)
    const wrong = await runCli(['audit', 'check', '--data-dir', dir])
    expect(wrong.code).toBe(2)
  })
})

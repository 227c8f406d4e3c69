// Migrations are frozen: each one is SQL of its own (and the little code it needs, copied in as it
// was when it shipped), so that no later change elsewhere changes what an old migration does to a
// cache it has not run on yet. 004 and 005 once used live code; their frozen copies must still
// write exactly what that code writes.
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { chainedEntry, GENESIS_HASH } from '../../../electron/core/audit/audit-chain.ts'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { KEY_SLOTS, recencyBase } from '../../../electron/core/deliveries/recency-key.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const MIGRATIONS = new URL('../../../electron/core/db/migrations/', import.meta.url)
const before = (name: string) =>
  Object.fromEntries(Object.entries(migrations).filter(([key]) => key < name))

describe('migrations', () => {
  const temp = tempDir()
  afterAll(() => temp.remove())

  it('import nothing but Kysely, Node and each other', () => {
    const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(9)
    for (const file of files) {
      const text = readFileSync(new URL(file, MIGRATIONS), 'utf8')
      const imported = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map(
        (m) => m[1]!,
      )
      const foreign = imported.filter(
        (from) =>
          !/^kysely(\/|$)/.test(from) && !from.startsWith('node:') && !/^\.\/[^/]+$/.test(from),
      )
      expect(foreign, `${file} imports live code`).toEqual([])
    }
  })

  it('004 chains the photo views recorded before it exactly as the audit log does', async () => {
    const dir = `${temp.dir}/004`
    const old = await openDatabase(dir, { migrations: before('004') })
    const insert = old.sqlite.prepare(
      `INSERT INTO photo_views (id, photo_id, delivery_id, case_id, user_id, viewed_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    // Values that JSON spells in more than one way elsewhere: quotes, backslashes, control
    // characters, accents, characters beyond the BMP, a line separator.
    const views = [
      ['v-1', 'ph_1', 'd1', null, 'u_alex', '2025-05-01T10:00:00.000Z'],
      ['v-"2"', 'ph\\2', 'd\n2', 'case-1', 'José Núñez', '2025-05-02T10:00:00.000Z'],
      ['v-3 📦', 'ph\u2028', 'd\u0001', 'c\t', 'u_✓', '2025-05-03T10:00:00+02:00'],
    ] as const
    for (const view of views) insert.run(...view)
    await old.close()

    const local = await openDatabase(dir)
    try {
      const rows = local.sqlite
        .prepare('SELECT seq, kind, at, actor_id, payload_json, prev_hash, hash FROM audit_log')
        .all()
      let prevHash = GENESIS_HASH
      const expected = views.map(([id, photoId, deliveryId, caseId, userId, viewedAt], i) => {
        const entry = chainedEntry(prevHash, {
          seq: i + 1,
          kind: 'photo-view',
          at: viewedAt,
          actorId: userId,
          payload: { viewId: id, photoId, deliveryId, caseId },
        })
        prevHash = entry.hash
        return {
          seq: entry.seq,
          kind: entry.kind,
          at: entry.at,
          actor_id: entry.actorId,
          payload_json: entry.payloadJson,
          prev_hash: entry.prevHash,
          hash: entry.hash,
        }
      })
      expect(rows).toEqual(expected)
      expect(verifyAuditLog(local.sqlite)).toMatchObject({ ok: true, entries: 3 })
    } finally {
      await local.close()
    }
  })

  it('005 gives each delivery the recency key the delivery store gives it', async () => {
    const dir = `${temp.dir}/005`
    const old = await openDatabase(dir, { migrations: before('005') })
    const insert = old.sqlite.prepare(`
      INSERT INTO deliveries (id, version, updated_at, order_id, tracking_number, status,
        delivered_at, customer_id, customer_name, address_line1, city, postal_code, country,
        drop_spot, driver_id, driver_name, items_json)
      VALUES (?, 1, ?, 'o', 't', 'delivered', ?, 'c', 'n', 'l', 'Seattle', '98101', 'US',
        'front_door', 'drv', 'Dana', '[]')`)
    const deliveries = [
      ['a', '2026-11-20T10:00:00Z', '2026-11-20T09:30:00-08:00'],
      ['b', '2026-11-20T10:00:00Z', '2026-11-20T09:30:00-08:00'],
      ['c', '2026-11-21T10:00:00Z', '1999-12-31T23:59:59Z'],
      ['waiting', '2026-11-22T07:15:00.250Z', null],
    ] as const
    for (const [id, updatedAt, deliveredAt] of deliveries) insert.run(id, updatedAt, deliveredAt)
    await old.close()

    const local = await openDatabase(dir)
    try {
      const keys = new Map(
        local.sqlite
          .prepare<[], { id: string; rowid: number }>('SELECT id, rowid FROM deliveries')
          .all()
          .map((r) => [r.id, r.rowid]),
      )
      for (const [id, updatedAt, deliveredAt] of deliveries) {
        const base = recencyBase(deliveredAt, updatedAt)
        const key = keys.get(id)!
        expect(key - base, id).toBeGreaterThanOrEqual(0)
        expect(key - base, id).toBeLessThan(KEY_SLOTS)
      }
      // Two deliveries of the same second take that second's first two slots, in id order.
      expect(keys.get('b')! - keys.get('a')!).toBe(1)
    } finally {
      await local.close()
    }
  })
})

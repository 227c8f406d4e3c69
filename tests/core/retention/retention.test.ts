// Retention: what has expired leaves the computer for good. Purged records and photos are gone
// from the database file's bytes (and from the WAL) and from the disk, while what an open case
// needs stays; photos retention would remove are never fetched, and come back when a case opens.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { photoFilePath, thumbnailPath } from '../../../electron/core/photos/photo-files.ts'
import { createRetention, purgedPhotoReason } from '../../../electron/core/retention/retention.ts'
import { createDeliverySearch } from '../../../electron/core/search/search-deliveries.ts'
import { createSettingsStore } from '../../../electron/core/settings/settings.ts'
import {
  ANCHOR,
  signedInConsole,
  startConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from '../cases/desk-harness.ts'

const DAY = 86_400_000
const dirs = tempDirs()
let svc: DeskService

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 60, seed: 71 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

interface Row {
  id: string
  order_id: string
  tracking_number: string
  customer_id: string
  customer_name: string
  customer_email: string | null
  customer_phone: string | null
  address_line1: string
  city: string
  delivered_at: string | null
}

/** Every byte the database keeps on disk: the main file and, when present, its WAL. */
function databaseBytes(dataDir: string): Buffer {
  const file = join(dataDir, 'porchlight.sqlite')
  const wal = `${file}-wal`
  return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)])
}

/** The forms a value takes in the file: as written, and as the search index stores its words. */
function forms(value: string): string[] {
  const words = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 5)
  return [value, ...words]
}

describe('retention', () => {
  it('purges expired photos and records from the file bytes, the WAL and the disk, keeping what cases need', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir)
    const age = (r: Row) => ANCHOR.getTime() - Date.parse(r.delivered_at ?? '')

    const sqlite = (await openDatabase(dataDir)).sqlite
    const all = sqlite
      .prepare<[], Row>(
        `SELECT d.* FROM deliveries d WHERE d.delivered_at IS NOT NULL AND d.photo_withheld IS NULL
         AND EXISTS (SELECT 1 FROM delivery_photos p WHERE p.delivery_id = d.id AND p.state = 'stored')
         AND d.id NOT IN (SELECT delivery_id FROM cases)`,
      )
      .all()
    sqlite.close()
    // A: old enough for both periods, no case. B: as old, but we open a case on it. C: recent.
    const old = all.filter((r) => age(r) > 50 * DAY)
    const customerCount = new Map<string, number>()
    for (const r of all)
      customerCount.set(r.customer_id, (customerCount.get(r.customer_id) ?? 0) + 1)
    const a = old.find((r) => customerCount.get(r.customer_id) === 1)
    const b = old.find((r) => r !== a)
    const c = all.find((r) => age(r) < 20 * DAY)
    expect(
      a && b && c,
      'the world has an old lone delivery, another old one and a recent one',
    ).toBeTruthy()
    if (!a || !b || !c) return
    await desk.h.openCase({ deliveryId: b.id, reason: 'not_received' })
    await desk.core.syncOnce()
    await desk.close()

    const local = await openDatabase(dataDir)
    const shasOf = (id: string) =>
      local.sqlite
        .prepare<[string], { sha256: string }>(
          "SELECT sha256 FROM delivery_photos WHERE delivery_id = ? AND state = 'stored'",
        )
        .all(id)
        .map((r) => r.sha256)
    const [shasA, shasB, shasC] = [shasOf(a.id), shasOf(b.id), shasOf(c.id)]
    expect(shasA.length).toBeGreaterThan(0)
    for (const sha of shasA) expect(existsSync(photoFilePath(dataDir, sha))).toBe(true)

    const sentinels = [
      a.order_id,
      a.tracking_number,
      ...forms(a.customer_name),
      ...(a.customer_email ? [a.customer_email] : []),
      ...(a.customer_phone ? [a.customer_phone] : []),
      a.address_line1,
    ]
    // Words also used by a kept delivery would be found for the right reason; leave them out.
    const keptText = local.sqlite
      .prepare<[string], { t: string }>(
        `SELECT lower(customer_name || ' ' || coalesce(customer_email, '') || ' ' || address_line1
           || ' ' || city || ' ' || driver_name || ' ' || coalesce(drop_note, '') || ' '
           || items_json) AS t FROM deliveries WHERE id <> ?`,
      )
      .all(a.id)
      .map((r) => r.t)
      .join(' ')
    const unique = sentinels.filter((s) => !keptText.includes(s.toLowerCase()))
    expect(unique.length).toBeGreaterThanOrEqual(4)
    const before = databaseBytes(dataDir)
    for (const s of unique) expect(before.includes(Buffer.from(s)), s).toBe(true)

    const retention = createRetention({
      sqlite: local.sqlite,
      dataDir,
      policy: () => ({ photoDays: 30, deliveryDays: 45 }),
      now: () => ANCHOR,
    })
    const outcome = await retention.run()
    expect(outcome.deliveriesPurged).toBeGreaterThan(0)
    expect(outcome.photosPurged).toBeGreaterThan(0)
    expect(outcome.walTruncated).toBe(true)

    // Gone from the rows, the search and the disk.
    const count = (sql: string, ...args: string[]) =>
      (local.sqlite.prepare(sql).get(...args) as { n: number }).n
    expect(count('SELECT count(*) AS n FROM deliveries WHERE id = ?', a.id)).toBe(0)
    expect(count('SELECT count(*) AS n FROM delivery_photos WHERE delivery_id = ?', a.id)).toBe(0)
    const search = createDeliverySearch(local.sqlite)
    expect(search(a.order_id, 10, { thresholdM: 150 })).toEqual([])
    expect(search(b.order_id, 10, { thresholdM: 150 }).map((r) => r.deliveryId)).toEqual([b.id])
    for (const sha of shasA) {
      if (shasB.includes(sha) || shasC.includes(sha)) continue
      expect(existsSync(photoFilePath(dataDir, sha))).toBe(false)
      expect(existsSync(thumbnailPath(dataDir, sha))).toBe(false)
    }
    // Kept: the open case's old photos, and recent photos.
    for (const sha of [...shasB, ...shasC])
      expect(existsSync(photoFilePath(dataDir, sha))).toBe(true)

    // Gone from every byte the database holds, while the WAL is still there and after close.
    // (The WAL was truncated; since then it holds only the pass's own note of what it did.)
    expect(existsSync(join(dataDir, 'porchlight.sqlite-wal'))).toBe(true)
    const during = databaseBytes(dataDir)
    for (const s of unique)
      expect(during.includes(Buffer.from(s)), `${s} still in the file`).toBe(false)
    // The search above proves the bytes can be found: a kept delivery's order id is still there.
    expect(during.includes(Buffer.from(b.order_id))).toBe(true)
    // The search index stores words prefix-compressed, so bytes alone cannot show they are gone;
    // its own vocabulary can. (Without FTS5's secure-delete the words of a deleted row stay.)
    local.sqlite.exec(
      "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'deliveries_fts', 'instance')",
    )
    const indexed = new Set(
      local.sqlite
        .prepare<[], { term: string }>('SELECT DISTINCT term FROM temp.vocabulary')
        .all()
        .map((r) => r.term),
    )
    const words = unique
      .flatMap(forms)
      .filter((w) => w === w.toLowerCase() && w.length >= 5 && !keptText.includes(w))
    expect(words.length).toBeGreaterThan(0)
    for (const word of words) expect(indexed.has(word), `${word} still indexed`).toBe(false)
    expect(indexed.has(b.city.toLowerCase().split(' ')[0] ?? '')).toBe(true)

    // Old photos of deliveries with no open case read as removed, with the reason.
    const purged = local.sqlite
      .prepare<[], { state: string; failure_reason: string }>(
        `SELECT state, failure_reason FROM delivery_photos WHERE purged_at IS NOT NULL LIMIT 1`,
      )
      .get()
    expect(purged).toEqual({ state: 'failed', failure_reason: purgedPhotoReason(30) })

    // Retention wrote its pass into the audit log and left the chain whole.
    const verified = verifyAuditLog(local.sqlite)
    expect(verified.ok).toBe(true)
    const last = local.sqlite
      .prepare<[], { kind: string; payload_json: string }>(
        'SELECT kind, payload_json FROM audit_log ORDER BY seq DESC LIMIT 1',
      )
      .get()
    expect(last?.kind).toBe('retention')
    expect(JSON.parse(last?.payload_json ?? '{}')).toMatchObject({
      deliveriesPurged: outcome.deliveriesPurged,
      photosPurged: outcome.photosPurged,
    })
    await local.close()
    const after = databaseBytes(dataDir)
    for (const s of unique) expect(after.includes(Buffer.from(s)), `${s} after close`).toBe(false)
  })

  it('never fetches photos it would remove, and fetches them again when a case is opened', async () => {
    const dataDir = dirs.make()
    // Retention on: the world is dated a year back, so every photo is past 30 days.
    // Keep the records (the world is older than any record period): only photos are at stake.
    // Set before anyone signs in (and so before the first sync), as an earlier session left it.
    const before = await openDatabase(dataDir)
    createSettingsStore(before.sqlite).update({ deliveryRetentionDays: 3650 })
    await before.close()
    const desk = await startConsole(svc.front.url, { dataDir, retentionIntervalMs: 3_600_000 })
    try {
      await desk.h.signIn({ username: 'agent', password: 'demo-agent' })
      await desk.core.syncOnce()
      const local = await openDatabase(dataDir)
      const stored = () =>
        local.sqlite
          .prepare<[], { delivery_id: string; sha256: string }>(
            "SELECT delivery_id, sha256 FROM delivery_photos WHERE state = 'stored'",
          )
          .all()
      const openCaseDeliveries = new Set(
        svc.service.world
          .cases()
          .flatMap((c) => ('status' in c && c.status !== 'resolved' ? [c.deliveryId] : [])),
      )
      // Only photos of deliveries with an open case were fetched.
      for (const row of stored()) expect(openCaseDeliveries.has(row.delivery_id)).toBe(true)
      const purged = local.sqlite
        .prepare<[], { delivery_id: string; sha256: string }>(
          `SELECT p.delivery_id, p.sha256 FROM delivery_photos p
           JOIN deliveries d ON d.id = p.delivery_id
           WHERE p.purged_at IS NOT NULL AND d.id NOT IN (SELECT delivery_id FROM cases) LIMIT 1`,
        )
        .get()
      expect(purged, 'some photo was held back').toBeTruthy()
      if (!purged) return
      expect(existsSync(photoFilePath(dataDir, purged.sha256))).toBe(false)
      const detail = await desk.h.getDelivery({ id: purged.delivery_id })
      expect(detail?.photos[0]?.failureReason).toBe(purgedPhotoReason(30))

      // A claim on the old delivery: its photos are needed again.
      await desk.h.openCase({ deliveryId: purged.delivery_id, reason: 'photo_dispute' })
      const overview = await desk.h.runRetentionNow(undefined)
      expect(overview.lastRun?.photosRestored).toBeGreaterThan(0)
      expect(overview.lastRun?.walTruncated).toBe(true)
      await desk.core.syncOnce()
      expect(existsSync(photoFilePath(dataDir, purged.sha256))).toBe(true)
      expect(stored().some((r) => r.delivery_id === purged.delivery_id)).toBe(true)
      await local.close()
    } finally {
      await desk.close()
    }
  })

  it('shows what is kept and for how long', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir)
    try {
      const overview = await desk.h.getRetention(undefined)
      expect(overview).toMatchObject({
        photoDays: 30,
        deliveryDays: 90,
        intervalMinutes: null,
        running: false,
        lastRun: null,
      })
      expect(overview.deliveries.count).toBeGreaterThan(0)
      expect(overview.photos.stored).toBeGreaterThan(0)
      // The world is a year old: before a pass, only some of what is held is needed by cases.
      expect(overview.photos.keptForOpenCases).toBeGreaterThan(0)
      expect(overview.photos.keptForOpenCases).toBeLessThan(overview.photos.stored)
      await desk.h.updateSettings({ photoRetentionDays: 365, deliveryRetentionDays: 3650 })
      const after = await desk.h.runRetentionNow(undefined)
      expect(after).toMatchObject({ photoDays: 365, deliveryDays: 3650 })
      expect(after.lastRun).toMatchObject({ deliveriesPurged: 0, walTruncated: true })
      expect(after.lastRun?.photosPurged).toBeGreaterThan(0)
      // What stays past the period now is exactly what open cases need.
      expect(after.deliveries.count).toBe(overview.deliveries.count)
      expect(after.photos.stored).toBe(after.photos.keptForOpenCases)
      expect(after.photos.stored).toBe(overview.photos.stored - after.lastRun!.photosPurged)
    } finally {
      await desk.close()
    }
  })
})

// Signing out wipes the token; "erase the local data" also empties the cache (rows, search index,
// photos, thumbnails, tiles) so that nothing about customers is left in the file or on the disk,
// but only after the person agreed to lose work that has not been sent. The audit log and the
// settings stay.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserFacingError } from '../../../electron/core/common/errors.ts'
import { verifyAuditLog } from '../../../electron/core/audit/audit-log.ts'
import { photosDir } from '../../../electron/core/photos/photo-files.ts'
import { ensurePrivateDir } from '../../../electron/core/common/private-dir.ts'
import {
  AGENT,
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
} from '../cases/desk-harness.ts'

const dirs = tempDirs()
let svc: DeskService

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 16, seed: 5 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

function bytesOf(dataDir: string): Buffer {
  const file = join(dataDir, 'porchlight.sqlite')
  const wal = `${file}-wal`
  return Buffer.concat([readFileSync(file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)])
}

describe('sign out and erase the local data', () => {
  it('asks before losing unsent work, then leaves nothing about customers behind', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir)
    try {
      const delivery = svc.deliveries()[0]!
      await desk.h.recordPhotoView({ photoId: delivery.photos[0]!.id, caseId: null })
      mkdirSync(join(dataDir, 'exports'), { recursive: true })
      writeFileSync(join(dataDir, 'exports', 'porchlight-cases.csv'), 'Case ID,Customer')
      await desk.h.updateSettings({ photoRetentionDays: 14 })

      // Offline work that cannot be sent yet.
      await svc.front.down()
      await desk.h.openCase({
        deliveryId: delivery.id,
        reason: 'not_received',
        note: 'Porch empty',
      })
      const unsent = await desk.h.getUnsentWork(undefined)
      expect(unsent.caseChanges).toBe(2) // opened, and assigned to its opener
      expect(unsent.photoViews).toBe(1)
      const before = bytesOf(dataDir)
      expect(before.includes(Buffer.from(delivery.customer.name))).toBe(true)

      await expect(desk.h.signOutAndErase({ discardUnsent: false })).rejects.toThrow(
        /3 changes have not reached the delivery service yet/,
      )
      await expect(desk.h.signOutAndErase({ discardUnsent: false })).rejects.toBeInstanceOf(
        UserFacingError,
      )
      // Nothing happened: still signed in, still cached.
      expect((await desk.h.getSession(undefined)).user?.id).toBe(AGENT.id)

      const erased = await desk.h.signOutAndErase({ discardUnsent: true })
      expect(erased.rowsDeleted).toBeGreaterThan(0)
      expect((await desk.h.getSession(undefined)).user).toBeNull()
      expect(await desk.tokens.load()).toBeNull()
      expect(existsSync(photosDir(dataDir))).toBe(false)
      expect(existsSync(join(dataDir, 'exports'))).toBe(false)

      const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
      try {
        for (const table of [
          'deliveries',
          'delivery_photos',
          'cases',
          'case_events',
          'case_snapshots',
          'photo_views',
          'sync_cursors',
          'sync_runs',
          'tombstones',
        ]) {
          const n = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
          expect(n, table).toBe(0)
        }
        const fts = sqlite
          .prepare(
            "SELECT count(*) AS n FROM deliveries_fts WHERE deliveries_fts MATCH 'seattle OR francisco OR virginia OR example'",
          )
          .get() as { n: number }
        expect(fts.n).toBe(0)
        // Kept: the settings, and the audit log, whole, with the erase as its last entry.
        const settings = sqlite
          .prepare("SELECT value FROM app_state WHERE key = 'settings'")
          .get() as {
          value: string
        }
        expect(JSON.parse(settings.value)).toMatchObject({ photoRetentionDays: 14 })
        expect(verifyAuditLog(sqlite)).toMatchObject({ ok: true, entries: 2 })
        const kinds = sqlite
          .prepare('SELECT kind, actor_id, payload_json FROM audit_log ORDER BY seq')
          .all()
        expect(kinds).toMatchObject([
          { kind: 'photo-view', actor_id: AGENT.id },
          { kind: 'local-data-erased', actor_id: AGENT.id },
        ])
        expect(JSON.parse((kinds[1] as { payload_json: string }).payload_json)).toMatchObject({
          discardedUnsent: 3,
        })
      } finally {
        sqlite.close()
      }
      const after = bytesOf(dataDir)
      for (const secret of [
        delivery.customer.name,
        delivery.orderId,
        delivery.trackingNumber,
        delivery.address.line1,
        'Porch empty',
      ]) {
        expect(after.includes(Buffer.from(secret)), secret).toBe(false)
      }
      expect(after.length).toBeLessThan(before.length)

      // The console works on: sign in again and sync everything afresh.
      await svc.front.up()
      await desk.h.signIn({ username: AGENT.username, password: AGENT.password })
      const summary = await desk.core.syncOnce()
      expect(summary.deliveries.stored).toBeGreaterThan(0)
    } finally {
      await svc.front.up()
      await desk.close()
    }
  })

  it('plain sign-out wipes the token and keeps the cache', async () => {
    const dataDir = dirs.make()
    const desk = await signedInConsole(svc.front.url, dataDir)
    try {
      expect(await desk.tokens.load()).not.toBeNull()
      await desk.h.signOut(undefined)
      expect(await desk.tokens.load()).toBeNull()
      expect((await desk.h.getSyncStatus(undefined)).cached.deliveries).toBeGreaterThan(0)
    } finally {
      await desk.close()
    }
  })
})

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')(
    'is created readable by this user only, and an existing loose one is tightened',
    async () => {
      const parent = dirs.make()
      const fresh = join(parent, 'a', 'Porchlight')
      ensurePrivateDir(fresh)
      expect(statSync(fresh).mode & 0o777).toBe(0o700)

      const loose = join(parent, 'loose')
      mkdirSync(loose, { mode: 0o755 })
      chmodSync(loose, 0o755)
      ensurePrivateDir(loose)
      expect(statSync(loose).mode & 0o777).toBe(0o700)

      // The core does it itself, whichever host starts it.
      const dataDir = join(parent, 'core-made')
      mkdirSync(dataDir, { mode: 0o777 })
      chmodSync(dataDir, 0o777)
      const desk = await signedInConsole(svc.front.url, dataDir)
      await desk.close()
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    },
  )
})

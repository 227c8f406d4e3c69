// A real cache as a day's work leaves it, written by the app's own modules, and the ways such a
// file gets damaged: cut short, pages overwritten with garbage, one page of the case events
// table destroyed, replaced by a text file, emptied.
//
// Layout (SQLite allocates pages at the end of the file as tables grow): the cases' deliveries,
// the case events, photo views, exports and settings are written first; then many more
// deliveries fill the rest of the file. Damage to the second half of the file then hits
// deliveries, photos and the search index, which a sync brings back, and not the outbox.
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createExportLog } from '../../../electron/core/audit/export-log.ts'
import { createPhotoViewLog } from '../../../electron/core/audit/photo-views.ts'
import { createCaseWork } from '../../../electron/core/cases/case-work.ts'
import { createEvidenceReader } from '../../../electron/core/cases/evidence-snapshot.ts'
import type { User } from '../../../electron/core/contract/schemas.ts'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { Session } from '../../../electron/core/session/session.ts'
import { createSettingsStore } from '../../../electron/core/settings/settings.ts'
import { prng } from '../../support/records.ts'
import { makeDelivery } from '../fixtures/deliveries.ts'

export const CACHE = 'porchlight.sqlite'
export const AGENT: User = { id: 'u_alex_rivera', name: 'Alex Rivera', role: 'agent' }

export interface LocalEventRow {
  seq: number
  id: string
  case_id: string
  type: string
  body_json: string
  state: string
}

export interface FilledCache {
  /** Every case event, in seq order. */
  events: LocalEventRow[]
  /** Events still waiting to be sent. */
  waiting: number
  auditEntries: number
  photoViews: number
  exports: number
  /** The file's size in pages, and its page size. */
  pages: number
  pageSize: number
}

/** Fills `dataDir` with a cache: 12 cases of 6 events each (half sent), views, exports, settings. */
export async function fillCache(
  dataDir: string,
  options: { deliveries?: number } = {},
): Promise<FilledCache> {
  const local = await openDatabase(dataDir)
  const { sqlite } = local
  const store = createDeliveryStore(sqlite)
  const caseDeliveries = Array.from({ length: 12 }, (_, i) => makeDelivery(`case-${i + 1}`))
  sqlite.transaction(() => store.applyItems(caseDeliveries))()

  const session = new Session(sqlite, createMemoryTokenStore(), silent)
  await session.signedIn('token-1', AGENT, { username: 'agent', password: 'demo-agent' })
  createSettingsStore(sqlite).update({ locationThresholdM: 200 })

  let minute = 0
  const at = () => new Date(Date.UTC(2026, 10, 21, 9, minute++)).toISOString()
  const work = createCaseWork({ sqlite, currentUser: () => AGENT, now: () => new Date(at()) })
  const evidence = createEvidenceReader(sqlite)
  const views = createPhotoViewLog(sqlite)
  for (const delivery of caseDeliveries) {
    const caseId = work.open(
      delivery.id,
      'not_received',
      'The customer says the box was never there.',
      (takenAt) => {
        const snapshot = evidence(delivery.id, 200, takenAt)
        if (!snapshot) throw new Error(`no delivery ${delivery.id}`)
        return snapshot
      },
    )
    for (let n = 1; n <= 5; n++) {
      work.addNote(
        caseId,
        `Note ${n}: called the customer again, checked the photo against the porch, ` +
          'asked the driver where exactly the parcel was left and waited for the answer.',
      )
      views.record({
        photoId: `ph-${delivery.id}-1`,
        deliveryId: delivery.id,
        caseId,
        userId: AGENT.id,
        at: new Date(at()),
      })
    }
  }
  // The older half reached the service before the damage (as the pusher marks them).
  sqlite
    .prepare(
      "UPDATE case_events SET state = 'sent', sent_at = created_at, produced_version = 1 WHERE seq <= 36",
    )
    .run()
  const exportLog = createExportLog(sqlite)
  for (let n = 0; n < 3; n++) {
    exportLog.record({
      user: { id: 'u_sam_okafor', name: 'Sam Okafor' },
      format: 'csv',
      filters: { from: '2026-11-01', to: '2026-11-30' },
      rows: 10 + n,
      outcome: 'done',
      fileName: `cases-${n}.csv`,
      via: 'app',
      at: new Date(at()),
    })
  }

  // The bulk of the file: deliveries a sync would bring back.
  const random = prng(5)
  const bulk = Array.from({ length: options.deliveries ?? 1500 }, (_, i) =>
    makeDelivery(`bulk-${i}-${Math.floor(random() * 1e9)}`, {
      customer: {
        id: `c-bulk-${i}`,
        name: `Customer ${i} ${'x'.repeat(Math.floor(random() * 40))}`,
        email: `customer${i}@example.com`,
        phone: '+1 206-555-0142',
      },
    }),
  )
  for (let i = 0; i < bulk.length; i += 500) {
    sqlite.transaction(() => store.applyItems(bulk.slice(i, i + 500)))()
  }

  const events = sqlite
    .prepare<[], LocalEventRow>(
      'SELECT seq, id, case_id, type, body_json, state FROM case_events ORDER BY seq',
    )
    .all()
  const count = (table: string) =>
    sqlite.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0
  const filled = {
    events,
    waiting: events.filter((e) => e.state === 'pending').length,
    auditEntries: count('audit_log'),
    photoViews: count('photo_views'),
    exports: count('export_log'),
    pageSize: sqlite.pragma('page_size', { simple: true }) as number,
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await local.close()
  const file = join(dataDir, CACHE)
  return { ...filled, pages: statSync(file).size / filled.pageSize }
}

/** The pages a table's rows live on (its leaf pages), from SQLite's dbstat. */
export function leafPagesOf(dataDir: string, table: string): number[] {
  const sqlite = new BetterSqlite3(join(dataDir, CACHE), { readonly: true })
  try {
    return sqlite
      .prepare<[string], number>(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
      )
      .pluck()
      .all(table)
  } finally {
    sqlite.close()
  }
}

/** Which table or index owns each page, for the pages asked. */
export function ownersOf(dataDir: string, pages: number[]): string[] {
  const sqlite = new BetterSqlite3(join(dataDir, CACHE), { readonly: true })
  try {
    const owner = sqlite
      .prepare<[number], string>('SELECT name FROM dbstat WHERE pageno = ?')
      .pluck()
    return [...new Set(pages.map((p) => owner.get(p) ?? '(free)'))]
  } finally {
    sqlite.close()
  }
}

/** Overwrites whole pages (numbered from 1) with seeded random bytes. */
export function garblePages(dataDir: string, pages: number[], pageSize: number, seed = 9): void {
  const random = prng(seed)
  const fd = openSync(join(dataDir, CACHE), 'r+')
  try {
    for (const page of pages) {
      const bytes = Buffer.alloc(pageSize)
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256)
      writeSync(fd, bytes, 0, bytes.length, (page - 1) * pageSize)
    }
  } finally {
    closeSync(fd)
  }
}

export function truncateCache(dataDir: string, bytes: number): void {
  truncateSync(join(dataDir, CACHE), bytes)
}

export function cacheBytes(dataDir: string): Buffer {
  return readFileSync(join(dataDir, CACHE))
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined }

// The world the kill test runs in: a fault server whose deliveries, photos and cases keep
// changing between runs, and a console that keeps making case changes and looking at photos
// offline between runs (written straight into its cache, as the app would, while no sync runs).
// The test remembers what it made on both sides, to say at the end what the cache and the
// service must hold.
import { createHash } from 'node:crypto'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { UserFacingError } from '../../../electron/core/api/definition.ts'
import { createPhotoViewLog } from '../../../electron/core/audit/photo-views.ts'
import { createCaseWork } from '../../../electron/core/cases/case-work.ts'
import { createEvidenceReader } from '../../../electron/core/cases/evidence-snapshot.ts'
import type { DeliveryRecord, Photo } from '../../../electron/core/contract/schemas.ts'
import { TEST_ACCOUNT, type FaultServer } from '../../support/fault-server.ts'
import {
  makeCase,
  makeDelivery,
  makeJpeg,
  photoRecord,
  tombstone,
  uuidOf,
} from '../../support/records.ts'

const INITIAL_DELIVERIES = 400
const UPSTREAM_CASES = 40

/** What the service holds for a delivery id: its newest version, live or deleted. */
interface Expected {
  version: number
  deleted: boolean
  photos: Photo[]
}

export class KillWorld {
  readonly server: FaultServer
  readonly random: () => number
  /** Every delivery id's newest version as the service holds it. */
  readonly expected = new Map<string, Expected>()
  /** Photos the service erased (410): a cache never stores them. */
  readonly erased = new Set<string>()
  #next = INITIAL_DELIVERIES + 1
  #version = 1
  #caseVersion = 1

  constructor(server: FaultServer, random: () => number) {
    this.server = server
    this.random = random
  }

  /** Deliveries with an id that is a multiple of 7 are never deleted: cases are opened on them. */
  static caseable(n: number): boolean {
    return n % 7 === 0
  }

  async build(): Promise<void> {
    for (let n = 1; n <= INITIAL_DELIVERIES; n++) this.#append(await this.#delivery(n, 1))
    for (let n = 1; n <= UPSTREAM_CASES; n++)
      this.server.cases.append(makeCase(n, deliveryId(n * 3)))
  }

  /**
   * One batch of upstream changes: updates (some with new photo bytes), deletions, new
   * deliveries, changes to the service's own cases; with `compact`, the service then forgets
   * every cursor, so the next run resyncs in full and sweeps what it no longer sees.
   */
  async changeUpstream(compact: boolean): Promise<void> {
    const version = 2 * ++this.#version
    const pick = () => 1 + Math.floor(this.random() * (this.#next - 1))
    for (let i = 0; i < 30; i++) this.#append(await this.#delivery(pick(), version))
    for (let i = 0; i < 4; i++) {
      const n = pick()
      if (!KillWorld.caseable(n)) this.#append(tombstone(deliveryId(n), version + 1))
    }
    for (let i = 0; i < 8; i++) this.#append(await this.#delivery(this.#next++, 1))
    const caseVersion = 2 * ++this.#caseVersion
    for (let i = 0; i < 4; i++) {
      const n = 1 + Math.floor(this.random() * UPSTREAM_CASES)
      this.server.cases.append(
        makeCase(n, deliveryId(n * 3), { version: caseVersion, status: 'investigating' }),
      )
    }
    if (this.random() < 0.1) {
      const n = 1 + Math.floor(this.random() * UPSTREAM_CASES)
      this.server.cases.append(tombstone(uuidOf(n), caseVersion + 1))
    }
    if (compact) {
      for (const stream of [this.server.deliveries, this.server.cases]) {
        stream.compact()
        stream.horizon = stream.head + 1
      }
    }
  }

  /** Live deliveries as the service holds them, by id. */
  liveDeliveries(): Array<{ id: string; version: number }> {
    return [...this.expected.entries()]
      .filter(([, e]) => !e.deleted)
      .map(([id, e]) => ({ id, version: e.version }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  #append(item: DeliveryRecord | ReturnType<typeof tombstone>): void {
    const current = this.expected.get(item.id)
    if (!current || current.version < item.version) {
      this.expected.set(item.id, {
        version: item.version,
        deleted: 'deleted' in item && item.deleted === true,
        photos: 'photos' in item ? item.photos : [],
      })
    }
    this.server.deliveries.append(item)
  }

  async #delivery(n: number, version: number): Promise<DeliveryRecord> {
    const id = deliveryId(n)
    const photos: Photo[] = []
    if (n % 4 === 0 || (version > 1 && n % 4 === 2)) {
      // Bytes of its own (a photo whose bytes are on disk already is not fetched again), and
      // large enough to be cut off mid-transfer.
      const file = await makeJpeg(n * 1_000 + version, 160, 120)
      const photoId = `p${n}-v${version}`
      this.server.putPhoto(photoId, file.bytes)
      if (n % 60 === 0) {
        this.server.erasePhoto(photoId)
        this.erased.add(photoId)
      }
      photos.push(photoRecord(photoId, file))
    }
    return makeDelivery(id, {
      version,
      photos,
      customer: { id: `c${n}`, name: `Customer ${n} v${version}`, email: null, phone: null },
    })
  }
}

export const deliveryId = (n: number) => `d${String(n).padStart(5, '0')}`

const AGENT = TEST_ACCOUNT.user

export interface LocalWorkDone {
  caseEvents: number
  photoViews: number
}

/**
 * Work done on the console while the service is out of reach, as the app does it: a few case
 * changes (new cases on deliveries in the cache, notes, status changes, assignments,
 * resolutions) and photos looked at, each view recorded with its audit entry. Only as much as
 * keeps the queue from growing without end when kills keep landing before the push.
 */
export async function workOffline(dataDir: string, random: () => number): Promise<LocalWorkDone> {
  const local = await openDatabase(dataDir)
  try {
    const { sqlite } = local
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
    const done: LocalWorkDone = { caseEvents: 0, photoViews: 0 }
    const work = createCaseWork({ sqlite, currentUser: () => AGENT })
    const evidence = createEvidenceReader(sqlite)

    if (count("SELECT count(*) AS n FROM case_events WHERE state = 'pending'") < 40) {
      const cached = sqlite
        .prepare<[], { id: string }>('SELECT id FROM deliveries ORDER BY random() LIMIT 40')
        .all()
        .filter((d) => KillWorld.caseable(Number(d.id.slice(1))))
      for (const delivery of cached.slice(0, 2)) {
        const at = new Date().toISOString()
        if (!evidence(delivery.id, 150, at)) continue
        work.open(delivery.id, 'not_received', 'Opened offline.', (when) => {
          return evidence(delivery.id, 150, when)!
        })
        done.caseEvents++
      }
      const ours = sqlite
        .prepare<[], { case_id: string }>(
          "SELECT DISTINCT case_id FROM case_events WHERE type = 'opened' ORDER BY random() LIMIT 4",
        )
        .all()
      for (const { case_id: caseId } of ours) {
        const actions = 1 + Math.floor(random() * 3)
        for (let i = 0; i < actions; i++) {
          try {
            act(work, caseId, random)
            done.caseEvents++
          } catch (error) {
            // A resolved case takes only notes and assignments here: skip what the rules refuse.
            if (!(error instanceof UserFacingError)) throw error
          }
        }
      }
    }

    if (count('SELECT count(*) AS n FROM photo_views WHERE sent_at IS NULL') < 1_000) {
      const photos = sqlite
        .prepare<[], { id: string; delivery_id: string }>(
          "SELECT id, delivery_id FROM delivery_photos WHERE state = 'stored' ORDER BY random() LIMIT 50",
        )
        .all()
      const views = createPhotoViewLog(sqlite)
      // Up to two batches of 500 a run.
      const wanted = photos.length > 0 ? 100 + Math.floor(random() * 400) : 0
      for (let i = 0; i < wanted; i++) {
        const photo = photos[i % photos.length]!
        views.record({
          photoId: photo.id,
          deliveryId: photo.delivery_id,
          caseId: null,
          userId: AGENT.id,
        })
        done.photoViews++
      }
    }
    return done
  } finally {
    await local.close()
  }
}

function act(work: ReturnType<typeof createCaseWork>, caseId: string, random: () => number): void {
  const roll = random()
  if (roll < 0.35)
    work.addNote(
      caseId,
      `Note ${createHash('sha1').update(String(roll)).digest('hex').slice(0, 8)}`,
    )
  else if (roll < 0.6)
    work.changeStatus(
      caseId,
      (['open', 'investigating', 'awaiting_customer'] as const)[Math.floor(random() * 3)]!,
    )
  else if (roll < 0.85) work.assign(caseId, random() < 0.7 ? 'me' : 'nobody')
  else work.resolve(caseId, 'refund_issued', 'Refunded.')
}

// The demo world as it stands: deliveries, cases, their change logs, the photos and what clients
// reported back. The HTTP server reads and changes it; tests reach in through the same methods to
// look at records or to change them behind a client's back.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import type {
  CaseEvent,
  CaseItem,
  CaseRecord,
  DeliveryItem,
  Person,
  DeliveryRecord,
  Photo,
  PhotoViewEvent,
} from '../contract/schemas.ts'
import { findUser } from './accounts.ts'
import { demoDirectory } from './directory.ts'
import { applyCaseEvent } from './case-events.ts'
import type { StoredCase } from './case-events.ts'
import { ChangeLog, checkCursor, encodeCursor } from './change-log.ts'
import { GENERATOR_VERSION, generateWorld } from './generate.ts'
import type { EarlierWork, SeedCase } from './generate.ts'
import { isoSeconds } from './local-time.ts'
import { PhotoCache } from './photo-cache.ts'
import type { PhotoCacheStats, PhotoFile } from './photo-cache.ts'
import { renderPhoto } from './photo-render.ts'
import { hashSeed } from './random.ts'
import type {
  AppliedCaseEvent,
  DeliveryDraft,
  DeliveryDraftItem,
  DeliveryPatch,
  PhotoDraft,
  PhotoScene,
  RecordedPhotoView,
  SyncStream,
} from './types.ts'

export interface DemoWorldOptions {
  seed: number
  deliveries: number
  anchor: Date
  photoCacheDir: string
  /**
   * Photos rendered at once; default 2-3 by core count. Renders run on libuv's pool of four
   * threads, which file reads and writes share, so one thread is always left for those.
   */
  photoConcurrency?: number
  /**
   * Default true. False renders nothing: photo records carry a stand-in sha256 and size derived
   * from the photo id (see standInPhotoFile), so a client that downloads them finds a mismatch.
   * For measuring the record path alone (`npm run bench`): 200k deliveries have about 250k
   * photos, which take close to an hour to render on a 2-core laptop.
   */
  renderPhotos?: boolean
  /** The server clock, for updatedAt of changes made while running. */
  now?: () => number
  onBackgroundError?: (message: string, error: unknown) => void
}

export interface SyncPage<T> {
  items: T[]
  nextCursor: string
  hasMore: boolean
}

export type PullResult<T> =
  { ok: true; page: SyncPage<T> } | { ok: false; status: 400 | 410; detail: string }

export type CaseEventResult =
  | { status: 200; applied: boolean; case: CaseItem }
  | { status: 400 | 403 | 404 | 409; detail: string; case?: CaseItem }

export type PhotoLookup =
  { kind: 'unknown' } | { kind: 'gone'; reason: string } | { kind: 'available'; deliveryId: string }

export class DemoWorld {
  readonly seed: number
  readonly size: number
  readonly anchor: Date
  /** Identifies this world's content (seed, size, anchor, generator) inside sync cursors. */
  readonly fingerprint: string
  readonly versionBase: number
  readonly photos: PhotoCache

  readonly #now: () => number
  readonly #renderPhotos: boolean
  readonly #deliveries = new Map<string, DeliveryDraftItem>()
  readonly #cases = new Map<string, StoredCase>()
  readonly #logs: Record<SyncStream, ChangeLog> = {
    deliveries: new ChangeLog(),
    cases: new ChangeLog(),
  }
  readonly #scenes: Map<string, PhotoScene>
  /** Every photo id the world ever had, to tell erased (410) from never existed (404). */
  readonly #photoOwner = new Map<string, string>()
  readonly #erasedPhotos = new Set<string>()
  readonly #caseOfEvent = new Map<string, string>()
  readonly #appliedEvents: AppliedCaseEvent[] = []
  readonly #photoViews = new Map<string, RecordedPhotoView>()
  readonly #earlierWork: ReadonlyArray<EarlierWork>

  constructor(options: DemoWorldOptions) {
    this.seed = options.seed
    this.size = options.deliveries
    this.anchor = new Date(options.anchor.getTime())
    this.#now = options.now ?? Date.now
    this.#renderPhotos = options.renderPhotos ?? true
    this.fingerprint = hashSeed(
      'fingerprint',
      options.seed,
      options.deliveries,
      this.anchor.toISOString(),
      GENERATOR_VERSION,
      // A cursor from a world of stand-in hashes must not resume on one with the real ones.
      ...(this.#renderPhotos ? [] : ['stand-in photos']),
    ).toString(36)

    const generated = generateWorld({
      seed: options.seed,
      deliveries: options.deliveries,
      anchor: this.anchor,
    })
    this.versionBase = generated.versionBase
    this.#earlierWork = deepFreeze(generated.earlierWork)
    this.#scenes = generated.scenes
    this.photos = new PhotoCache({
      dir: options.photoCacheDir,
      concurrency: options.photoConcurrency ?? Math.min(3, Math.max(2, availableParallelism())),
      render: (photoId) => {
        const scene = this.#scenes.get(photoId)
        if (!scene) return Promise.reject(new Error(`No scene for photo ${photoId}`))
        return renderPhoto(scene)
      },
      onBackgroundError: (photoId, error) =>
        options.onBackgroundError?.(`Rendering demo photo ${photoId} failed`, error),
    })

    for (const draft of generated.deliveries) {
      this.#deliveries.set(draft.id, deepFreeze(draft))
      for (const photo of draft.photos) this.#photoOwner.set(photo.id, draft.id)
      this.#logs.deliveries.append(draft.id)
    }
    this.#seedCases(generated.seedCases)
  }

  /** Creates the photo cache folder; call once before serving. */
  async prepare(): Promise<void> {
    await this.photos.prepare()
  }

  /**
   * Renders every photo in the background, in sync order, one at a time, so a first sync finds
   * most of them ready. Ends by itself, or when the world closes.
   */
  warmPhotoCache(): Promise<void> {
    if (!this.#renderPhotos) return Promise.resolve()
    return this.photos.warm(photoIdsOf(this.#inSyncOrder()))
  }

  /** Stops background rendering and waits for renders in flight. */
  async close(): Promise<void> {
    await this.photos.close()
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────

  /**
   * Current deliveries, tombstones included, with photo drafts (no sha256/bytes): cheap, and
   * enough to pick ids in tests. Use `deliveries()` for the records exactly as served.
   */
  deliveryDrafts(): DeliveryDraftItem[] {
    return [...this.#deliveries.values()]
  }

  deliveryDraft(id: string): DeliveryDraftItem | null {
    return this.#deliveries.get(id) ?? null
  }

  /** Every delivery as the sync endpoint serves it. Renders any photo not rendered yet. */
  async deliveries(): Promise<DeliveryItem[]> {
    const drafts = this.deliveryDrafts()
    await this.#ensurePhotos(drafts)
    return drafts.map((draft) => this.#toWire(draft))
  }

  async delivery(id: string): Promise<DeliveryItem | null> {
    const draft = this.#deliveries.get(id)
    if (!draft) return null
    await this.#ensurePhotos([draft])
    return this.#toWire(draft)
  }

  /** The directory GET /v1/people answers: accounts, colleagues and the current deliveries' drivers. */
  people(): Person[] {
    return demoDirectory(this.#deliveries.values())
  }

  /**
   * The demo agent's case changes made offline on a console before colleagues' later steps on the
   * same cases (generate/overtaken-work.ts): the app's demo puts them in a new cache as unsent,
   * and sending them meets a 409 each. Not part of what the service holds.
   */
  earlierWork(): ReadonlyArray<EarlierWork> {
    return this.#earlierWork
  }

  /** Current cases as the sync endpoint serves them, deleted ones included. */
  cases(): CaseItem[] {
    return [...this.#cases.values()].map(caseToWire)
  }

  case(id: string): CaseItem | null {
    const stored = this.#cases.get(id)
    return stored ? caseToWire(stored) : null
  }

  /** Whether GET /v1/photos/{id} would serve the photo, and if not, why. */
  lookupPhoto(photoId: string): PhotoLookup {
    const owner = this.#photoOwner.get(photoId)
    if (!owner) return { kind: 'unknown' }
    if (this.#erasedPhotos.has(photoId)) return { kind: 'gone', reason: 'The photo was erased.' }
    const delivery = this.#deliveries.get(owner)
    if (!delivery || delivery.deleted) {
      return { kind: 'gone', reason: 'The delivery of this photo was deleted.' }
    }
    if (delivery.photoWithheld !== null) {
      return { kind: 'gone', reason: 'Photos of this delivery are withheld.' }
    }
    if (!delivery.photos.some((photo) => photo.id === photoId)) {
      return { kind: 'gone', reason: 'The photo was removed from its delivery.' }
    }
    return { kind: 'available', deliveryId: owner }
  }

  /** The rendered file of a photo that may be served; null when GET would not answer 200. */
  async photoFile(photoId: string): Promise<PhotoFile | null> {
    if (this.lookupPhoto(photoId).kind !== 'available') return null
    return this.photos.ensure(photoId)
  }

  /** The exact bytes GET /v1/photos/{id} answers with; null when it would not answer 200. */
  async photoBytes(photoId: string): Promise<Buffer | null> {
    const file = await this.photoFile(photoId)
    if (!file) return null
    return readFile(file.path)
  }

  photoStats(): PhotoCacheStats {
    return this.photos.stats()
  }

  /** Case events applied through the API (or applyCaseEvent), oldest first; seeds excluded. */
  appliedCaseEvents(): ReadonlyArray<AppliedCaseEvent> {
    return [...this.#appliedEvents]
  }

  /** Photo-view audit events received, once per event id, in arrival order. */
  photoViews(): ReadonlyArray<RecordedPhotoView> {
    return [...this.#photoViews.values()]
  }

  // ── Sync ─────────────────────────────────────────────────────────────────────────────────

  headSequence(stream: SyncStream): number {
    return this.#logs[stream].head
  }

  /**
   * Makes cursors below `seq` answer 410, as if the log before it had been compacted. Without
   * `seq`, every cursor issued so far expires. Without `stream`, both streams.
   */
  expireCursorsBefore(seq?: number, stream?: SyncStream): void {
    for (const name of stream ? [stream] : (['deliveries', 'cases'] as const)) {
      const log = this.#logs[name]
      log.horizon = Math.min(seq ?? log.head + 1, log.head + 1)
    }
  }

  async pullDeliveries(
    cursor: string | undefined,
    limit: number,
  ): Promise<PullResult<DeliveryItem>> {
    const log = this.#logs.deliveries
    const start = this.#startOf('deliveries', cursor)
    if (!start.ok) return start
    const { ids, nextSeq, hasMore } = log.page(start.seq, limit)
    // Snapshot now: records are replaced, never mutated, so a change made while the photos
    // render shows up on a later page instead of half in this one.
    const drafts = ids.map((id) => this.#deliveries.get(id) as DeliveryDraftItem)
    await this.#ensurePhotos(drafts)
    if (hasMore && this.#renderPhotos) {
      const next = log.page(nextSeq, limit).ids.map((id) => this.#deliveries.get(id))
      this.photos.prefetch(photoIdsOf(next.filter((d): d is DeliveryDraftItem => d !== undefined)))
    }
    return {
      ok: true,
      page: {
        items: drafts.map((draft) => this.#toWire(draft)),
        nextCursor: encodeCursor('deliveries', this.fingerprint, nextSeq),
        hasMore,
      },
    }
  }

  pullCases(cursor: string | undefined, limit: number): PullResult<CaseItem> {
    const start = this.#startOf('cases', cursor)
    if (!start.ok) return start
    const { ids, nextSeq, hasMore } = this.#logs.cases.page(start.seq, limit)
    return {
      ok: true,
      page: {
        items: ids.map((id) => caseToWire(this.#cases.get(id) as StoredCase)),
        nextCursor: encodeCursor('cases', this.fingerprint, nextSeq),
        hasMore,
      },
    }
  }

  // ── Changes ──────────────────────────────────────────────────────────────────────────────

  /**
   * Applies `patch` over the record (top-level fields replaced whole), bumps version and
   * updatedAt and appends to the change log. Nothing is validated, so tests can also serve a
   * record that breaks the contract. Setting photoWithheld erases the delivery's photos.
   */
  updateDelivery(id: string, patch: DeliveryPatch): DeliveryDraft {
    const current = this.#liveDelivery(id)
    const next: DeliveryDraft = {
      ...current,
      ...patch,
      id,
      version: current.version + 1,
      updatedAt: this.#stamp(current.updatedAt),
    }
    if (next.photoWithheld) {
      for (const photo of current.photos) this.#erasedPhotos.add(photo.id)
      next.photos = []
    }
    this.#deliveries.set(id, deepFreeze(next))
    this.#logs.deliveries.append(id, this.#now())
    return next
  }

  /**
   * A delivery new to the world, made like `likeId`'s (its address, customer, driver, times and
   * photo scenes) under new ids: for tests and benchmarks of a sync that brings deliveries a
   * console has never seen. `suffix` (letters, digits) makes its ids, order id and tracking
   * number unique; it is appended to the model's.
   */
  addDeliveryLike(likeId: string, suffix: string): DeliveryDraft {
    if (!/^[A-Za-z0-9]{1,12}$/.test(suffix)) throw new Error(`Bad suffix ${JSON.stringify(suffix)}`)
    const model = this.#liveDelivery(likeId)
    const id = `${model.id}_${suffix}`
    if (this.#deliveries.has(id)) throw new Error(`Delivery ${id} exists already`)
    const photos = model.photos.map((photo) => ({ ...photo, id: `${photo.id}_${suffix}` }))
    for (const [i, photo] of photos.entries()) {
      const scene = this.#scenes.get((model.photos[i] as PhotoDraft).id)
      if (scene) this.#scenes.set(photo.id, { ...scene, photoId: photo.id })
      this.#photoOwner.set(photo.id, id)
    }
    const draft: DeliveryDraft = {
      ...model,
      id,
      orderId: `${model.orderId}-${suffix}`,
      trackingNumber: `${model.trackingNumber}${suffix.toUpperCase()}`,
      version: 1,
      updatedAt: this.#stamp(model.updatedAt),
      photos,
    }
    this.#deliveries.set(id, deepFreeze(draft))
    this.#logs.deliveries.append(id, this.#now())
    return draft
  }

  /** Replaces the delivery with a tombstone; its photos answer 410 from now on. */
  deleteDelivery(id: string): void {
    const current = this.#liveDelivery(id)
    this.#deliveries.set(
      id,
      deepFreeze({
        id,
        version: current.version + 1,
        updatedAt: this.#stamp(current.updatedAt),
        deleted: true,
      }),
    )
    this.#logs.deliveries.append(id, this.#now())
  }

  /** Privacy erasure of one photo: GET answers 410, and the delivery's next version lacks it. */
  erasePhoto(photoId: string): void {
    const owner = this.#photoOwner.get(photoId)
    if (!owner) throw new Error(`No photo ${photoId} in the demo world`)
    this.#erasedPhotos.add(photoId)
    const delivery = this.#deliveries.get(owner)
    if (!delivery || delivery.deleted) return
    if (!delivery.photos.some((photo) => photo.id === photoId)) return
    this.#deliveries.set(
      owner,
      deepFreeze({
        ...delivery,
        version: delivery.version + 1,
        updatedAt: this.#stamp(delivery.updatedAt),
        photos: delivery.photos.filter((photo) => photo.id !== photoId),
      }),
    )
    this.#logs.deliveries.append(owner, this.#now())
  }

  /** Marks the case deleted (the sync then carries it with `deleted: true`). */
  deleteCase(id: string): void {
    const current = this.#cases.get(id)
    if (!current || current.deleted) throw new Error(`No live case ${id} in the demo world`)
    this.#cases.set(
      id,
      deepFreeze({
        ...current,
        version: current.version + 1,
        updatedAt: this.#stamp(current.updatedAt),
        deleted: true,
      }),
    )
    this.#logs.cases.append(id, this.#now())
  }

  /**
   * Applies a case event as the given user, exactly as POST /v1/cases/{caseId}/events does
   * (tests use it to play another agent working the same case). The event is assumed to have
   * passed the contract schema already.
   */
  applyCaseEvent(caseId: string, event: CaseEvent, userId: string): CaseEventResult {
    const user = findUser(userId)
    if (!user) throw new Error(`No demo user ${userId}`)
    const seenOn = this.#caseOfEvent.get(event.id)
    if (seenOn !== undefined) {
      if (seenOn !== caseId) {
        return { status: 400, detail: 'This event id was already used for another case.' }
      }
      return {
        status: 200,
        applied: false,
        case: caseToWire(this.#cases.get(caseId) as StoredCase),
      }
    }
    const current = this.#cases.get(caseId) ?? null
    const outcome = applyCaseEvent(current, caseId, event, user, {
      now: this.#stamp(current?.updatedAt),
      deliveryOrderId: (deliveryId) => this.#orderIdOf(deliveryId),
      userExists: (id) => findUser(id) !== null,
    })
    if (outcome.kind === 'rejected') {
      return outcome.record
        ? { status: outcome.status, detail: outcome.detail, case: caseToWire(outcome.record) }
        : { status: outcome.status, detail: outcome.detail }
    }
    this.#cases.set(caseId, deepFreeze(outcome.record))
    this.#caseOfEvent.set(event.id, caseId)
    this.#logs.cases.append(caseId, this.#now())
    this.#appliedEvents.push({
      caseId,
      event,
      userId,
      appliedAt: outcome.record.updatedAt,
      version: outcome.record.version,
    })
    return { status: 200, applied: true, case: caseToWire(outcome.record) }
  }

  /** Records photo views once per event id; returns how many were new. */
  recordPhotoViews(events: ReadonlyArray<PhotoViewEvent>, userId: string): number {
    let added = 0
    const receivedAt = isoSeconds(this.#now())
    for (const event of events) {
      if (this.#photoViews.has(event.id)) continue
      this.#photoViews.set(event.id, { event, userId, receivedAt })
      added += 1
    }
    return added
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────

  #startOf(stream: SyncStream, cursor: string | undefined) {
    if (cursor === undefined) return { ok: true as const, seq: 0 }
    return checkCursor(cursor, stream, this.fingerprint, this.#logs[stream], this.#now())
  }

  #inSyncOrder(): DeliveryDraftItem[] {
    const items: DeliveryDraftItem[] = []
    const log = this.#logs.deliveries
    for (let seq = 0, more = true; more;) {
      const page = log.page(seq, 1000)
      for (const id of page.ids) items.push(this.#deliveries.get(id) as DeliveryDraftItem)
      seq = page.nextSeq
      more = page.hasMore
    }
    return items
  }

  async #ensurePhotos(drafts: ReadonlyArray<DeliveryDraftItem>): Promise<void> {
    if (this.#renderPhotos) await this.photos.ensureAll(photoIdsOf(drafts))
  }

  #liveDelivery(id: string): DeliveryDraft {
    const current = this.#deliveries.get(id)
    if (!current || current.deleted) throw new Error(`No live delivery ${id} in the demo world`)
    return current
  }

  #orderIdOf(deliveryId: string): string | null {
    const delivery = this.#deliveries.get(deliveryId)
    return delivery && !delivery.deleted ? delivery.orderId : null
  }

  /** Server time for a change, never earlier than the record's previous updatedAt. */
  #stamp(previous?: string): string {
    const floor = previous ? Date.parse(previous) + 1000 : 0
    return isoSeconds(Math.max(this.#now(), floor))
  }

  #toWire(draft: DeliveryDraftItem): DeliveryItem {
    if (draft.deleted) return draft
    const photos: Photo[] = draft.photos.map((photo) => {
      const file = this.#renderPhotos ? this.photos.known(photo.id) : standInPhotoFile(photo.id)
      if (!file) throw new Error(`Photo ${photo.id} was not rendered before serving its record`)
      return {
        id: photo.id,
        sha256: file.sha256,
        bytes: file.bytes,
        contentType: photo.contentType,
        width: photo.width,
        height: photo.height,
        takenAt: photo.takenAt,
        location: photo.location,
      }
    })
    const record: DeliveryRecord = { ...draft, photos }
    return record
  }

  #seedCases(seeds: ReadonlyArray<SeedCase>): void {
    for (const seed of seeds) {
      let current: StoredCase | null = null
      for (const step of seed.steps) {
        const user = findUser(step.userId)
        if (!user) throw new Error(`Seed case uses unknown user ${step.userId}`)
        const event: CaseEvent = {
          ...step.event,
          baseVersion: step.event.type === 'opened' ? null : (current?.version ?? null),
        }
        const outcome = applyCaseEvent(current, seed.caseId, event, user, {
          // Seeded history is dated as if each event reached the server a moment after it happened.
          now: isoSeconds(Date.parse(event.occurredAt) + 2000),
          deliveryOrderId: (deliveryId) => this.#orderIdOf(deliveryId),
          userExists: (id) => findUser(id) !== null,
          firstVersion: this.versionBase,
        })
        if (outcome.kind !== 'applied') {
          throw new Error(`Seed case ${seed.caseId} step ${event.type}: ${outcome.detail}`)
        }
        current = outcome.record
        this.#caseOfEvent.set(event.id, seed.caseId)
      }
      if (current) this.#cases.set(seed.caseId, deepFreeze(current))
    }
    const ordered = [...this.#cases.values()].sort(
      (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id),
    )
    for (const stored of ordered) this.#logs.cases.append(stored.id)
  }
}

/**
 * Stored records are shared with callers (deliveryDrafts(), cases()) and replaced, never
 * changed, on update; freezing makes a caller's accidental write fail loudly instead of
 * silently changing the world.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * What a world that renders nothing says about a photo: a sha256 no real file has, and a size in
 * the range of the rendered JPEGs (22-62 kB), both fixed by the id.
 */
export function standInPhotoFile(photoId: string): { sha256: string; bytes: number } {
  const sha256 = createHash('sha256').update(`stand-in photo ${photoId}`).digest('hex')
  return { sha256, bytes: 22_000 + (Number.parseInt(sha256.slice(0, 8), 16) % 40_000) }
}

function photoIdsOf(drafts: ReadonlyArray<DeliveryDraftItem>): string[] {
  const ids: string[] = []
  for (const draft of drafts) {
    if (!draft.deleted) for (const photo of draft.photos) ids.push(photo.id)
  }
  return ids
}

/**
 * A deleted case goes out as the full last record plus `deleted: true`: the contract requires
 * every Case field even on a tombstone.
 */
function caseToWire(stored: StoredCase): CaseItem {
  if (stored.deleted) return { ...stored, deleted: true }
  const { deleted: _deleted, ...record } = stored
  return record satisfies CaseRecord
}

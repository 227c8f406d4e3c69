// The cases agents already opened when the world starts: hundreds in the app's demo world (an
// eighth of the deliveries, at most 400), more often on deliveries left far away, in every status,
// worked by the demo accounts and by colleagues on other consoles (names.ts, COLLEAGUES).
import type { CaseEvent, CaseReason } from '../../contract/schemas.ts'
import { DEMO_ACCOUNTS } from '../accounts.ts'
import { distanceMetres } from '../geo.ts'
import { isoSeconds } from '../local-time.ts'
import { CASE_NOTES, COLLEAGUES, RESOLUTION_NOTES } from '../names.ts'
import type { Random } from '../random.ts'
import type { DeliveryDraft } from '../types.ts'

export interface SeedCaseStep {
  /** baseVersion is filled in when the step is applied. */
  event: Omit<CaseEvent, 'baseVersion'>
  userId: string
}

export interface SeedCase {
  caseId: string
  steps: SeedCaseStep[]
}

/** What the cases are chosen from: the world's deliveries and a few facts kept while making them. */
export interface CaseGround {
  deliveries: ReadonlyArray<DeliveryDraft>
  /** Deliveries marked delivered far from the address. */
  farDropOffs: ReadonlySet<string>
  /** When each delivery happened (ms). */
  eventTimes: ReadonlyMap<string, number>
  /** Deliveries of the day before the anchor: too recent to have been claimed. */
  lastDay: ReadonlySet<string>
  /** No step is later than this. */
  latest: number
}

const AGENT = DEMO_ACCOUNTS.find((account) => account.role === 'agent')?.userId ?? 'agent'
const SUPERVISOR =
  DEMO_ACCOUNTS.find((account) => account.role === 'supervisor')?.userId ?? 'supervisor'
/** Colleagues on other consoles (names.ts): some cases are theirs, one of them no longer listed. */
const OTHER_AGENTS = COLLEAGUES.filter((c) => c.role === 'agent').map((c) => c.id)
const OTHER_SUPERVISORS = COLLEAGUES.filter((c) => c.role === 'supervisor').map((c) => c.id)

type Target = 'open' | 'investigating' | 'awaiting_customer' | 'resolved'

export function generateSeedCases(rng: Random, ground: CaseGround): SeedCase[] {
  return chooseDeliveries(rng, ground).map((delivery) => {
    const script = new CaseScript(rng, ground, delivery)
    script.play()
    return { caseId: rng.uuid(), steps: script.steps }
  })
}

/**
 * The deliveries claimed: not the last day's, far drop-offs eight times as often. Chosen in id
 * order, not by time, so the same ones are chosen whatever the anchor (times move with it).
 */
function chooseDeliveries(rng: Random, ground: CaseGround): DeliveryDraft[] {
  const { deliveries, farDropOffs, lastDay } = ground
  // Hundreds in the app's demo world (2,000 deliveries): a queue and a report worth reading.
  const wanted = Math.min(400, Math.max(6, Math.round(deliveries.length / 8)))
  const candidates = deliveries
    .filter((delivery) => !lastDay.has(delivery.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  const chosen = new Set<DeliveryDraft>()
  const table = candidates.map((delivery) => {
    const weight = farDropOffs.has(delivery.id) ? 8 : delivery.status === 'delivered' ? 1 : 0.5
    return [delivery, weight] as const
  })
  for (
    let tries = 0;
    chosen.size < Math.min(wanted, candidates.length) && tries < wanted * 50;
    tries++
  ) {
    chosen.add(rng.weighted(table))
  }
  return [...chosen]
}

/** Why the customer wrote: a far drop-off is the wrong place; without a photo, mostly not received. */
function reasonFor(rng: Random, ground: CaseGround, delivery: DeliveryDraft): CaseReason {
  const far =
    ground.farDropOffs.has(delivery.id) ||
    (delivery.dropOff.location && delivery.address.location
      ? distanceMetres(delivery.dropOff.location, delivery.address.location) > 150
      : false)
  if (far) return 'wrong_location'
  if (delivery.photoWithheld !== null || delivery.photos.length === 0) {
    return rng.chance(0.8) ? 'not_received' : 'other'
  }
  return rng.weighted<CaseReason>([
    ['not_received', 55],
    ['photo_dispute', 15],
    ['damaged', 12],
    ['wrong_location', 8],
    ['other', 10],
  ])
}

/** One case's steps, from its opening to the status it ends in, each a while after the last. */
class CaseScript {
  readonly steps: SeedCaseStep[] = []
  readonly #rng: Random
  readonly #ground: CaseGround
  readonly #delivery: DeliveryDraft
  #at: number

  constructor(rng: Random, ground: CaseGround, delivery: DeliveryDraft) {
    this.#rng = rng
    this.#ground = ground
    this.#delivery = delivery
    const { eventTimes, latest } = ground
    this.#at = Math.min(
      latest - 6 * 3_600_000,
      (eventTimes.get(delivery.id) ?? latest) + rng.int(2 * 60, 5 * 24 * 60) * 60_000,
    )
  }

  play(): void {
    const rng = this.#rng
    const opener = this.#open()
    if (rng.chance(0.7)) this.#assign(opener)
    const target = rng.weighted<Target>([
      ['open', 25],
      ['investigating', 28],
      ['awaiting_customer', 15],
      ['resolved', 32],
    ])
    this.#addNotes(1)
    if (target !== 'open') this.#setStatus('investigating')
    this.#addNotes(2)
    if (target === 'awaiting_customer') this.#setStatus('awaiting_customer')
    if (target === 'resolved') {
      if (rng.chance(0.3)) this.#setStatus('awaiting_customer')
      this.#resolve()
    }
    if (target === 'open' && rng.chance(0.2)) {
      // Resolved once, then reopened by a supervisor when the customer wrote back.
      this.#resolve()
      this.#push(SUPERVISOR, {
        type: 'reopened',
        note: 'Customer wrote back: the parcel was not with the neighbour after all.',
      })
    }
  }

  /** The opening step; answers who opened it. */
  #open(): string {
    const rng = this.#rng
    const reason = reasonFor(rng, this.#ground, this.#delivery)
    const opener = this.#someone()
    this.steps.push({
      userId: opener,
      event: {
        id: rng.uuid(),
        type: 'opened',
        occurredAt: isoSeconds(this.#at),
        deliveryId: this.#delivery.id,
        reason,
        note: rng.chance(0.6) ? rng.pick(CASE_NOTES) : null,
      },
    })
    return opener
  }

  #assign(opener: string): void {
    const rng = this.#rng
    this.#push(rng.chance(0.5) ? opener : SUPERVISOR, () => ({
      type: 'assigned',
      assigneeId: rng.weighted<string>([
        [AGENT, 55],
        [SUPERVISOR, 20],
        ...OTHER_AGENTS.map((id) => [id, 6] as const),
        ...OTHER_SUPERVISORS.map((id) => [id, 3] as const),
      ]),
    }))
  }

  #addNotes(max: number): void {
    const rng = this.#rng
    for (let n = rng.int(0, max); n > 0; n--) {
      this.#push(this.#someone(), () => ({ type: 'note_added', note: rng.pick(CASE_NOTES) }))
    }
  }

  #setStatus(status: 'open' | 'investigating' | 'awaiting_customer'): void {
    this.#push(this.#someone(), { type: 'status_changed', status })
  }

  #resolve(): void {
    const rng = this.#rng
    this.#push(this.#someone(), () => ({
      type: 'resolved',
      resolutionCode: rng.weighted([
        ['refund_issued', 30],
        ['replacement_sent', 20],
        ['found_by_customer', 18],
        ['delivered_to_neighbor', 12],
        ['carrier_claim', 8],
        ['no_action', 12],
      ] as const),
      note: rng.chance(0.7) ? rng.pick(RESOLUTION_NOTES) : null,
    }))
  }

  /**
   * A later step by `userId`: its id and time are drawn first, then its fields (a function, when
   * drawing them takes randomness too).
   */
  #push(
    userId: string,
    fields:
      | Omit<CaseEvent, 'id' | 'occurredAt' | 'baseVersion'>
      | (() => Omit<CaseEvent, 'id' | 'occurredAt' | 'baseVersion'>),
  ): void {
    const id = this.#rng.uuid()
    const occurredAt = this.#nextTime()
    const { type, ...rest } = typeof fields === 'function' ? fields() : fields
    this.steps.push({ userId, event: { id, type, occurredAt, ...rest } })
  }

  #nextTime(): string {
    this.#at = Math.min(
      this.#ground.latest - 60_000,
      this.#at + this.#rng.int(20, 30 * 60) * 60_000,
    )
    return isoSeconds(this.#at)
  }

  /** The demo accounts do most of the work; colleagues on other consoles the rest. */
  #someone(): string {
    return this.#rng.weighted<string>([
      [AGENT, 60],
      [SUPERVISOR, 20],
      ...OTHER_AGENTS.map((id) => [id, 5] as const),
      ...OTHER_SUPERVISORS.map((id) => [id, 3] as const),
    ])
  }
}

// The change sync's changes (issue 17): a share of a live world's deliveries changed (their driver
// reassigned, as a depot's correction does), deleted, and new ones added like existing ones, spread
// evenly over the world, so an existing cache takes them in one incremental sync.
import type { DemoWorld } from '../../electron/core/demo-service/index.ts'
import type { DeliveryDraft } from '../../electron/core/demo-service/types.ts'

export interface ChangeSpec {
  updated: number
  added: number
  deleted: number
  /** Distinguishes the new deliveries' ids from an earlier round's. */
  round: number
}

export interface AppliedChanges extends Omit<ChangeSpec, 'round'> {
  /** Live deliveries in the world afterwards. */
  live: number
}

export function applyChanges(world: DemoWorld, spec: ChangeSpec): AppliedChanges {
  const live: Array<{ id: string; driver: DeliveryDraft['driver'] }> = []
  for (const draft of world.deliveryDrafts()) {
    if (draft.deleted !== true) live.push({ id: draft.id, driver: draft.driver })
  }
  const total = spec.updated + spec.added + spec.deleted
  if (total === 0 || total > live.length) {
    throw new Error(`cannot make ${total} changes in a world of ${live.length} deliveries`)
  }
  // Every stride-th live delivery, the kinds taking turns while each has some left.
  const kinds: Array<'updated' | 'added' | 'deleted'> = []
  const left = { updated: spec.updated, added: spec.added, deleted: spec.deleted }
  while (kinds.length < total) {
    for (const kind of ['updated', 'added', 'deleted'] as const) {
      if (left[kind]-- > 0) kinds.push(kind)
    }
  }
  const stride = Math.floor(live.length / total)
  const half = Math.floor(live.length / 2)
  const done = { updated: 0, added: 0, deleted: 0 }
  for (const [k, kind] of kinds.entries()) {
    const target = live[k * stride] as (typeof live)[number]
    if (kind === 'updated') {
      const other = live[(k * stride + half) % live.length] as (typeof live)[number]
      world.updateDelivery(target.id, { driver: other.driver })
    } else if (kind === 'added') {
      world.addDeliveryLike(target.id, `r${spec.round}n${k}`)
    } else {
      world.deleteDelivery(target.id)
    }
    done[kind]++
  }
  return { ...done, live: live.length + done.added - done.deleted }
}

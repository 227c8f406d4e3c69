import { existsSync } from 'node:fs'
import { z } from 'zod'
import { createCaseViews } from '../cases/case-views.ts'
import { listCasesOfDelivery } from '../cases/list-cases.ts'
import { createSettingsStore } from '../settings/settings.ts'
import { personName } from '../api/display-words.ts'
import { createPersonNames } from '../people/person-names.ts'
import { requireCache } from './data-folder.ts'
import { createDeliveryReader } from '../deliveries/get-delivery.ts'
import { photosOfDeliveryInOrder } from '../deliveries/photo-table.ts'
import { createFingerprints } from '../photo-match/fingerprints.ts'
import { createLookalikes } from '../photo-match/lookalikes.ts'
import { photoFilePath } from '../photos/photo-files.ts'
import { CommandFailed, flagError } from './usage.ts'
import { openCache } from './open-cache.ts'

const FlagsSchema = z.object({
  id: z.string().trim().min(1, 'give a delivery id, order id or tracking number').max(64),
  json: z.boolean().default(false),
})

export async function showCommand(
  flags: Record<string, unknown>,
  dataDir: string,
  print: (line: string) => void,
): Promise<void> {
  const parsed = FlagsSchema.safeParse(flags)
  if (!parsed.success) throw flagError(parsed.error.issues)
  const { id, json } = parsed.data
  requireCache(dataDir)
  const local = await openCache(dataDir)
  try {
    const delivery = createDeliveryReader(local.sqlite)(id, {
      thresholdM: createSettingsStore(local.sqlite).get().locationThresholdM,
      // The command lists the cases itself below, from the service's state of record.
      casesOf: () => [],
      repeatClaimsOf: (deliveryId) => createCaseViews(local.sqlite).repeatClaims(deliveryId),
    })
    if (!delivery) throw new CommandFailed(`No delivery “${id}” in the local cache at ${dataDir}.`)
    const shas = new Map(
      photosOfDeliveryInOrder
        .on(local.sqlite)
        .all({ deliveryId: delivery.id })
        .map((p) => [p.id, p.sha256]),
    )
    // Read as the console last flagged them; a withheld delivery has none (photo-match/).
    const found = createLookalikes(local.sqlite, createFingerprints(local.sqlite)).of(delivery.id)
    const lookalikesOf = new Map(found.map((f) => [f.photoId, f.lookalikes]))
    const photos = delivery.photos.map((p) => {
      const sha256 = shas.get(p.id) ?? ''
      const path = sha256 ? photoFilePath(dataDir, sha256) : null
      const status = p.state === 'stored' && p.displayError ? 'undisplayable' : p.state
      return {
        id: p.id,
        sha256,
        status,
        file: p.state === 'stored' && path && existsSync(path) ? path : null,
        reason: p.displayError ?? p.failureReason,
        lookalikes: (lookalikesOf.get(p.id) ?? []).map((l) => ({
          deliveryId: l.deliveryId,
          photoId: l.photoId,
          distance: l.distance,
          sameFile: l.sameFile,
        })),
      }
    })
    const cases = listCasesOfDelivery(local.sqlite, delivery.id)
    if (json) {
      const { cases: _none, ...facts } = delivery
      print(JSON.stringify({ ...facts, photos, cases }))
      return
    }
    const a = delivery.address
    const names = createPersonNames(local.sqlite)
    // By name, as the console shows them: the directory's, else the record's own for a driver.
    const who = (id: string, recorded?: string) =>
      names.nameOf(id) ?? recorded ?? personName(id, null)
    print(`Order ${delivery.orderId} · tracking ${delivery.trackingNumber} · ${delivery.status}`)
    print(
      `  delivered:  ${delivery.deliveredAt ?? 'not delivered'} by ${who(delivery.driver.id, delivery.driver.name)} (${delivery.dropOff.spot.replace(/_/g, ' ')})`,
    )
    if (delivery.dropOff.note) print(`  note:       ${delivery.dropOff.note}`)
    print(
      `  customer:   ${delivery.customer.name}${delivery.customer.email ? ` <${delivery.customer.email}>` : ''}`,
    )
    print(
      `  address:    ${[a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}`,
    )
    if (delivery.photoWithheld)
      print(`  photos:     withheld (${delivery.photoWithheld.replace(/_/g, ' ')})`)
    for (const p of photos) {
      print(
        `  photo ${p.id}: ${p.status}${p.file ? ` ${p.file}` : ''}${p.reason ? ` (${p.reason})` : ''}`,
      )
      for (const l of lookalikesOf.get(p.id) ?? [])
        print(
          `    ${l.sameFile ? 'same file' : `looks the same (${l.distance} bits apart)`} as photo ${l.photoId} of delivery ${l.deliveryId}, ${l.address.line1}, ${l.takenAt}, by ${who(l.driver.id, l.driver.name)}`,
        )
    }
    if (cases.length === 0) print('  cases:      none')
    for (const c of cases)
      print(
        `  case ${c.id}: ${c.status.replace(/_/g, ' ')}, ${c.reason.replace(/_/g, ' ')}, opened ${c.openedAt} by ${who(c.openedBy)}, ${c.assigneeId ? `assigned to ${who(c.assigneeId)}` : 'unassigned'}${c.ticket ? `, ticket ${c.ticket}` : ''}`,
      )
  } finally {
    await local.close()
  }
}

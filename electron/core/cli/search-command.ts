import { z } from 'zod'
import { requireCache } from './data-folder.ts'
import { createDeliverySearch } from '../search/search-deliveries.ts'
import { flagError } from './usage.ts'
import { openCache } from './open-cache.ts'

const FlagsSchema = z.object({
  query: z.string().trim().min(1, 'give something to search for').max(200),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  json: z.boolean().default(false),
})

export async function searchCommand(
  flags: Record<string, unknown>,
  dataDir: string,
  print: (line: string) => void,
): Promise<void> {
  const parsed = FlagsSchema.safeParse(flags)
  if (!parsed.success) throw flagError(parsed.error.issues)
  const { query, limit, json } = parsed.data
  requireCache(dataDir)
  const local = await openCache(dataDir)
  try {
    const rows = createDeliverySearch(local.sqlite)(query, limit).map((r) => ({
      deliveryId: r.deliveryId,
      orderId: r.orderId,
      trackingNumber: r.trackingNumber,
      customerName: r.customerName,
      city: r.city,
      deliveredAt: r.deliveredAt,
      hasPhoto: r.hasPhoto,
    }))
    if (json) {
      print(JSON.stringify(rows))
      return
    }
    if (rows.length === 0) {
      print(`No deliveries match “${query}”.`)
      return
    }
    for (const r of rows) {
      const photo = r.hasPhoto ? 'photo' : 'no photo'
      print(
        `${r.orderId}  ${r.trackingNumber}  ${r.customerName}, ${r.city}  ${r.deliveredAt ?? 'not delivered'}  ${photo}`,
      )
    }
  } finally {
    await local.close()
  }
}

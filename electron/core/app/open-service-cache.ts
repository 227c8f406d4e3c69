// Opens the cache of this data folder that was filled from this service (cache-identity/), and
// records the service as its owner. The service is asked what it is briefly: offline, the console
// still opens its cache (by address).
import {
  holdsServiceData,
  readCacheOwner,
  recordCacheOwner,
} from '../cache-identity/cache-owner.ts'
import { chooseCache, type OtherServiceChoice } from '../cache-identity/choose-cache.ts'
import { openDatabase } from '../db/open-database.ts'
import { createServiceClient } from '../service/service-client.ts'

export async function openServiceCache(options: {
  dataDir: string
  serviceUrl: string
  otherService?: OtherServiceChoice
  /** Called when no cache may be chosen (another service's), before the error is thrown. */
  onRefused?: () => Promise<void>
}) {
  const { serviceUrl } = options
  const probe = () =>
    createServiceClient({ baseUrl: serviceUrl, getToken: () => null }).describe(3_000)
  let chosen
  try {
    chosen = await chooseCache({
      dataDir: options.dataDir,
      url: serviceUrl,
      probe,
      otherService: options.otherService,
    })
  } catch (error) {
    await options.onRefused?.()
    throw error
  }
  const local = await openDatabase(chosen.dir)
  const { sqlite } = local
  // Empty, or made before caches recorded their service: this service's from now on. Otherwise
  // it is this service's already, and learns the address it is reached at now.
  // (With its identity where it states one: the built-in demo service is at a new port each time.)
  if (!readCacheOwner(sqlite) || !holdsServiceData(sqlite) || chosen.probe?.reached)
    recordCacheOwner(sqlite, serviceUrl, chosen.probe ?? (await probe()))
  return { chosen, local }
}

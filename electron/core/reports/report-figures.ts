// The figures of a report, computed in one pass over the cases (see report-cases.ts) and one
// aggregate over the deliveries for the drivers' rates. The definitions are stated on the Reports
// screen and on the export's summary; the tests check them against hand-computed fixtures.
import type BetterSqlite3 from 'better-sqlite3'
import {
  TIME_TO_RESOLVE_BUCKETS,
  type ReportFigures,
  type ReportFilters,
  type ReportOptions,
} from '../api/report-schemas.ts'
import { RESOLUTION_CODES, type ResolutionCode } from '../contract/schemas.ts'
import {
  CHUNK,
  addressKey,
  addressText,
  isAway,
  matchesDeliveryFilters,
  matchesFilters,
  readReportCases,
  type ReportCase,
} from './report-cases.ts'
import { dayIn, inPeriod, reportPeriod, type ReportPeriod } from './report-period.ts'
import { createPersonNames } from '../people/person-names.ts'
import { reuseFlaggedDeliveries } from '../photo-match/lookalikes.ts'
import { caseAgentIds, caseDaySpan } from '../cases/case-tables.ts'
import {
  deliveriesInPeriod,
  deliveryAreas,
  deliveryDrivers,
} from '../deliveries/delivery-tables.ts'

const HOUR_MS = 3_600_000
/** Drivers with fewer deliveries in the period are not ranked: one case on one delivery is noise. */
export const MIN_DRIVER_DELIVERIES = 5
const TOP = 10
type TimeToResolveBucket = (typeof TIME_TO_RESOLVE_BUCKETS)[number]

/** Each bucket's upper bound, hours (exclusive), in TIME_TO_RESOLVE_BUCKETS' order. */
const BUCKET_BOUNDS: Readonly<Record<TimeToResolveBucket, number>> = {
  under4Hours: 4,
  hours4To24: 24,
  days1To2: 48,
  days2To3: 72,
  days3To7: 168,
  days7OrMore: Infinity,
}

/**
 * The q-th quantile of sorted values by linear interpolation between closest ranks (R-7, the
 * method of Excel's PERCENTILE.INC and of most statistics packages), so a reader can check it.
 */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  const low = sorted[below]!
  return low + (sorted[above]! - low) * (position - below)
}

export function hoursToResolve(c: ReportCase): number | null {
  if (!c.resolution) return null
  return (Date.parse(c.resolution.resolvedAt) - Date.parse(c.openedAt)) / HOUR_MS
}

/** Accumulates the figures case by case; `finish` adds the drivers' rates. */
export function createFiguresAccumulator(
  filters: ReportFilters,
  thresholdM: number,
  period: ReportPeriod = reportPeriod(filters),
) {
  let opened = 0
  let resolved = 0
  let openNow = 0
  let away = 0
  const hours: number[] = []
  const byCode = new Map<ResolutionCode, number>(RESOLUTION_CODES.map((code) => [code, 0]))
  const customers = new Map<string, { name: string; cases: number }>()
  const addresses = new Map<string, { address: string; cases: number }>()
  const driverCases = new Map<string, number>()
  const perDay = new Map(period.days.map((day) => [day, { opened: 0, resolved: 0 }]))

  return {
    period,
    /** Adds one case (any case: those outside the filters are skipped here). */
    add(c: ReportCase): void {
      if (!matchesFilters(c, filters, thresholdM)) return
      if (c.status !== 'resolved') openNow++
      const resolvedAt = c.resolution?.resolvedAt
      if (c.resolution && inPeriod(resolvedAt, period)) {
        resolved++
        byCode.set(c.resolution.code, (byCode.get(c.resolution.code) ?? 0) + 1)
        const h = hoursToResolve(c)
        if (h !== null) hours.push(h)
        const day = perDay.get(dayIn(c.resolution.resolvedAt, period.timeZone))
        if (day) day.resolved++
      }
      const d = c.delivery
      if (d && inPeriod(d.deliveredAt, period)) {
        driverCases.set(d.driverId, (driverCases.get(d.driverId) ?? 0) + 1)
      }
      if (!inPeriod(c.openedAt, period)) return
      opened++
      const day = perDay.get(dayIn(c.openedAt, period.timeZone))
      if (day) day.opened++
      if (isAway(d, thresholdM)) away++
      if (d) {
        const customer = customers.get(d.customerId) ?? { name: d.customerName, cases: 0 }
        customer.cases++
        customers.set(d.customerId, customer)
        const key = addressKey(d)
        const address = addresses.get(key) ?? { address: addressText(d), cases: 0 }
        address.cases++
        addresses.set(key, address)
      }
    },

    async finish(sqlite: BetterSqlite3.Database, generatedAt: Date): Promise<ReportFigures> {
      hours.sort((a, b) => a - b)
      const share = (n: number, of: number) => (of === 0 ? 0 : n / of)
      const repeatCustomers = [...customers]
        .filter(([, c]) => c.cases >= 2)
        .map(([customerId, c]) => ({ customerId, name: c.name, cases: c.cases }))
        .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name))
      const repeatAddresses = [...addresses.values()]
        .filter((a) => a.cases >= 2)
        .sort((a, b) => b.cases - a.cases || a.address.localeCompare(b.address))
      const buckets = TIME_TO_RESOLVE_BUCKETS.map((bucket) => ({ bucket, count: 0 }))
      for (const h of hours) {
        const index = TIME_TO_RESOLVE_BUCKETS.findIndex((bucket) => h < BUCKET_BOUNDS[bucket])
        buckets[index]!.count++
      }
      return {
        filters,
        generatedAt: generatedAt.toISOString(),
        locationThresholdM: thresholdM,
        opened,
        resolved,
        openNow,
        timeToResolveHours: {
          median: quantileSorted(hours, 0.5),
          p90: quantileSorted(hours, 0.9),
        },
        resolutions: RESOLUTION_CODES.map((code) => ({
          code,
          count: byCode.get(code) ?? 0,
          share: share(byCode.get(code) ?? 0, resolved),
        })),
        awayFromAddress: { count: away, share: share(away, opened) },
        repeatCustomers: { total: repeatCustomers.length, top: repeatCustomers.slice(0, TOP) },
        repeatAddresses: { total: repeatAddresses.length, top: repeatAddresses.slice(0, TOP) },
        ...(await driverFigures(sqlite, filters, thresholdM, period, driverCases)),
        perDay: [...perDay].map(([day, n]) => ({ day, ...n })),
        timeToResolveBuckets: buckets,
      }
    },
  }
}

/** Per driver, over their deliveries in the period: cases per delivery, and reused-photo flags. */
async function driverFigures(
  sqlite: BetterSqlite3.Database,
  filters: ReportFilters,
  thresholdM: number,
  period: ReportPeriod,
  driverCases: ReadonlyMap<string, number>,
): Promise<Pick<ReportFigures, 'topDrivers' | 'reusedPhotoDrivers'>> {
  const flaggedDeliveries = reuseFlaggedDeliveries(sqlite)
  const people = createPersonNames(sqlite)
  const rows = deliveriesInPeriod.on(sqlite).iterate({
    start: Date.parse(period.start) / 1000,
    end: Date.parse(period.end) / 1000,
  })
  const drivers = new Map<string, { name: string; deliveries: number; flagged: number }>()
  let n = 0
  for (const row of rows) {
    if (++n % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve))
    if (!matchesDeliveryFilters(row, filters, thresholdM)) continue
    // The directory's name where it has one (people/), else the one the record carries.
    const driver = drivers.get(row.driverId) ?? {
      name: people.nameOf(row.driverId) ?? row.driverName,
      deliveries: 0,
      flagged: 0,
    }
    driver.deliveries++
    if (flaggedDeliveries.has(row.id)) driver.flagged++
    drivers.set(row.driverId, driver)
  }
  const reusedPhotoDrivers = [...drivers]
    .filter(([, d]) => d.flagged > 0)
    .map(([driverId, d]) => ({
      driverId,
      name: d.name,
      deliveries: d.deliveries,
      flagged: d.flagged,
    }))
    .sort((a, b) => b.flagged - a.flagged || a.driverId.localeCompare(b.driverId))
    .slice(0, TOP)
  const top = [...drivers]
    .filter(([id, d]) => d.deliveries >= MIN_DRIVER_DELIVERIES && (driverCases.get(id) ?? 0) > 0)
    .map(([driverId, d]) => {
      const cases = driverCases.get(driverId) ?? 0
      return {
        driverId,
        name: d.name,
        deliveries: d.deliveries,
        cases,
        casesPerDelivery: cases / d.deliveries,
      }
    })
    .sort((a, b) => b.casesPerDelivery - a.casesPerDelivery || b.cases - a.cases)
    .slice(0, TOP)
  return { topDrivers: { minDeliveries: MIN_DRIVER_DELIVERIES, top }, reusedPhotoDrivers }
}

/** The figures for `filters` over every case in the cache, as `viewerId` sees the cases. */
export async function computeFigures(
  sqlite: BetterSqlite3.Database,
  filters: ReportFilters,
  thresholdM: number,
  viewerId: string,
  now = new Date(),
): Promise<ReportFigures> {
  const figures = createFiguresAccumulator(filters, thresholdM)
  for await (const c of readReportCases(sqlite, { viewerId })) figures.add(c)
  return await figures.finish(sqlite, now)
}

/** What the filters can be set to: the places, drivers and agents in the cache. */
export function reportOptions(sqlite: BetterSqlite3.Database): ReportOptions {
  const areas = deliveryAreas.on(sqlite).all()
  const drivers = deliveryDrivers.on(sqlite).all()
  const people = createPersonNames(sqlite)
  const agents = caseAgentIds
    .on(sqlite)
    .all()
    .map((id) => ({ id, name: people.nameOf(id) }))
    // By name, or id for a user never met here (as SQLite orders text: by code unit here).
    .sort((a, b) => {
      const [x, y] = [a.name ?? a.id, b.name ?? b.id]
      return x < y ? -1 : x > y ? 1 : 0
    })
  const span = caseDaySpan.on(sqlite).get()
  return {
    areas,
    drivers,
    agents,
    firstCaseDay: span?.first ?? null,
    lastCaseDay: span?.last ?? null,
  }
}

// The report's figures against the fixture in report-fixture.ts, worked out by hand:
//
// Period 1–7 Nov 2026 in Los Angeles = [2026-11-01T07:00Z, 2026-11-08T08:00Z).
// Opened in it: C1 (2 Nov), C2 (3 Nov), C3 (4 Nov), C5 (6 Nov 23:30 local), C6 (7 Nov 23:30
// local) = 5. Not C4 (25 Oct) nor C7 (8 Nov 01:00 local).
// Resolved in it: C1 (6 h), C2 (48 h), C4 (25 Oct 10:00Z → 1 Nov 07:30Z = 165.5 h) = 3. Not C6
// (resolved 8 Nov 01:00 local).
// Median of [6, 48, 165.5] = 48; 90th percentile: position 1.8 → 48 + 0.8 × 117.5 = 142.
// Open now: C3, C5, C7 = 3. Away: only D2 → C2, 1 of 5 opened = 0.2.
// Repeat: C1 and C5 are both on D1 (customer cust-1, 101 Pine Street).
// Drivers: drv-a delivered D1, D2, D6, D7, D8 in the period (5), with cases C1, C5, C2, C6, C7 on
// them = 1.0 per delivery; drv-b delivered D3, D9–D12 (5; D4 was in October) with C3 = 0.2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReportFilterSchema } from '../../../electron/core/api/report-schemas.ts'
import { createCaseWork } from '../../../electron/core/cases/case-work.ts'
import type { LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { openReportConnection } from '../../../electron/core/reports/report-connection.ts'
import {
  computeFigures,
  quantileSorted,
  reportOptions,
} from '../../../electron/core/reports/report-figures.ts'
import { reportPeriod } from '../../../electron/core/reports/report-period.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { PERIOD, caseId, openReportFixture } from './report-fixture.ts'

const temp = tempDir('porchlight-report-figures-')
let local: LocalDatabase

beforeAll(async () => {
  local = await openReportFixture(temp.dir)
})
afterAll(async () => {
  await local.close()
  temp.remove()
})

async function figures(extra: Record<string, unknown> = {}) {
  const connection = openReportConnection(local.file)
  try {
    return await computeFigures(
      connection.sqlite,
      ReportFilterSchema.parse({ ...PERIOD, ...extra }),
      150,
      'sup-1',
      new Date('2026-12-01T00:00:00Z'),
    )
  } finally {
    connection.close()
  }
}

describe('report period', () => {
  it('is whole local days, across the end of summer time', () => {
    const period = reportPeriod(PERIOD)
    expect(period.start).toBe('2026-11-01T07:00:00.000Z')
    expect(period.end).toBe('2026-11-08T08:00:00.000Z')
    expect(period.days).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
    ])
  })

  it('refuses a period that ends before it starts, or an unknown time zone', () => {
    expect(ReportFilterSchema.safeParse({ ...PERIOD, to: '2026-10-01' }).success).toBe(false)
    expect(ReportFilterSchema.safeParse({ ...PERIOD, timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    )
  })
})

describe('quantiles', () => {
  it('interpolates between closest ranks (R-7, as PERCENTILE.INC)', () => {
    expect(quantileSorted([], 0.5)).toBeNull()
    expect(quantileSorted([7], 0.9)).toBe(7)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10)
  })
})

describe('report figures', () => {
  it('match the hand-computed fixture', async () => {
    const f = await figures()
    expect(f.opened).toBe(5)
    expect(f.resolved).toBe(3)
    expect(f.openNow).toBe(3)
    expect(f.timeToResolveHours.median).toBe(48)
    expect(f.timeToResolveHours.p90).toBeCloseTo(142, 10)
    expect(f.resolutions.filter((r) => r.count > 0)).toEqual([
      { code: 'refund_issued', count: 2, share: 2 / 3 },
      { code: 'replacement_sent', count: 1, share: 1 / 3 },
    ])
    expect(f.resolutions).toHaveLength(6)
    expect(f.awayFromAddress).toEqual({ count: 1, share: 0.2 })
    expect(f.repeatCustomers).toEqual({
      total: 1,
      top: [{ customerId: 'cust-1', name: 'Customer 1', cases: 2 }],
    })
    expect(f.repeatAddresses).toEqual({
      total: 1,
      top: [{ address: '101 Pine Street, Apt 4B, 98101 Seattle, WA', cases: 2 }],
    })
    expect(f.topDrivers.top).toEqual([
      { driverId: 'drv-a', name: 'Dana Whitfield', deliveries: 5, cases: 5, casesPerDelivery: 1 },
      { driverId: 'drv-b', name: 'Ravi Menon', deliveries: 5, cases: 1, casesPerDelivery: 0.2 },
    ])
    expect(f.perDay).toEqual([
      { day: '2026-11-01', opened: 0, resolved: 1 },
      { day: '2026-11-02', opened: 1, resolved: 1 },
      { day: '2026-11-03', opened: 1, resolved: 0 },
      { day: '2026-11-04', opened: 1, resolved: 0 },
      { day: '2026-11-05', opened: 0, resolved: 1 },
      { day: '2026-11-06', opened: 1, resolved: 0 },
      { day: '2026-11-07', opened: 1, resolved: 0 },
    ])
    expect(f.timeToResolveBuckets.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 0])
  })

  it("count each driver's deliveries flagged for a reused photo, by the directory's name", async () => {
    expect((await figures()).reusedPhotoDrivers).toEqual([])
    // d2 and d6 (drv-a) and d3 (drv-b) in the period are flagged; d4 (drv-b) is in October.
    const flag = local.sqlite.prepare(
      'INSERT INTO photo_reuse (delivery_id, other_address, earlier) VALUES (?, ?, ?)',
    )
    flag.run('d2', 1, 0)
    flag.run('d6', 0, 1)
    flag.run('d3', 1, 1)
    flag.run('d4', 1, 1)
    // The directory names drv-b in its own script.
    local.sqlite
      .prepare("INSERT INTO people (id, name, kind, listed_at) VALUES ('drv-b', ?, 'driver', ?)")
      .run('Рави Менон', '2026-11-30T00:00:00Z')
    try {
      expect((await figures()).reusedPhotoDrivers).toEqual([
        { driverId: 'drv-a', name: 'Dana Whitfield', deliveries: 5, flagged: 2 },
        { driverId: 'drv-b', name: 'Рави Менон', deliveries: 5, flagged: 1 },
      ])
    } finally {
      local.sqlite.prepare('DELETE FROM photo_reuse').run()
      local.sqlite.prepare('DELETE FROM people').run()
    }
  })

  it('apply each filter', async () => {
    const seattle = await figures({ city: 'Seattle' })
    expect([seattle.opened, seattle.resolved, seattle.openNow]).toEqual([4, 2, 2])
    expect(seattle.topDrivers.top.map((d) => d.driverId)).toEqual(['drv-a'])

    const ca = await figures({ region: 'CA' })
    expect([ca.opened, ca.resolved, ca.openNow]).toEqual([1, 1, 1])

    const away = await figures({ locationFlag: 'away' })
    expect([away.opened, away.resolved, away.awayFromAddress.share]).toEqual([1, 1, 1])
    const notAway = await figures({ locationFlag: 'not-away' })
    expect(notAway.opened).toBe(4)

    expect((await figures({ reason: 'not_received' })).opened).toBe(3)

    const refunds = await figures({ resolution: 'refund_issued' })
    expect([refunds.opened, refunds.resolved]).toEqual([1, 2])
    const unresolved = await figures({ resolution: 'unresolved' })
    expect([unresolved.opened, unresolved.resolved, unresolved.openNow]).toEqual([2, 0, 3])

    // agent-2 is assigned C3 only; sup-1 resolved C1, C2, C4 and C6.
    expect((await figures({ agentId: 'agent-2' })).opened).toBe(1)
    const bySupervisor = await figures({ agentId: 'sup-1' })
    expect([bySupervisor.opened, bySupervisor.resolved]).toEqual([3, 3])

    const driverB = await figures({ driverId: 'drv-b' })
    expect([driverB.opened, driverB.resolved]).toEqual([1, 1])
  })

  it('list the places, drivers and agents to filter by', async () => {
    const connection = openReportConnection(local.file)
    try {
      const options = reportOptions(connection.sqlite)
      expect(options.areas).toEqual([
        { city: 'San Francisco', region: 'CA' },
        { city: 'Seattle', region: 'WA' },
      ])
      expect(options.drivers).toEqual([
        { id: 'drv-a', name: 'Dana Whitfield' },
        { id: 'drv-b', name: 'Ravi Menon' },
      ])
      expect(options.agents).toEqual([
        { id: 'agent-1', name: 'Alex Rivera' },
        { id: 'agent-2', name: 'Jo Park' },
        { id: 'sup-1', name: 'Sam Okafor' },
      ])
      expect([options.firstCaseDay, options.lastCaseDay]).toEqual(['2026-10-25', '2026-11-08'])
    } finally {
      connection.close()
    }
  })

  // With this console's unsent work: C3 resolved here on 6 Nov 20:00Z (56 h after opening), and
  // a case opened here offline on D8 on 5 Nov 20:00Z. Opened 6; resolved 4 with hours
  // [6, 48, 56, 165.5]: median 52, p90 at position 2.7 = 56 + 0.7 × 109.5 = 132.65. Open now: C5,
  // C7 and the new one. drv-a now has 6 cases on 5 deliveries.
  it('include the work this console has not sent yet', async () => {
    const supervisor = { id: 'sup-1', name: 'Sam Okafor', role: 'supervisor' as const }
    createCaseWork({
      sqlite: local.sqlite,
      currentUser: () => supervisor,
      now: () => new Date('2026-11-06T20:00:00Z'),
    }).resolve(caseId(3), 'found_by_customer', 'Found behind the bins')
    createCaseWork({
      sqlite: local.sqlite,
      currentUser: () => supervisor,
      now: () => new Date('2026-11-05T20:00:00Z'),
    }).open('d8', 'not_received', 'Opened while offline', (at) => ({
      takenAt: at,
      deliveryVersion: 1,
      deliveredAt: null,
      driver: { id: 'drv-a', name: 'Dana Whitfield' },
      dropOff: { spot: 'front_door', location: null },
      photos: [],
      photoWithheld: null,
      awayFromAddress: { flagged: false, distanceM: null },
    }))
    const f = await figures()
    expect(f.opened).toBe(6)
    expect(f.resolved).toBe(4)
    expect(f.openNow).toBe(3)
    expect(f.timeToResolveHours.median).toBe(52)
    expect(f.timeToResolveHours.p90).toBeCloseTo(132.65, 10)
    expect(f.resolutions.find((r) => r.code === 'found_by_customer')).toEqual({
      code: 'found_by_customer',
      count: 1,
      share: 0.25,
    })
    expect(f.topDrivers.top[0]).toMatchObject({
      driverId: 'drv-a',
      cases: 6,
      casesPerDelivery: 1.2,
    })
    expect(f.perDay.find((d) => d.day === '2026-11-05')).toEqual({
      day: '2026-11-05',
      opened: 1,
      resolved: 1,
    })
    expect(f.perDay.find((d) => d.day === '2026-11-06')).toEqual({
      day: '2026-11-06',
      opened: 1,
      resolved: 1,
    })
  })
})

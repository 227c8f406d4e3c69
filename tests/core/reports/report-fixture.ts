// A small, hand-made cache for the report tests: twelve deliveries by two drivers in two cities
// and seven cases whose figures are worked out by hand in report-figures.test.ts. Written
// through the modules that own the tables (the delivery and case stores), into a real SQLite file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import sharp from 'sharp'
import { createCaseStore } from '../../../electron/core/cases/store-cases.ts'
import type { CaseRecord, DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { createDeliveryStore } from '../../../electron/core/deliveries/store-deliveries.ts'
import { photoFilePath } from '../../../electron/core/photos/photo-files.ts'
import { makeDelivery, sha256 } from '../fixtures/deliveries.ts'
import { makeCase, uuidOf } from '../../support/records.ts'

export const PERIOD = {
  from: '2026-11-01',
  to: '2026-11-07',
  // Summer time ends on 1 November 2026 here: the period starts at 07:00Z and ends at 08:00Z.
  timeZone: 'America/Los_Angeles',
  locationFlag: 'any' as const,
}

const SEATTLE = { lat: 47.6145, lng: -122.3275 }
const SF = { lat: 37.7793, lng: -122.4193 }

function delivery(
  n: number,
  driver: 'a' | 'b',
  deliveredAt: string,
  extra: Partial<DeliveryRecord> = {},
): DeliveryRecord {
  const home = driver === 'a' ? SEATTLE : SF
  const base = makeDelivery(`d${n}`)
  return {
    ...base,
    deliveredAt,
    customer: { ...base.customer, id: `cust-${n}`, name: `Customer ${n}` },
    address:
      driver === 'a'
        ? { ...base.address, line1: `${100 + n} Pine Street`, location: home }
        : {
            ...base.address,
            line1: `${100 + n} Market Street`,
            line2: null,
            city: 'San Francisco',
            region: 'CA',
            postalCode: '94103',
            location: home,
          },
    dropOff: {
      spot: 'front_door',
      note: null,
      location: { lat: home.lat + 0.0001, lng: home.lng, accuracyM: 8 },
    },
    photos: base.photos.map((p) => ({ ...p, location: { ...home, accuracyM: 5 } })),
    driver:
      driver === 'a'
        ? { id: 'drv-a', name: 'Dana Whitfield' }
        : { id: 'drv-b', name: 'Ravi Menon' },
    ...extra,
  }
}

/** D2 was left some 400 m north of its address: flagged "away" at the default 150 m. */
export const DELIVERIES: DeliveryRecord[] = [
  delivery(1, 'a', '2026-11-02T18:00:00Z'),
  delivery(2, 'a', '2026-11-03T16:00:00Z', {
    dropOff: {
      spot: 'porch',
      note: '=HYPERLINK("http://evil.example","click")',
      location: { lat: SEATTLE.lat + 0.0036, lng: SEATTLE.lng, accuracyM: 10 },
    },
  }),
  delivery(3, 'b', '2026-11-04T10:00:00Z', { photoWithheld: 'customer_opted_out', photos: [] }),
  delivery(4, 'b', '2026-10-20T10:00:00Z'),
  delivery(6, 'a', '2026-11-05T18:00:00Z'),
  delivery(7, 'a', '2026-11-06T18:00:00Z'),
  delivery(8, 'a', '2026-11-06T19:00:00Z'),
  delivery(9, 'b', '2026-11-02T10:00:00Z'),
  delivery(10, 'b', '2026-11-03T10:00:00Z'),
  delivery(11, 'b', '2026-11-04T11:00:00Z'),
  delivery(12, 'b', '2026-11-05T10:00:00Z'),
]

const resolution = (code: NonNullable<CaseRecord['resolution']>['code'], at: string) => ({
  code,
  note: null,
  resolvedAt: at,
  resolvedBy: 'sup-1',
})

export const CASES: CaseRecord[] = [
  makeCase(1, 'd1', {
    openedAt: '2026-11-02T20:00:00Z',
    openedBy: 'agent-1',
    status: 'resolved',
    resolution: {
      ...resolution('refund_issued', '2026-11-03T02:00:00Z'),
      note: '+1 refund, @once',
    },
  }),
  makeCase(2, 'd2', {
    openedAt: '2026-11-03T17:00:00Z',
    reason: 'wrong_location',
    openedBy: 'agent-1',
    status: 'resolved',
    resolution: resolution('replacement_sent', '2026-11-05T17:00:00Z'),
  }),
  makeCase(3, 'd3', {
    openedAt: '2026-11-04T12:00:00Z',
    openedBy: 'agent-1',
    status: 'investigating',
    assigneeId: 'agent-2',
    ticket: '#4521',
    notes: [
      {
        id: 'n-3-1',
        authorId: 'agent-2',
        body: 'Called the customer: "not on the porch"',
        createdAt: '2026-11-04T13:00:00Z',
      },
      {
        id: 'n-3-2',
        authorId: 'agent-1',
        body: 'Asked the driver.',
        createdAt: '2026-11-04T14:05:00Z',
      },
    ],
  }),
  makeCase(4, 'd4', {
    openedAt: '2026-10-25T10:00:00Z',
    openedBy: 'agent-1',
    status: 'resolved',
    resolution: resolution('refund_issued', '2026-11-01T07:30:00Z'),
  }),
  makeCase(5, 'd1', { openedAt: '2026-11-07T07:30:00Z', openedBy: 'agent-1' }),
  makeCase(6, 'd6', {
    openedAt: '2026-11-08T07:30:00Z',
    reason: 'damaged',
    openedBy: 'agent-1',
    status: 'resolved',
    resolution: resolution('no_action', '2026-11-08T09:00:00Z'),
  }),
  makeCase(7, 'd7', { openedAt: '2026-11-08T09:00:00Z', reason: 'other', openedBy: 'agent-1' }),
].map((c) => ({ ...c, updatedAt: c.openedAt }))

export const caseId = uuidOf

/** The cache with the deliveries and cases above, and named users. */
export async function openReportFixture(dataDir: string): Promise<LocalDatabase> {
  const local = await openDatabase(dataDir)
  createDeliveryStore(local.sqlite).applyItems(DELIVERIES)
  createCaseStore(local.sqlite).applyItems(CASES)
  const user = local.sqlite.prepare('INSERT INTO known_users (id, name, role) VALUES (?, ?, ?)')
  user.run('agent-1', 'Alex Rivera', 'agent')
  user.run('agent-2', 'Jo Park', 'agent')
  user.run('sup-1', 'Sam Okafor', 'supervisor')
  return local
}

/**
 * Puts a real JPEG in place for each photo of the fixture (the fixture's hashes are of made-up
 * bytes, so the rows are pointed at the real file's hash) and marks them stored, as a sync would.
 */
export async function storeFixturePhotos(local: LocalDatabase, dataDir: string): Promise<void> {
  const rows = local.sqlite
    .prepare<[], { id: string }>("SELECT id FROM delivery_photos WHERE state = 'pending'")
    .all()
  for (const [i, row] of rows.entries()) {
    const bytes = await sharp({
      create: {
        width: 640,
        height: 480,
        channels: 3,
        background: { r: 40 + i * 10, g: 120, b: 90 },
      },
    })
      .jpeg()
      .toBuffer()
    const hash = sha256(bytes)
    const path = photoFilePath(dataDir, hash)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, bytes)
    local.sqlite
      .prepare("UPDATE delivery_photos SET sha256 = ?, state = 'stored' WHERE id = ?")
      .run(hash, row.id)
  }
}

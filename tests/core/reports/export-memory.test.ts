// Exports stream: 10,000 cases go to CSV and XLSX without the rows piling up in memory, and the
// event loop keeps turning while they are written. Bounded in time for `npm test`; the figures
// for 100,000 cases come from `npm run bench:reports` (see the README).
//
// If the writer held its rows, 10,000 rows of 35 cells would take well over the bound here
// (exceljs keeps a Cell object per value; the CSV strings alone are ~9 MB).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillCache, measureExport } from '../../bench/export-bench.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const CASES = 10_000
/** What an export may hold on to (after garbage collection) over what was held before it. */
const RETAINED_BOUND_MB = 16

const temp = tempDir('porchlight-export-memory-')
const dataDir = join(temp.dir, 'data')

beforeAll(async () => {
  await fillCache(dataDir, CASES)
}, 180_000)
afterAll(() => temp.remove())

describe.each(['csv', 'xlsx'] as const)('a %s export of 10,000 cases', (format) => {
  it('keeps the heap bounded and the event loop turning', async () => {
    const destination = join(temp.dir, `memory.${format}`)
    const measured = await measureExport(dataDir, format, destination)
    console.info(`${format}: ${JSON.stringify(measured)}`)
    expect(measured.rows).toBe(CASES)
    expect(existsSync(destination)).toBe(true)
    expect(measured.retainedGrowthMb).toBeLessThan(RETAINED_BOUND_MB)
    // A generous bound: the machine may be busy with other work. Measured stalls are in the
    // README; what this guards against is a writer that never yields (seconds).
    expect(measured.longestStallMs).toBeLessThan(1_500)
  }, 180_000)
})

// The headless `porchlight` command, run as a person would run it: a child process against the
// demo delivery service on 127.0.0.1, into a temp data dir.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliveryRecord } from '../../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../../electron/core/demo-service/index.ts'
import { sha256, tempDir } from '../fixtures/deliveries.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

describe('the porchlight command', () => {
  const temp = tempDir()
  const dataDir = join(temp.dir, 'data')
  let service: DemoService
  let records: DeliveryRecord[]

  beforeAll(async () => {
    service = await startDemoService({ seed: 3, deliveries: 120 })
    records = (await service.world.deliveries()).filter(
      (d): d is DeliveryRecord => d.deleted !== true,
    )
  })
  afterAll(async () => {
    await service.close()
    temp.remove()
  })

  it('syncs everything and prints one JSON summary', async () => {
    const { code, stdout, stderr } = await run([
      'sync',
      '--api',
      service.url,
      '--user',
      'agent',
      '--password',
      'demo-agent',
      '--data-dir',
      dataDir,
      '--json',
    ])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const summary = JSON.parse(stdout)
    const withheld = records.filter((d) => d.photoWithheld !== null).length
    const photos = records.reduce((n, d) => n + (d.photoWithheld === null ? d.photos.length : 0), 0)
    expect(summary).toMatchObject({
      deliveries: { received: records.length, stored: records.length, rejected: 0 },
      photos: { downloaded: photos, failed: 0, withheld },
      cases: { received: service.world.cases().length },
      outbox: { pushed: 0, conflicts: 0 },
      rejectedItems: [],
    })
    expect(summary.durationMs).toBeGreaterThan(0)
  })

  it('searches the cache the way the console does', async () => {
    const target = records[5]!
    const { code, stdout } = await run(['search', target.orderId, '--json', '--data-dir', dataDir])
    expect(code).toBe(0)
    const rows = JSON.parse(stdout)
    expect(rows[0]).toEqual({
      deliveryId: target.id,
      orderId: target.orderId,
      trackingNumber: target.trackingNumber,
      customerName: target.customer.name,
      city: target.address.city,
      deliveredAt: target.deliveredAt ?? null,
      hasPhoto: target.photoWithheld === null && target.photos.length > 0,
    })
    const human = await run(['search', target.customer.name, '--data-dir', dataDir])
    expect(human.stdout).toContain(target.orderId)
  })

  it('shows a delivery by tracking number with its verified photo files', async () => {
    const target = records.find((d) => d.photoWithheld === null && d.photos.length > 0)!
    const { code, stdout } = await run([
      'show',
      target.trackingNumber,
      '--json',
      '--data-dir',
      dataDir,
    ])
    expect(code).toBe(0)
    const shown = JSON.parse(stdout)
    expect(shown.id).toBe(target.id)
    expect(shown.photos).toHaveLength(target.photos.length)
    for (const [i, photo] of shown.photos.entries()) {
      expect(photo).toMatchObject({
        id: target.photos[i]!.id,
        sha256: target.photos[i]!.sha256,
        status: 'stored',
      })
      expect(existsSync(photo.file)).toBe(true)
      const { readFileSync } = await import('node:fs')
      expect(sha256(readFileSync(photo.file))).toBe(photo.sha256)
    }
    expect(Array.isArray(shown.cases)).toBe(true)
  })

  it('shows a withheld delivery with no photo at all', async () => {
    const target = records.find((d) => d.photoWithheld !== null)!
    const { stdout } = await run(['show', target.id, '--json', '--data-dir', dataDir])
    const shown = JSON.parse(stdout)
    expect(shown.photoWithheld).toBe(target.photoWithheld)
    expect(shown.photos).toEqual([])
  })

  it('explains a wrong password, an unreachable service and bad usage with non-zero exits', async () => {
    const wrong = await run([
      'sync',
      '--api',
      service.url,
      '--user',
      'agent',
      '--password',
      'nope',
      '--data-dir',
      dataDir,
    ])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('The user name or password is not right.')

    const down = await run([
      'sync',
      '--api',
      'http://127.0.0.1:9',
      '--user',
      'agent',
      '--password',
      'x',
      '--data-dir',
      dataDir,
    ])
    expect(down.code).toBe(1)
    expect(down.stderr).toMatch(/cannot be reached/)

    const usage = await run(['sync', '--api', 'ftp://x', '--user', 'a', '--password', 'b'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/--api/)

    const unknown = await run(['frobnicate'])
    expect(unknown.code).toBe(2)

    const missing = await run(['show', 'no-such-order', '--data-dir', dataDir])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No delivery')
  })

  it('reads the password from PORCHLIGHT_PASSWORD and the data dir from PORCHLIGHT_DATA_DIR', async () => {
    const { code, stdout } = await run(
      ['sync', '--api', service.url, '--user', 'agent', '--json'],
      {
        PORCHLIGHT_PASSWORD: 'demo-agent',
        PORCHLIGHT_DATA_DIR: dataDir,
      },
    )
    expect(code).toBe(0)
    // Everything is cached already: nothing new to store.
    expect(JSON.parse(stdout).deliveries.stored).toBe(0)
  })
})

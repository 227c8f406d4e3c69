// Browser mode started with --service B on a data folder filled from delivery service A: it
// stops, naming both and A's unsent work; with --new-cache it starts a separate cache for B, says
// so, and the agent sees B's deliveries only, never A's.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createMemoryTokenStore } from '../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../electron/core/app/porchlight.ts'
import type { DeliveryRecord } from '../../electron/core/contract/schemas.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import { startConsole, type RunningConsole } from './support/browser-mode.ts'
import { signInAndWaitForSync } from './support/console-page.ts'

const anchor = new Date('2025-06-01T00:00:00Z')
let a: DemoService
let b: DemoService
let dataDir: string
let consoleApp: RunningConsole | undefined

test.beforeAll(async () => {
  a = await startDemoService({ seed: 41, deliveries: 20, anchor })
  b = await startDemoService({ seed: 42, deliveries: 20, anchor })
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-e2e-other-service-'))
})

test.afterAll(async () => {
  await consoleApp?.stop()
  await a?.close()
  await b?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const firstDelivered = async (service: DemoService) =>
  (await service.world.deliveries()).find(
    (d): d is DeliveryRecord => d.deleted !== true && d.status === 'delivered',
  )!

test('another service is refused by name, and gets a separate cache only when asked', async ({
  page,
}) => {
  // The folder is filled from A, and an agent's case (opened, and assigned to them) waits there, unsent.
  const filler = await createPorchlight({
    dataDir,
    service: { kind: 'remote', url: a.url },
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  })
  await filler.handlers.signIn({ username: 'agent', password: 'demo-agent' })
  await filler.syncOnce()
  const ofA = await firstDelivered(a)
  await a.close()
  await filler.handlers.openCase({ deliveryId: ofA.id, reason: 'not_received' })
  await filler.syncOnce().catch(() => undefined)
  await filler.close()

  const refused = await startConsole({ serviceUrl: b.url, dataDir }).then(
    () => 'started',
    (error: Error) => error.message,
  )
  expect(refused).toContain('browser mode exited with 1')
  expect(refused).toContain(`was filled from the delivery service at ${a.url}`)
  expect(refused).toContain(`not from ${b.url}`)
  expect(refused).toContain(`It still holds 2 case changes not yet sent to ${a.url}.`)
  expect(refused).toContain('--new-cache')
  expect(b.requests().map((r) => r.path)).toEqual(['/v1/health'])

  consoleApp = await startConsole({ serviceUrl: b.url, dataDir, extraArgs: ['--new-cache'] })
  const separate = join(dataDir, 'services', 'porchlight-demo-seed-42-20')
  expect(consoleApp.output()).toContain(`Started a separate cache for ${b.url} in ${separate}.`)
  expect(consoleApp.output()).toContain(`It still holds 2 case changes not yet sent to ${a.url}`)
  expect(consoleApp.output()).toContain(`Porchlight (browser mode), data in ${separate}`)

  await page.goto(consoleApp.url)
  await signInAndWaitForSync(page)
  const search = page.getByRole('searchbox', { name: 'Search deliveries' })
  const ofB = await firstDelivered(b)
  await search.fill(ofB.orderId)
  await expect(page.getByRole('link', { name: `Open order ${ofB.orderId}` })).toBeVisible()
  await search.fill(ofA.orderId)
  await expect(page.getByText(`No deliveries match “${ofA.orderId}”`)).toBeVisible()
  expect(b.requests().some((r) => r.path.startsWith('/v1/cases/'))).toBe(false)
})

// "Copy diagnostics" on a real console: versions, OS, settings, sync state and recent log lines,
// and never a token, a password or a customer's details, even when the log saw them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import { createRedactingLogger } from '../../../electron/core/logging/redacting-logger.ts'
import { startDeskService, tempDirs, type DeskService } from '../cases/desk-harness.ts'

const dirs = tempDirs()
let svc: DeskService

beforeAll(async () => {
  svc = await startDeskService({ deliveries: 8, seed: 9 })
})
afterAll(async () => {
  await svc?.stop()
  dirs.removeAll()
})

describe('diagnostics', () => {
  it('describe the installation without secrets or customer data', async () => {
    const written: string[] = []
    const log = createRedactingLogger((_level, line) => written.push(line))
    const tokens = createMemoryTokenStore()
    const core = await createPorchlight({
      dataDir: dirs.make(),
      service: { kind: 'remote', url: svc.front.url },
      tokenStore: tokens,
      syncIntervalMs: 0,
      retentionIntervalMs: 0,
      log,
      logFile: '/var/log/porchlight/main.log',
      about: { version: '1.2.3', runtime: { electron: '45.4.1', node: '24.21.0' } },
    })
    try {
      await core.handlers.signIn({ username: 'agent', password: 'demo-agent' })
      await core.syncOnce()
      const delivery = svc.deliveries()[0]!
      // Something logged a customer's details (as an error detail might carry them).
      log.warn(`could not geocode ${delivery.address.line1}`, { customer: delivery.customer })
      const { text, logFile } = await core.handlers.getDiagnostics(undefined)
      expect(logFile).toBe('/var/log/porchlight/main.log')
      for (const expected of [
        'Porchlight 1.2.3',
        'electron: 45.4.1',
        `OS: ${process.platform}`,
        'Signed in: yes (agent)',
        '"syncIntervalMinutes":5',
        '"photoRetentionDays":30',
        'Last successful sync: 20',
        'Updates: off (Updates are only checked by an installed Porchlight.)',
        'could not geocode [redacted]',
        'sync finished',
      ]) {
        expect(text).toContain(expected)
      }
      const token = await tokens.load()
      expect(token).toBeTruthy()
      for (const secret of [
        token!,
        'demo-agent',
        delivery.customer.name,
        delivery.address.line1,
        ...(delivery.customer.email ? [delivery.customer.email] : []),
      ]) {
        expect(text).not.toContain(secret)
        expect(written.join('\n')).not.toContain(secret)
      }
    } finally {
      await core.close()
    }
  })

  it('open only web links in the browser, and only where the host can', async () => {
    const opened: string[] = []
    const core = await createPorchlight({
      dataDir: dirs.make(),
      service: { kind: 'remote', url: svc.front.url },
      tokenStore: createMemoryTokenStore(),
      syncIntervalMs: 0,
      retentionIntervalMs: 0,
      log: createRedactingLogger(() => undefined),
      openExternal: async (url) => void opened.push(url),
    })
    try {
      const open = (url: string) => core.handlers.openExternalLink({ url })
      await expect(open('https://www.openstreetmap.org/copyright')).resolves.toEqual({
        opened: true,
      })
      for (const bad of [
        'file:///etc/passwd',
        'javascript:alert(1)',
        'app://porchlight/index.html',
        'smb://server/share',
        'https://user:pass@example.com/',
        'ms-settings:privacy',
      ]) {
        await expect(open(bad)).rejects.toThrow(/only opens web links/)
      }
      expect(opened).toEqual(['https://www.openstreetmap.org/copyright'])
      // A burst is cut short: one link per half second.
      await expect(open('https://example.com/a')).resolves.toEqual({ opened: false })
    } finally {
      await core.close()
    }
    const withoutShell = await createPorchlight({
      dataDir: dirs.make(),
      service: { kind: 'remote', url: svc.front.url },
      tokenStore: createMemoryTokenStore(),
      syncIntervalMs: 0,
      retentionIntervalMs: 0,
      log: createRedactingLogger(() => undefined),
    })
    try {
      await expect(
        withoutShell.handlers.openExternalLink({ url: 'https://example.com/' }),
      ).rejects.toThrow(/only possible in the desktop app/)
    } finally {
      await withoutShell.close()
    }
  })
})

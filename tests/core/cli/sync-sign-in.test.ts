// The command's sign-in ends with the command. A `porchlight sync` on the desktop app's data
// folder leaves no sign-in of its own behind for a later command to run as, and does not replace
// the app's: the app opens again as the person signed in to it.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import {
  AGENT,
  SUPERVISOR,
  startConsole,
  startDeskService,
  type DeskService,
} from '../cases/desk-harness.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const cli = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'cli', 'porchlight.ts')

function run(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, PORCHLIGHT_PASSWORD: '' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

const sessionKeys = (dataDir: string) => {
  const db = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return db
      .prepare<[], { key: string; value: string }>(
        "SELECT key, value FROM app_state WHERE key LIKE 'session.%' ORDER BY key",
      )
      .all()
  } finally {
    db.close()
  }
}

describe("the command line's sign-in", () => {
  const temp = tempDir('porchlight-sync-sign-in-')
  let svc: DeskService

  beforeAll(async () => {
    svc = await startDeskService({ seed: 9, deliveries: 12 })
  })
  afterAll(async () => {
    await svc.stop()
    temp.remove()
  })

  it('ends with the command and leaves the app signed in as the person who signed in to it', async () => {
    const dataDir = join(temp.dir, 'app')
    const tokens = createMemoryTokenStore()
    let app = await startConsole(svc.front.url, { dataDir, tokenStore: tokens })
    await app.h.signIn({ username: SUPERVISOR.username, password: SUPERVISOR.password })
    await app.core.syncOnce()
    await app.close()
    const appSession = sessionKeys(dataDir)
    expect(appSession.map((row) => row.key)).toContain('session.user')

    const synced = await run([
      'sync',
      '--api',
      svc.front.url,
      '--user',
      AGENT.username,
      '--password',
      AGENT.password,
      '--data-dir',
      dataDir,
    ])
    expect(synced.code).toBe(0)
    expect(sessionKeys(dataDir)).toEqual(appSession)

    app = await startConsole(svc.front.url, { dataDir, tokenStore: tokens })
    expect((await app.h.getSession(undefined)).user?.id).toBe(SUPERVISOR.id)
    await app.close()

    // A folder only the command line ever signed in to holds no sign-in at all.
    const headless = join(temp.dir, 'headless')
    const first = await run([
      'sync',
      '--api',
      svc.front.url,
      '--user',
      SUPERVISOR.username,
      '--password',
      SUPERVISOR.password,
      '--data-dir',
      headless,
    ])
    expect(first.code).toBe(0)
    expect(sessionKeys(headless)).toEqual([])
  }, 120_000)
})

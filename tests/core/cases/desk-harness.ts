// Set-up shared by the case-desk tests: the demo delivery service (which implements case events
// with idempotency, 409 and 403, and the photo-view audit) behind a front that can fail on
// request, and real consoles (`createPorchlight`) on temp data dirs pointed at the front.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createMemoryTokenStore } from '../../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../../electron/core/app/porchlight.ts'
import type { PorchlightCore, PorchlightOptions } from '../../../electron/core/app/types.ts'
import type { TokenStore } from '../../../electron/core/common/token-store.ts'
import type { Logger } from '../../../electron/core/common/logger.ts'
import type { ApiHandlers } from '../../../electron/core/api/definition.ts'
import type { CaseEvent, CaseRecord } from '../../../electron/core/contract/schemas.ts'
import {
  startDemoService,
  type DeliveryDraft,
  type DemoService,
} from '../../../electron/core/demo-service/index.ts'
import { startServiceFront, type ServiceFront } from '../../support/case-event-server.ts'

/** A fixed "today" for the demo world, so its records are the same on every run. */
export const ANCHOR = new Date('2025-06-01T00:00:00Z')

export const AGENT = { username: 'agent', password: 'demo-agent', id: 'u_alex_rivera' } as const
/** A second agent, on the same computer as AGENT. */
export const AGENT_B = { username: 'agent2', password: 'demo-agent2', id: 'u_jordan_lee' } as const
export const SUPERVISOR = {
  username: 'supervisor',
  password: 'demo-supervisor',
  id: 'u_sam_okafor',
} as const

export interface DeskService {
  service: DemoService
  front: ServiceFront
  /** Live deliveries of the world, with photos first. */
  deliveries(): DeliveryDraft[]
  stop(): Promise<void>
}

export async function startDeskService(options: { deliveries?: number; seed?: number } = {}) {
  const photoCacheDir = mkdtempSync(join(tmpdir(), 'porchlight-cases-photos-'))
  const service = await startDemoService({
    deliveries: options.deliveries ?? 12,
    seed: options.seed ?? 7,
    anchor: ANCHOR,
    photoCacheDir,
  })
  const front = await startServiceFront(service.url)
  const desk: DeskService = {
    service,
    front,
    deliveries: () =>
      service.world
        .deliveryDrafts()
        .filter((d): d is DeliveryDraft => d.deleted !== true && d.photoWithheld === null)
        .sort((a, b) => b.photos.length - a.photos.length),
    stop: async () => {
      await front.close()
      await service.close()
      rmSync(photoCacheDir, { recursive: true, force: true })
    },
  }
  return desk
}

export interface LogLine {
  level: 'info' | 'warn' | 'error'
  message: string
  detail: unknown
}

export interface TestConsole {
  core: PorchlightCore
  h: ApiHandlers
  dataDir: string
  tokens: TokenStore
  logs: LogLine[]
  close(): Promise<void>
}

/** A console on `dataDir` (a new temp dir by default), its timers off unless asked for. */
export async function startConsole(
  url: string,
  options: {
    dataDir: string
    tokenStore?: TokenStore
    retentionIntervalMs?: number
    onSyncNews?: PorchlightOptions['onSyncNews']
  },
): Promise<TestConsole> {
  const logs: LogLine[] = []
  const log: Logger = {
    info: (message, detail) => logs.push({ level: 'info', message, detail }),
    warn: (message, detail) => logs.push({ level: 'warn', message, detail }),
    error: (message, detail) => logs.push({ level: 'error', message, detail }),
  }
  const tokens = options.tokenStore ?? createMemoryTokenStore()
  const core = await createPorchlight({
    dataDir: options.dataDir,
    service: { kind: 'remote', url },
    tokenStore: tokens,
    syncIntervalMs: 0,
    // The world is dated: retention would remove its photos unless a test asks for it.
    retentionIntervalMs: options.retentionIntervalMs ?? 0,
    log,
    ...(options.onSyncNews ? { onSyncNews: options.onSyncNews } : {}),
  })
  return {
    core,
    h: core.handlers,
    dataDir: options.dataDir,
    tokens,
    logs,
    close: () => core.close(),
  }
}

/** A console signed in as `account` that has synced once. */
export async function signedInConsole(
  url: string,
  dataDir: string,
  account: { username: string; password: string } = AGENT,
  tokenStore?: TokenStore,
): Promise<TestConsole> {
  const desk = await startConsole(url, { dataDir, ...(tokenStore ? { tokenStore } : {}) })
  await desk.h.signIn({ username: account.username, password: account.password })
  await desk.core.syncOnce()
  return desk
}

/** Temp dirs for one test file, removed at the end. */
export function tempDirs() {
  const dirs: string[] = []
  return {
    make(prefix = 'porchlight-cases-'): string {
      const dir = mkdtempSync(join(tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
    removeAll(): void {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Plays another user working the case on the service, on its current version. */
export function actOnService(
  service: DemoService,
  caseId: string,
  fields: Omit<CaseEvent, 'id' | 'occurredAt' | 'baseVersion'>,
  userId: string = SUPERVISOR.id,
) {
  const current = service.world.case(caseId)
  if (!current || current.deleted) throw new Error(`no case ${caseId} on the service`)
  const result = service.world.applyCaseEvent(
    caseId,
    {
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      baseVersion: current.version,
      ...fields,
    },
    userId,
  )
  if (result.status !== 200) throw new Error(`the service refused: ${result.status}`)
  return result.case
}

export interface LocalEvent {
  seq: number
  id: string
  case_id: string
  type: string
  state: string
  base_version: number | null
  chained: number
  produced_version: number | null
}

/** This console's case events as stored, in the order they were made (a second connection). */
export function localEvents(dataDir: string, caseId?: string): LocalEvent[] {
  const sqlite = new BetterSqlite3(join(dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    const sql = `SELECT seq, id, case_id, type, state, base_version, chained, produced_version
       FROM case_events ${caseId ? 'WHERE case_id = ?' : ''} ORDER BY seq`
    const statement = sqlite.prepare<unknown[], LocalEvent>(sql)
    return caseId ? statement.all(caseId) : statement.all()
  } finally {
    sqlite.close()
  }
}

/** The service's applied events for one case, oldest first. */
export function appliedOn(service: DemoService, caseId: string) {
  return service.world.appliedCaseEvents().filter((e) => e.caseId === caseId)
}

/** The case as the service holds it; fails the test when it has none (or deleted it). */
export function serviceCase(service: DemoService, caseId: string): CaseRecord {
  const item = service.world.case(caseId)
  if (!item || item.deleted === true) throw new Error(`the service holds no live case ${caseId}`)
  return item
}

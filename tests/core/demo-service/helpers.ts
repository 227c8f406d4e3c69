// Shared set-up for the demo service tests: a real service on 127.0.0.1 with its own photo cache
// folder, signed-in fetch helpers, and clean-up.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoService } from '../../../electron/core/demo-service/index.ts'
import type { DemoService, DemoServiceOptions } from '../../../electron/core/demo-service/index.ts'

/** A fixed "today", so worlds (and their dates) are the same on every run. */
export const ANCHOR = new Date('2025-06-01T00:00:00Z')

export interface Harness {
  service: DemoService
  url: string
  cacheDir: string
  stop(): Promise<void>
}

export async function startHarness(options: DemoServiceOptions = {}): Promise<Harness> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'porchlight-demo-test-'))
  const service = await startDemoService({
    deliveries: 200,
    anchor: ANCHOR,
    photoCacheDir: cacheDir,
    ...options,
  })
  return {
    service,
    url: service.url,
    cacheDir,
    async stop() {
      await service.close()
      await rm(cacheDir, { recursive: true, force: true })
    },
  }
}

export async function signIn(
  url: string,
  username = 'agent',
  password = username === 'agent' ? 'demo-agent' : 'demo-supervisor',
): Promise<string> {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

export function getJson(url: string, token?: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  })
}

export function postJson(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export interface Page {
  items: Array<Record<string, unknown> & { id: string; version: number }>
  nextCursor: string
  hasMore: boolean
}

/** Pulls a stream to the end from `cursor`, returning every page. */
export async function pullAll(
  url: string,
  token: string,
  stream: 'deliveries' | 'cases',
  limit: number,
  cursor?: string,
): Promise<Page[]> {
  const pages: Page[] = []
  let next = cursor
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(next ? { cursor: next } : {}) })
    const response = await getJson(`${url}/v1/sync/${stream}?${query}`, token)
    if (response.status !== 200) throw new Error(`pull failed: ${response.status}`)
    const page = (await response.json()) as Page
    pages.push(page)
    next = page.nextCursor
    if (!page.hasMore) return pages
  }
}

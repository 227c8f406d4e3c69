import { describe, expect, it } from 'vitest'
import { freshnessOf } from '../../../electron/core/map-tiles/http-freshness.ts'

const NOW = Date.UTC(2026, 0, 10, 12)
const at = (offsetMs: number) => new Date(NOW + offsetMs).toUTCString()
const headers = (values: Record<string, string>) => new Headers(values)

describe('tile freshness from response headers', () => {
  it('uses max-age, less the Age the response already had', () => {
    const f = freshnessOf(headers({ 'cache-control': 'public, max-age=600', age: '100' }), NOW)
    expect(f).toEqual({ store: true, freshUntil: NOW + 500_000, etag: null, lastModified: null })
  })

  it('prefers max-age over Expires', () => {
    const f = freshnessOf(
      headers({ 'cache-control': 'max-age=60', expires: at(3_600_000), date: at(0) }),
      NOW,
    )
    expect(f.freshUntil).toBe(NOW + 60_000)
  })

  it('uses Expires against the server Date when there is no max-age', () => {
    // The server's clock is an hour behind ours: its Date decides the lifetime, not our clock.
    const f = freshnessOf(
      headers({ expires: at(-3_600_000 + 7_200_000), date: at(-3_600_000) }),
      NOW,
    )
    expect(f.freshUntil).toBe(NOW + 7_200_000)
  })

  it('treats an unreadable Expires as already expired', () => {
    expect(freshnessOf(headers({ expires: '0' }), NOW).freshUntil).toBe(NOW)
  })

  it('keeps no-cache tiles but asks before each use, and does not keep no-store ones', () => {
    expect(freshnessOf(headers({ 'cache-control': 'no-cache, max-age=600' }), NOW)).toMatchObject({
      store: true,
      freshUntil: NOW,
    })
    expect(freshnessOf(headers({ 'cache-control': 'max-age=600, no-store' }), NOW).store).toBe(
      false,
    )
  })

  it('falls back to a tenth of the time since Last-Modified, at most a day', () => {
    const tenDaysAgo = at(-10 * 86_400_000)
    const f = freshnessOf(headers({ 'last-modified': at(-5 * 3_600_000), date: at(0) }), NOW)
    expect(f.freshUntil).toBe(NOW + 30 * 60_000)
    expect(f.lastModified).toBe(at(-5 * 3_600_000))
    expect(freshnessOf(headers({ 'last-modified': tenDaysAgo }), NOW).freshUntil).toBe(
      NOW + 86_400_000,
    )
  })

  it('without any of these headers the tile is stale at once, validators kept', () => {
    expect(freshnessOf(headers({ etag: 'W/"abc"' }), NOW)).toEqual({
      store: true,
      freshUntil: NOW,
      etag: 'W/"abc"',
      lastModified: null,
    })
  })

  it('bounds absurd lifetimes to a year and ignores malformed ages', () => {
    const f = freshnessOf(headers({ 'cache-control': 'max-age=99999999999', age: 'soon' }), NOW)
    expect(f.freshUntil).toBe(NOW + 365 * 86_400_000)
  })
})

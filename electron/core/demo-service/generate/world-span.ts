// How long the demo world reaches back, and which version its generator is: both go into what a
// client holds (records' dates, photo cache folders, sync cursors).

/**
 * Bump when anything that shapes records or photo bytes changes: it names the photo cache folder
 * and goes into sync cursors, so stale caches and cursors are never mixed with a new world.
 */
export const GENERATOR_VERSION = 5

/** Deliveries happen on the days before the anchor, this many back at most. */
export const WORLD_DAYS = 90

export const DAY_MS = 86_400_000

/**
 * Records of a world start at a version derived from its anchor day. The default anchor is today,
 * so a client that synced yesterday's world keeps the same ids; giving today's copies higher
 * versions lets them replace yesterday's under the contract's "higher version wins" rule.
 */
export function versionBaseFor(anchor: Date): number {
  const days = Math.floor((anchor.getTime() - Date.UTC(2025, 0, 1)) / DAY_MS)
  return Math.max(0, days) * 100 + 1
}

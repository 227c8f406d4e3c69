// The user's settings, kept in the cache and validated on the way in and out.
import type BetterSqlite3 from 'better-sqlite3'
import { SettingsSchema, type AppSettings } from '../api/definition.ts'
import {
  OPENSTREETMAP_ATTRIBUTION,
  OPENSTREETMAP_MAX_ZOOM,
  OPENSTREETMAP_TEMPLATE,
} from '../api/tile-url-template.ts'

export const DEFAULT_SETTINGS: AppSettings = {
  syncIntervalMinutes: 5,
  locationThresholdM: 150,
  firstActionTargetHours: 24,
  photoRetentionDays: 30,
  deliveryRetentionDays: 90,
  mapFileOrder: [],
  mapFilesOff: [],
  tileServer: {
    enabled: true,
    urlTemplate: OPENSTREETMAP_TEMPLATE,
    attribution: OPENSTREETMAP_ATTRIBUTION,
    maxZoom: OPENSTREETMAP_MAX_ZOOM,
  },
  tileCacheMegabytes: 256,
}

const KEY = 'settings'

export function createSettingsStore(sqlite: BetterSqlite3.Database) {
  const read = sqlite.prepare<[string], { value: string }>(
    'SELECT value FROM app_state WHERE key = ?',
  )
  const write = sqlite.prepare(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  return {
    get(): AppSettings {
      const row = read.get(KEY)
      let stored: unknown
      try {
        stored = row ? JSON.parse(row.value) : {}
      } catch {
        stored = {}
      }
      // A damaged or older value falls back to the defaults.
      const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object) })
      return parsed.success ? parsed.data : DEFAULT_SETTINGS
    },
    update(patch: Partial<AppSettings>): AppSettings {
      const next = SettingsSchema.parse({ ...this.get(), ...patch })
      write.run(KEY, JSON.stringify(next))
      return next
    },
  }
}

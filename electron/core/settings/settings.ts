// The user's settings, kept in the cache and validated on the way in and out.
import type BetterSqlite3 from 'better-sqlite3'
import { SettingsSchema, type AppSettings } from '../api/definition.ts'
import {
  OPENSTREETMAP_ATTRIBUTION,
  OPENSTREETMAP_MAX_ZOOM,
  OPENSTREETMAP_TEMPLATE,
} from '../api/tile-url-template.ts'
import { createAppState } from '../db/app-state.ts'

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
  notifyAfterOutage: true,
  ticketUrlTemplate: null,
  language: 'system',
}

const KEY = 'settings'

export function createSettingsStore(sqlite: BetterSqlite3.Database) {
  const state = createAppState(sqlite)
  return {
    get(): AppSettings {
      const value = state.get(KEY)
      let stored: unknown
      try {
        stored = value !== null ? JSON.parse(value) : {}
      } catch {
        stored = {}
      }
      // A damaged or older value falls back to the defaults.
      const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object) })
      return parsed.success ? parsed.data : DEFAULT_SETTINGS
    },
    update(patch: Partial<AppSettings>): AppSettings {
      const next = SettingsSchema.parse({ ...this.get(), ...patch })
      state.set(KEY, JSON.stringify(next))
      return next
    },
  }
}

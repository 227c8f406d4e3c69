// The map's tile sources as Settings shows them (files, tile server, cache) and the settings that
// order and switch them. Every change goes to the core and the sources are read back from it, so
// the screen shows what the map will actually use.
import { useCallback, useEffect, useState } from 'react'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import type { MapSources } from '../../electron/core/api/map-schemas.ts'
import { api, userMessage } from '../api/client.ts'

export type MapSourcesState = {
  sources: MapSources | null
  settings: AppSettings | null
  loadError: string | null
  /** What is being done right now, in words ("Saving…"), or null. */
  busy: string | null
  /** Why the last change failed, or null. */
  actionError: string | null
  /** The last change that worked, in words, for the screen reader and the snackbar. */
  done: { message: string; at: number } | null
  reload: () => void
  /**
   * Runs one change: the core call, then a fresh read of the sources. Resolves true when it
   * worked; a failure is shown as `actionError`.
   */
  run: <T>(
    label: string,
    change: () => Promise<T>,
    doneMessage?: string | ((result: T) => string | null),
  ) => Promise<boolean>
  clearActionError: () => void
}

export function useMapSources(): MapSourcesState {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<{
    attempt: number
    sources: MapSources | null
    settings: AppSettings | null
    error: string | null
  } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [done, setDone] = useState<MapSourcesState['done']>(null)

  useEffect(() => {
    let current = true
    Promise.all([api.getMapSources(), api.getSettings()]).then(
      ([sources, settings]) => current && setLoaded({ attempt, sources, settings, error: null }),
      (error: unknown) =>
        current && setLoaded({ attempt, sources: null, settings: null, error: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [attempt])

  const run = useCallback<MapSourcesState['run']>(async (label, change, doneMessage) => {
    setBusy(label)
    setActionError(null)
    try {
      const result = await change()
      const [sources, settings] = await Promise.all([api.getMapSources(), api.getSettings()])
      setLoaded((state) => (state ? { ...state, sources, settings } : state))
      const message = typeof doneMessage === 'function' ? doneMessage(result) : doneMessage
      if (message) setDone({ message, at: Date.now() })
      return true
    } catch (error) {
      setActionError(userMessage(error))
      return false
    } finally {
      setBusy(null)
    }
  }, [])

  const current = loaded?.attempt === attempt ? loaded : null
  return {
    sources: current?.sources ?? null,
    settings: current?.settings ?? null,
    loadError: current?.error ?? null,
    busy,
    actionError,
    done,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    run,
    clearActionError: useCallback(() => setActionError(null), []),
  }
}

/** "12.3 MB", "860 kB", "0 MB". */
export function formatMegabytes(bytes: number): string {
  if (bytes === 0) return '0 MB'
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`
  const megabytes = bytes / (1024 * 1024)
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes).toLocaleString()} MB`
}

/** The cache caps offered; the current value is added when it is another. */
export function cacheCapOptions(current: number): number[] {
  const options = [64, 128, 256, 512, 1024, 2048]
  if (!options.includes(current)) options.push(current)
  return options.sort((a, b) => a - b)
}

export function cacheCapLabel(megabytes: number): string {
  return megabytes >= 1024 && megabytes % 1024 === 0 ? `${megabytes / 1024} GB` : `${megabytes} MB`
}

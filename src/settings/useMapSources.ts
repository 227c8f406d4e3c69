// The map's tile sources as Settings shows them (files, tile server, cache) and the settings that
// order and switch them. Every change goes to the core and the sources are read back from it, so
// the screen shows what the map will actually use.
import { useCallback, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import type { MapSources } from '../../electron/core/api/map-schemas.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { currentLocale, t } from '../../electron/core/messages/messages.ts'
import { formatCount } from '../format/numbers.ts'

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
  const client = useQueryClient()
  const sources = useQuery(queries.mapSources())
  const settings = useQuery(queries.settings())
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [done, setDone] = useState<MapSourcesState['done']>(null)

  const run = useCallback<MapSourcesState['run']>(
    async (label, change, doneMessage) => {
      setBusy(label)
      setActionError(null)
      try {
        const result = await change()
        // Read back what the map will use now; a failure to read is this change's failure too.
        await Promise.all([
          client.fetchQuery({ ...queries.mapSources(), staleTime: 0 }),
          client.fetchQuery({ ...queries.settings(), staleTime: 0 }),
        ])
        void client.invalidateQueries({ queryKey: queries.mapView().queryKey })
        const message = typeof doneMessage === 'function' ? doneMessage(result) : doneMessage
        if (message) setDone({ message, at: Date.now() })
        return true
      } catch (error) {
        setActionError(userMessage(error))
        return false
      } finally {
        setBusy(null)
      }
    },
    [client],
  )

  const loaded = sources.data && settings.data
  const failed = loaded ? null : (sources.error ?? settings.error)
  return {
    sources: loaded ? sources.data : null,
    settings: loaded ? settings.data : null,
    loadError: failed ? userMessage(failed) : null,
    busy,
    actionError,
    done,
    reload: () => {
      void sources.refetch()
      void settings.refetch()
    },
    run,
    clearActionError: useCallback(() => setActionError(null), []),
  }
}

/** "12.3 MB", "860 kB", "0 MB", with the locale's digits and separators. */
export function formatMegabytes(bytes: number): string {
  if (bytes === 0) return t('settings:size.megabytes', { value: formatCount(0) })
  if (bytes < 1024 * 1024) {
    return t('settings:size.kilobytes', {
      value: formatCount(Math.max(1, Math.round(bytes / 1024))),
    })
  }
  const megabytes = bytes / (1024 * 1024)
  const value = megabytes < 10 ? formatDecimal(megabytes) : formatCount(Math.round(megabytes))
  return t('settings:size.megabytes', { value })
}

/** One decimal: "1.5" (English), "1,5" (Spanish). */
function formatDecimal(value: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value)
}

/** The cache caps offered; the current value is added when it is another. */
export function cacheCapOptions(current: number): number[] {
  const options = [64, 128, 256, 512, 1024, 2048]
  if (!options.includes(current)) options.push(current)
  return options.sort((a, b) => a - b)
}

export function cacheCapLabel(megabytes: number): string {
  return megabytes >= 1024 && megabytes % 1024 === 0
    ? t('settings:size.gigabytes', { value: formatCount(megabytes / 1024) })
    : t('settings:size.megabytes', { value: formatCount(megabytes) })
}

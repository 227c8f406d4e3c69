// The user's settings: read once, saved one change at a time. A save shows its new value at once
// and goes back to the stored one if the core refuses it.
import { useMemo } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'

export type SaveResult =
  | { status: 'saved'; settings: AppSettings; patch: Partial<AppSettings> }
  | { status: 'failed'; message: string; patch: Partial<AppSettings> }

export type SettingsState = {
  settings: AppSettings | null
  /** Why the settings could not be read. */
  loadError: string | null
  saving: boolean
  /** The outcome of the last save, until the next one starts. */
  lastSave: SaveResult | null
  save: (patch: Partial<AppSettings>) => void
  reload: () => void
}

export function useSettings(): SettingsState {
  const read = useQuery(queries.settings())
  const saving = useSaveSettings()
  const { status, data, error, variables } = saving
  const lastSave = useMemo<SaveResult | null>(() => {
    if (status === 'success') return { status: 'saved', settings: data, patch: variables }
    if (status === 'error' && variables) {
      return { status: 'failed', message: userMessage(error), patch: variables }
    }
    return null
  }, [status, data, error, variables])

  // A change on its way to the core is shown at once, and dropped if the core refuses it.
  const pending = saving.isPending ? variables : null
  return {
    settings: read.data ? { ...read.data, ...pending } : null,
    loadError: read.data || !read.error ? null : userMessage(read.error),
    saving: saving.isPending,
    lastSave,
    save: saving.mutate,
    reload: () => void read.refetch(),
  }
}

/** Saves a change of settings; the core answers with all of them, which the cache then holds. */
export function useSaveSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (patch: Partial<AppSettings>) => api.updateSettings(patch),
    onSuccess: (settings) => {
      client.setQueryData(queries.settings().queryKey, settings)
      // What is kept, and the map's sources, follow the settings.
      void client.invalidateQueries({ queryKey: queries.retention().queryKey })
      void client.invalidateQueries({ queryKey: queries.mapSources().queryKey })
    },
  })
}

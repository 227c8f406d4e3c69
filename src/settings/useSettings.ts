// The user's settings: read once, saved one change at a time. A save shows its new value at once
// and goes back to the stored one if the core refuses it.
import { useCallback, useEffect, useState } from 'react'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'

export type SaveResult =
  | { status: 'saved'; settings: AppSettings }
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
  const [attempt, setAttempt] = useState(0)
  /** The settings as the core last confirmed them, and the read they came from. */
  const [loaded, setLoaded] = useState<{
    attempt: number
    settings: AppSettings | null
    error: string | null
  } | null>(null)
  /** A change on its way to the core: shown at once, dropped if the core refuses it. */
  const [pending, setPending] = useState<Partial<AppSettings> | null>(null)
  const [lastSave, setLastSave] = useState<SaveResult | null>(null)

  useEffect(() => {
    let current = true
    api.getSettings().then(
      (settings) => current && setLoaded({ attempt, settings, error: null }),
      (error: unknown) =>
        current && setLoaded({ attempt, settings: null, error: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [attempt])

  const save = useCallback((patch: Partial<AppSettings>) => {
    setPending(patch)
    setLastSave(null)
    api.updateSettings(patch).then(
      (settings) => {
        setLoaded((state) => (state ? { ...state, settings } : state))
        setLastSave({ status: 'saved', settings })
        setPending(null)
      },
      (error: unknown) => {
        setLastSave({ status: 'failed', message: userMessage(error), patch })
        setPending(null)
      },
    )
  }, [])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  const current = loaded?.attempt === attempt ? loaded : null
  const settings = current?.settings ? { ...current.settings, ...pending } : null
  return {
    settings,
    loadError: current?.error ?? null,
    saving: pending !== null,
    lastSave,
    save,
    reload,
  }
}

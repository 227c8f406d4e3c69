// Reads something from the core now, again every few seconds, and at once when a case changes on
// this console. Case work arrives from other agents through sync, so the screens poll rather than
// wait to be told. One read at a time: a refresh asked for during a read follows it.
import { useCallback, useEffect, useRef, useState } from 'react'
import { userMessage } from '../api/client.ts'
import { onCaseChange } from './caseChanges.ts'

export type Polled<T> = {
  /** The latest answer for the current key; null until the first one arrives. */
  data: T | null
  /** Why the latest read failed; the last good data stays shown. */
  error: string | null
  /** True until the first answer (or failure) for the current key. */
  loading: boolean
  /** Reads again now. */
  refresh: () => void
  /** Shows an answer the caller already has (an action returns the changed case). */
  replace: (data: T) => void
}

type Held<T> = { key: string; data: T | null; error: string | null; settled: boolean }

export function usePolled<T>(read: () => Promise<T>, key: string, intervalMs = 3_000): Polled<T> {
  const [held, setHeld] = useState<Held<T>>({ key, data: null, error: null, settled: false })
  const reader = useRef(read)
  useEffect(() => {
    reader.current = read
  }, [read])
  const refreshNow = useRef<() => void>(() => {})
  // Bumped by replace(): a read that started before it may carry older data, so it is dropped.
  const generation = useRef(0)

  useEffect(() => {
    let stopped = false
    let timer: number | undefined
    let inFlight = false
    let again = false
    const run = () => {
      window.clearTimeout(timer)
      if (inFlight) {
        again = true
        return
      }
      inFlight = true
      const startedAt = generation.current
      const stale = () => startedAt !== generation.current
      reader
        .current()
        .then(
          (data) => {
            if (stopped) return
            if (stale()) again = true
            else setHeld({ key, data, error: null, settled: true })
          },
          (error: unknown) => {
            if (stopped || stale()) return
            setHeld((h) => ({
              key,
              data: h.key === key ? h.data : null,
              error: userMessage(error),
              settled: true,
            }))
          },
        )
        .finally(() => {
          inFlight = false
          if (stopped) return
          if (again) {
            again = false
            run()
          } else timer = window.setTimeout(run, intervalMs)
        })
    }
    refreshNow.current = run
    run()
    const stopListening = onCaseChange(run)
    return () => {
      stopped = true
      window.clearTimeout(timer)
      stopListening()
    }
  }, [key, intervalMs])

  const refresh = useCallback(() => refreshNow.current(), [])
  const replace = useCallback(
    (data: T) => {
      generation.current += 1
      setHeld({ key, data, error: null, settled: true })
    },
    [key],
  )
  const current = held.key === key
  return {
    data: current ? held.data : null,
    error: current ? held.error : null,
    loading: !current || !held.settled,
    refresh,
    replace,
  }
}

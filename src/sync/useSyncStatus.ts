// The sync status, polled: every 2 s normally, faster while a sync runs so progress moves.
import { useCallback, useEffect, useState } from 'react'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'

const IDLE_POLL_MS = 2_000
const RUNNING_POLL_MS = 500

export type SyncState = {
  status: SyncStatus | null
  /** Why the status itself could not be read, or why "Sync now" was refused. */
  problem: string | null
  /** True between pressing "Sync now" and the main process answering. */
  requesting: boolean
  syncNow: () => void
}

export function useSyncStatus(): SyncState {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [requesting, setRequesting] = useState(false)
  // Bumped to restart the polling loop at once (after "Sync now"), instead of waiting out a timer.
  const [wake, setWake] = useState(0)

  useEffect(() => {
    let stopped = false
    let timer: number | undefined
    const poll = () => {
      api.getSyncStatus().then(
        (next) => {
          if (stopped) return
          setStatus(next)
          setProblem(null)
          timer = window.setTimeout(poll, next.running ? RUNNING_POLL_MS : IDLE_POLL_MS)
        },
        (error: unknown) => {
          if (stopped) return
          setProblem(userMessage(error))
          timer = window.setTimeout(poll, IDLE_POLL_MS)
        },
      )
    }
    poll()
    return () => {
      stopped = true
      window.clearTimeout(timer)
    }
  }, [wake])

  const syncNow = useCallback(() => {
    setRequesting(true)
    setProblem(null)
    // Poll quickly from now on: the sync may already be running before syncNow answers.
    setWake((n) => n + 1)
    api.syncNow().then(
      (next) => {
        setStatus(next)
        setRequesting(false)
        setWake((n) => n + 1)
      },
      (error: unknown) => {
        setProblem(userMessage(error))
        setRequesting(false)
      },
    )
  }, [])

  return { status, problem, requesting, syncNow }
}

// The sync status, polled: every 2 s normally, faster while a sync runs so progress moves.
import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'

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
  const client = useQueryClient()
  const polled = useQuery({
    ...queries.syncStatus(),
    refetchInterval: (query) =>
      query.state.status !== 'error' && query.state.data?.running ? RUNNING_POLL_MS : IDLE_POLL_MS,
  })
  // "Sync now" refused: said until the next status read that works.
  const [refused, setRefused] = useState<{ message: string; at: number } | null>(null)
  const syncNow = useMutation({
    mutationFn: () => api.syncNow(),
    // Read the status at once: the sync may already be running before syncNow answers.
    onMutate: () => {
      setRefused(null)
      void client.invalidateQueries({ queryKey: queries.syncStatus().queryKey })
    },
    onSuccess: (status) => {
      client.setQueryData(queries.syncStatus().queryKey, status)
      void client.invalidateQueries({ queryKey: queries.syncStatus().queryKey })
    },
    onError: (error) => setRefused({ message: userMessage(error), at: Date.now() }),
  })

  const readProblem = polled.error ? userMessage(polled.error) : null
  const refusal = refused && refused.at > polled.dataUpdatedAt ? refused.message : null
  return {
    status: polled.data ?? null,
    problem: readProblem ?? refusal,
    requesting: syncNow.isPending,
    syncNow: () => syncNow.mutate(),
  }
}

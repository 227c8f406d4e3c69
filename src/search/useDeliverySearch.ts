// Search-as-you-type over the local copy. Lives above the screens so that opening a delivery and
// coming back keeps the query, the results and the selection.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchResult } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'

export const SEARCH_LIMIT = 50

export type SearchState = {
  query: string
  /** Only deliveries flagged "delivered away from the address"; with no query, all of them. */
  awayOnly: boolean
  /** The query the shown results answer; they may lag `query` while a search is in flight. */
  resultQuery: string
  /** Whether the shown results answer the "away from the address" filter. */
  resultAwayOnly: boolean
  results: SearchResult[] | null
  loading: boolean
  error: string | null
  selectedIndex: number
}

export type DeliverySearch = SearchState & {
  setQuery: (query: string) => void
  setAwayOnly: (awayOnly: boolean) => void
  retry: () => void
  moveSelection: (delta: number) => void
  select: (index: number) => void
}

const initialState: SearchState = {
  query: '',
  awayOnly: false,
  resultQuery: '',
  resultAwayOnly: false,
  results: null,
  loading: false,
  error: null,
  selectedIndex: 0,
}

/**
 * @param refreshKey changes when the local copy changes (a sync finished); the current query is
 *   then searched again quietly, keeping the selected delivery selected.
 */
export function useDeliverySearch(refreshKey: string): DeliverySearch {
  const [state, setState] = useState<SearchState>(initialState)
  // Every request gets a number; only the newest one may write its answer, so a slow answer to
  // "smi" can never replace the answer to "smith".
  const latestRequest = useRef(0)
  // Each keystroke searches at once (a search takes a few milliseconds, see
  // core/search/search-deliveries.ts); while one is in flight, only the newest query waits for
  // it, so fast typing never queues a search per key.
  const inFlight = useRef(false)
  const waiting = useRef<{ query: string; quiet: boolean } | null>(null)
  const latestQuery = useRef('')
  const latestAwayOnly = useRef(false)

  const search = useCallback(function start(query: string, quiet: boolean): void {
    if (inFlight.current) {
      // Superseded: whatever is in flight must not show its answer (see below).
      ++latestRequest.current
      waiting.current = { query, quiet }
      return
    }
    const request = ++latestRequest.current
    const trimmed = query.trim()
    const awayOnly = latestAwayOnly.current
    if (!trimmed && !awayOnly) {
      setState((s) => ({
        ...s,
        resultQuery: '',
        resultAwayOnly: false,
        results: null,
        loading: false,
        error: null,
      }))
      return
    }
    if (!quiet) setState((s) => ({ ...s, loading: true, error: null }))
    const arg = awayOnly
      ? { query: trimmed, limit: SEARCH_LIMIT, awayFromAddress: true }
      : { query: trimmed, limit: SEARCH_LIMIT }
    inFlight.current = true
    const next = () => {
      inFlight.current = false
      const then = waiting.current
      waiting.current = null
      if (then) start(then.query, then.quiet)
    }
    api
      .searchDeliveries(arg)
      .finally(next)
      .then(
        (results) => {
          if (request !== latestRequest.current) return
          setState((s) => {
            const previouslySelected =
              s.resultQuery === trimmed && s.resultAwayOnly === awayOnly
                ? s.results?.[s.selectedIndex]?.deliveryId
                : undefined
            const kept = previouslySelected
              ? results.findIndex((r) => r.deliveryId === previouslySelected)
              : -1
            return {
              ...s,
              resultQuery: trimmed,
              resultAwayOnly: awayOnly,
              results,
              loading: false,
              error: null,
              selectedIndex: Math.max(0, kept),
            }
          })
        },
        (error: unknown) => {
          if (request !== latestRequest.current) return
          setState((s) => ({ ...s, loading: false, error: userMessage(error) }))
        },
      )
  }, [])

  const setQuery = useCallback(
    (query: string) => {
      latestQuery.current = query
      setState((s) => ({ ...s, query }))
      search(query, false)
    },
    [search],
  )

  const setAwayOnly = useCallback(
    (awayOnly: boolean) => {
      latestAwayOnly.current = awayOnly
      setState((s) => ({ ...s, awayOnly }))
      search(latestQuery.current, false)
    },
    [search],
  )

  const retry = useCallback(() => search(latestQuery.current, false), [search])

  const moveSelection = useCallback((delta: number) => {
    setState((s) => {
      const count = s.results?.length ?? 0
      if (count === 0) return s
      const selectedIndex = Math.min(count - 1, Math.max(0, s.selectedIndex + delta))
      return selectedIndex === s.selectedIndex ? s : { ...s, selectedIndex }
    })
  }, [])

  const select = useCallback((index: number) => {
    setState((s) => (s.selectedIndex === index ? s : { ...s, selectedIndex: index }))
  }, [])

  const seenRefreshKey = useRef(refreshKey)
  useEffect(() => {
    if (seenRefreshKey.current === refreshKey) return
    seenRefreshKey.current = refreshKey
    if (latestQuery.current.trim() || latestAwayOnly.current) search(latestQuery.current, true)
  }, [refreshKey, search])

  return { ...state, setQuery, setAwayOnly, retry, moveSelection, select }
}

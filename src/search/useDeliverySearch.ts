// Search-as-you-type over the local copy. Lives above the screens so that opening a delivery and
// coming back keeps the query, the results and the selection. The reads go through the query
// cache (src/api/queries.ts): one search in flight, the newest query wins, and the results on
// screen stay until the next answer replaces them; a finished sync searches again quietly.
import { useCallback, useEffect, useRef, useState } from 'react'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SearchResult } from '../../electron/core/api/definition.ts'
import { userMessage } from '../api/client.ts'
import { Superseded } from '../api/oneAtATime.ts'
import { queries, SEARCH_LIMIT, searchAtOnce } from '../api/queries.ts'
import type { SearchAnswer } from '../api/queries.ts'

export { SEARCH_LIMIT }

export type SearchState = {
  query: string
  /** Only deliveries flagged "delivered away from the address"; with no query, all of them. */
  awayOnly: boolean
  /** The query the shown results answer; they may lag `query` while a search is in flight. */
  resultQuery: string
  /** Whether the shown results answer the "away from the address" filter. */
  resultAwayOnly: boolean
  /** Only deliveries flagged for a reused photo; with no query, all of them. */
  reusedOnly: boolean
  resultReusedOnly: boolean
  results: SearchResult[] | null
  loading: boolean
  error: string | null
  selectedIndex: number
}

export type DeliverySearch = SearchState & {
  setQuery: (query: string) => void
  setAwayOnly: (awayOnly: boolean) => void
  setReusedOnly: (reusedOnly: boolean) => void
  retry: () => void
  moveSelection: (delta: number) => void
  select: (index: number) => void
}

/** The selected row, as an index into the answer it was chosen in. */
type Selection = { answer: SearchAnswer | null; index: number }

export function useDeliverySearch(): DeliverySearch {
  const client = useQueryClient()
  const [query, setQueryState] = useState('')
  const [awayOnly, setAwayOnlyState] = useState(false)
  const [reusedOnly, setReusedOnlyState] = useState(false)
  const setQuery = (next: string) => {
    setQueryState(next)
    searchAtOnce(client, next.trim(), awayOnly, reusedOnly)
  }
  const setAwayOnly = (next: boolean) => {
    setAwayOnlyState(next)
    searchAtOnce(client, query.trim(), next, reusedOnly)
  }
  const setReusedOnly = (next: boolean) => {
    setReusedOnlyState(next)
    searchAtOnce(client, query.trim(), awayOnly, next)
  }
  const search = useQuery({
    ...queries.search(query.trim(), awayOnly, reusedOnly),
    placeholderData: keepPreviousData,
  })
  const answer = search.data ?? null
  const [selection, setSelection] = useState<Selection>({ answer: null, index: 0 })
  const selectedIndex = selectedIndexIn(answer, selection)

  // The row handlers are memoised, so select and moveSelection stay the same functions; they read
  // the answer on screen from here.
  const shown = useRef({ answer, selectedIndex })
  useEffect(() => {
    shown.current = { answer, selectedIndex }
  })
  const select = useCallback((index: number) => {
    const { answer } = shown.current
    setSelection((s) => (s.answer === answer && s.index === index ? s : { answer, index }))
  }, [])
  const moveSelection = useCallback((delta: number) => {
    const { answer, selectedIndex } = shown.current
    const count = answer?.results?.length ?? 0
    if (count === 0) return
    const index = Math.min(count - 1, Math.max(0, selectedIndex + delta))
    if (index !== selectedIndex) setSelection({ answer, index })
  }, [])
  const { refetch } = search
  const retry = useCallback(() => void refetch(), [refetch])

  const failed = search.error && !(search.error instanceof Superseded) ? search.error : null
  return {
    query,
    awayOnly,
    resultQuery: answer?.query ?? '',
    resultAwayOnly: answer?.awayOnly ?? false,
    reusedOnly,
    resultReusedOnly: answer?.reusedOnly ?? false,
    results: answer?.results ?? null,
    // A search typed is under way; a quiet refresh of the same one (after a sync) is not shown.
    loading: search.isPlaceholderData,
    error: failed ? userMessage(failed) : null,
    selectedIndex,
    setQuery,
    setAwayOnly,
    setReusedOnly,
    retry,
    moveSelection,
    select,
  }
}

/**
 * The first row of a new answer; the same delivery as before when the answer is a fresh copy of
 * the same search (a sync finished), or the first row if it is gone.
 */
function selectedIndexIn(answer: SearchAnswer | null, selection: Selection): number {
  if (!answer?.results || !selection.answer) return 0
  if (selection.answer === answer) return selection.index
  const before = selection.answer
  if (
    before.query !== answer.query ||
    before.awayOnly !== answer.awayOnly ||
    before.reusedOnly !== answer.reusedOnly
  )
    return 0
  const id = before.results?.[selection.index]?.deliveryId
  return Math.max(
    0,
    answer.results.findIndex((r) => r.deliveryId === id),
  )
}

import { useEffect, useMemo, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import type { DeliverySearch } from './useDeliverySearch.ts'
import type { RowActions } from './ResultRow.tsx'
import { SearchBox } from './SearchBox.tsx'
import { RESULTS_ID, SearchResults } from './SearchResults.tsx'
import { EmptyQueryHint, NoMatches, ResultsSentence, useResultsLabel } from './SearchHints.tsx'
import { readPastedLink } from './pastedLink.ts'
import { isWebAddress, NotATicketLink, TicketCases } from './TicketCases.tsx'
import { useTicketCases } from './useTicketCases.ts'

type Props = {
  search: DeliverySearch
  /** Changes whenever Ctrl/Cmd+K asks for the search box. */
  focusRequest: number
  /** Deliveries in the local copy, to explain an empty answer; null while unknown. */
  cachedDeliveries: number | null
  onOpen: (deliveryId: string) => void
}

export function SearchScreen({ search, focusRequest, cachedDeliveries, onOpen }: Props) {
  const { t } = useTranslation('search')
  const inputRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const rowAt = (index: number) => bodyRef.current?.rows.item(index) ?? null
  const { query, awayOnly, reusedOnly, results, resultQuery, resultAwayOnly, resultReusedOnly } =
    search
  const { loading, error, selectedIndex } = search

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [focusRequest])

  useEffect(() => {
    rowAt(selectedIndex)?.scrollIntoView({ block: 'nearest' })
  }, [selectedIndex, results])

  // Rows are memoised (a keystroke re-renders the screen, not the rows it keeps), so their
  // handlers must not change from one render to the next: both callbacks here are stable.
  const { select } = search
  const rowActions = useMemo<RowActions>(
    () => ({
      open: (index, deliveryId) => {
        select(index)
        onOpen(deliveryId)
      },
      focus: select,
    }),
    [select, onOpen],
  )

  const openSelected = () => {
    const selected = results?.[selectedIndex]
    if (selected) onOpen(selected.deliveryId)
  }

  const onInputKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      search.moveSelection(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      openSelected()
    }
  }

  // Inside the table, focus follows the selection (one tab stop for the whole list of results).
  const onTableKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!results || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return
    event.preventDefault()
    const next = Math.min(
      results.length - 1,
      Math.max(0, selectedIndex + (event.key === 'ArrowDown' ? 1 : -1)),
    )
    rowAt(next)?.querySelector('a')?.focus()
  }

  // A whole porchlight:// link goes where it points; a broken one is explained, not searched.
  const setQuery = (next: string) => {
    const link = readPastedLink(next)
    if (link.kind === 'open') {
      search.setQuery('')
      window.location.hash = link.hash
    } else search.setQuery(next)
  }
  const pasted = readPastedLink(query)
  const webAddress = pasted.kind === 'none' && isWebAddress(query)
  const ticket = useTicketCases(pasted.kind === 'none' ? query.trim() : '', () =>
    search.setQuery(''),
  )

  // A web address is looked for as a ticket's only: no delivery has one in its words.
  const hasQuery = query.trim().length > 0 && pasted.kind === 'none' && !webAddress
  // The "away" filter lists every flagged delivery on its own, so it counts as a search too.
  const active = hasQuery || awayOnly || reusedOnly
  const showResults = active && results !== null && results.length > 0
  const answered = resultQuery || resultAwayOnly || resultReusedOnly
  const resultsLabel = useResultsLabel(resultQuery, resultAwayOnly, resultReusedOnly)

  return (
    <Box
      component="main"
      aria-labelledby="search-heading"
      sx={{
        gridArea: 'main',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        p: 3,
        gap: 2,
      }}
    >
      <SearchBox
        query={query}
        awayOnly={awayOnly}
        reusedOnly={reusedOnly}
        loading={loading}
        inputRef={inputRef}
        controls={showResults ? RESULTS_ID : undefined}
        setQuery={setQuery}
        setAwayOnly={search.setAwayOnly}
        setReusedOnly={search.setReusedOnly}
        onKeyDown={onInputKeyDown}
      />

      <Box role="status" aria-live="polite" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {showResults && (
          <ResultsSentence
            count={results.length}
            query={resultQuery}
            awayOnly={resultAwayOnly}
            reusedOnly={resultReusedOnly}
          />
        )}
      </Box>

      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={search.retry}>
              {t('results.retry')}
            </Button>
          }
        >
          {t('results.failed', { reason: error })}
        </Alert>
      )}

      {pasted.kind === 'refused' && (
        <Alert severity="warning">{t('results.linkRefused', { reason: pasted.reason })}</Alert>
      )}

      {ticket.answer && <TicketCases answer={ticket.answer} />}
      {webAddress && ticket.answer && !ticket.answer.fromTicketLink && (
        <NotATicketLink templateSet={ticket.templateSet} />
      )}

      {!active && pasted.kind === 'none' && !webAddress && <EmptyQueryHint />}

      {active &&
        !error &&
        results !== null &&
        results.length === 0 &&
        answered &&
        !ticket.answer?.cases.length && (
          <NoMatches
            query={resultQuery}
            awayOnly={resultAwayOnly}
            reusedOnly={resultReusedOnly}
            cachedDeliveries={cachedDeliveries}
          />
        )}

      {showResults && (
        <SearchResults
          results={results}
          selectedIndex={selectedIndex}
          loading={loading}
          label={resultsLabel}
          bodyRef={bodyRef}
          rowActions={rowActions}
          onKeyDown={onTableKeyDown}
        />
      )}
    </Box>
  )
}

// What the search screen says when there is nothing to list: before a search, and when nothing
// matches; and the status line over the results. Each filter combination has its own whole
// sentence in the catalogue (search.results, search.noMatches).
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import SearchIcon from '@mui/icons-material/Search'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import { Trans, useTranslation } from 'react-i18next'
import { SEARCH_LIMIT } from '../api/queries.ts'

/** The filters on, as the catalogue's sentences name them. */
export type FilterKey = 'none' | 'away' | 'reused' | 'both'

export function filterKey(awayOnly: boolean, reusedOnly = false): FilterKey {
  return awayOnly ? (reusedOnly ? 'both' : 'away') : reusedOnly ? 'reused' : 'none'
}

/** The query as typed, inside a sentence: the person's own words, never translated. */
const QUERY = { 0: <span translate="no" /> }

/** The status line: what the results on screen answer. */
export function ResultsSentence({
  count,
  query,
  awayOnly,
  reusedOnly = false,
}: {
  count: number
  query: string
  awayOnly: boolean
  reusedOnly?: boolean
}) {
  const { t } = useTranslation('search')
  const filters = filterKey(awayOnly, reusedOnly)
  if (query) {
    return count >= SEARCH_LIMIT ? (
      <Trans
        t={t}
        i18nKey={`results.newestMatches.${filters}`}
        values={{ n: count, query }}
        components={QUERY}
      />
    ) : (
      <Trans
        t={t}
        i18nKey={`results.matches.${filters}`}
        count={count}
        values={{ query }}
        components={QUERY}
      />
    )
  }
  // With no query a filter is on (the screen lists nothing otherwise).
  const only = filters === 'none' ? 'away' : filters
  return (
    <>
      {count >= SEARCH_LIMIT
        ? t(`results.newestFiltered.${only}`, { n: count })
        : t(`results.filtered.${only}`, { count })}
    </>
  )
}

/** The results table's name: the question the results answer. */
export function useResultsLabel(query: string, awayOnly: boolean, reusedOnly: boolean): string {
  const { t } = useTranslation('search')
  const filters = filterKey(awayOnly, reusedOnly)
  if (query) return t(`results.tableLabel.${filters}`, { query })
  return t(`results.tableLabelFiltered.${filters === 'none' ? 'away' : filters}`)
}

export function EmptyQueryHint() {
  const { t } = useTranslation('search')
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {t('empty.title')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 460, mx: 'auto' }}>
        {t('empty.body')}
      </Typography>
    </Box>
  )
}

export function NoMatches({
  query,
  awayOnly,
  reusedOnly = false,
  cachedDeliveries,
}: {
  query: string
  awayOnly: boolean
  reusedOnly?: boolean
  cachedDeliveries: number | null
}) {
  const { t } = useTranslation('search')
  const filters = filterKey(awayOnly, reusedOnly)
  const withFilters = filters !== 'none'
  const advice =
    cachedDeliveries === 0
      ? t('noMatches.emptyCopy')
      : !query
        ? reusedOnly && !awayOnly
          ? t('noMatches.noneReused')
          : t('noMatches.noneAway')
        : cachedDeliveries === null
          ? t(withFilters ? 'noMatches.checkSpellingFilters' : 'noMatches.checkSpelling')
          : t(
              withFilters
                ? 'noMatches.checkSpellingFiltersCounted'
                : 'noMatches.checkSpellingCounted',
              { count: cachedDeliveries },
            )
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchOffIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {query ? (
          <Trans
            t={t}
            i18nKey={`noMatches.title.${filters}`}
            values={{ query }}
            components={QUERY}
          />
        ) : (
          t(`noMatches.titleFiltered.${filters === 'none' ? 'away' : filters}`)
        )}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 480, mx: 'auto' }}>
        {advice}
      </Typography>
    </Box>
  )
}

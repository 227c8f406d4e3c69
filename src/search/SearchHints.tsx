// What the search screen says when there is nothing to list: before a search, and when nothing
// matches.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import SearchIcon from '@mui/icons-material/Search'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import { formatCount, plural } from '../format/numbers.ts'
import { SEARCH_LIMIT } from '../api/queries.ts'

/** The filters on, in words that follow "deliveries" ('' for none). */
export function filterWords(awayOnly: boolean, reusedOnly = false): string {
  return [
    ...(awayOnly ? ['delivered away from the address'] : []),
    ...(reusedOnly ? ['with a reused photo'] : []),
  ].join(' and ')
}

/** What the status line says about the results on screen. */
export function resultsSentence(
  count: number,
  query: string,
  awayOnly: boolean,
  reusedOnly = false,
): string {
  const filters = filterWords(awayOnly, reusedOnly)
  if (query) {
    return count >= SEARCH_LIMIT
      ? `Showing the ${formatCount(count)} newest matches for “${query}”${filters ? ` ${filters}` : ''}. Add more words to narrow the search.`
      : `${plural(count, 'delivery matches', 'deliveries match')} “${query}”${filters ? `, ${filters}` : ''}.`
  }
  return count >= SEARCH_LIMIT
    ? `Showing the ${formatCount(count)} newest deliveries ${filters}. Type to narrow them down.`
    : `${plural(count, 'delivery', 'deliveries')} ${filters}.`
}

export function EmptyQueryHint() {
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        Find a delivery
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 460, mx: 'auto' }}>
        Start typing an order id, tracking number, customer name, email address, phone number or
        street. Results appear as you type, newest first.
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
  const filters = filterWords(awayOnly, reusedOnly)
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchOffIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {!query
          ? `No deliveries ${filters}`
          : filters
            ? `No deliveries ${filters} match “${query}”`
            : `No deliveries match “${query}”`}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 480, mx: 'auto' }}>
        {cachedDeliveries === 0
          ? 'The local copy is still empty. Deliveries appear here after the first sync.'
          : !query
            ? reusedOnly && !awayOnly
              ? 'No photo in the local copy also appears at another address or on an earlier delivery.'
              : 'No drop-off or photo in the local copy is farther from its address than the threshold in Settings allows.'
            : `Check the spelling, or try the order id or tracking number${filters ? ', or clear the filters' : ''}. Porchlight searches the ${
                cachedDeliveries === null
                  ? 'local copy'
                  : `${plural(cachedDeliveries, 'delivery', 'deliveries')} in the local copy`
              }.`}
      </Typography>
    </Box>
  )
}

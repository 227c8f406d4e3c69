import { memo, useEffect, useMemo, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import InputAdornment from '@mui/material/InputAdornment'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { Theme } from '@mui/material/styles'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import PhotoCameraOutlinedIcon from '@mui/icons-material/PhotoCameraOutlined'
import SearchIcon from '@mui/icons-material/Search'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import WrongLocationOutlinedIcon from '@mui/icons-material/WrongLocationOutlined'
import type { SearchResult } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { shortcutLabel } from '../navigation/shortcuts.ts'
import { withheldReasonText } from '../delivery/labels.ts'
import { formatCount, plural } from '../format/numbers.ts'
import { formatDateTime } from '../format/time.ts'
import { SEARCH_LIMIT } from './useDeliverySearch.ts'
import type { DeliverySearch } from './useDeliverySearch.ts'

type Props = {
  search: DeliverySearch
  /** Changes whenever Ctrl/Cmd+K asks for the search box. */
  focusRequest: number
  /** Deliveries in the local copy, to explain an empty answer; null while unknown. */
  cachedDeliveries: number | null
  onOpen: (deliveryId: string) => void
}

const HINT_ID = 'search-hint'
const RESULTS_ID = 'search-results'

export function SearchScreen({ search, focusRequest, cachedDeliveries, onOpen }: Props) {
  const inputRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const rowAt = (index: number) => bodyRef.current?.rows.item(index) ?? null
  const { query, awayOnly, results, resultQuery, resultAwayOnly, loading, error, selectedIndex } =
    search

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

  const hasQuery = query.trim().length > 0
  // The "away" filter lists every flagged delivery on its own, so it counts as a search too.
  const active = hasQuery || awayOnly
  const showResults = active && results !== null && results.length > 0
  const answered = resultQuery || resultAwayOnly
  const resultsLabel = resultQuery
    ? `Search results for ${resultQuery}${resultAwayOnly ? ', delivered away from the address' : ''}`
    : 'Deliveries delivered away from the address'

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
      <Box>
        <Typography variant="h1" id="search-heading" sx={{ mb: 1.5 }}>
          Search deliveries
        </Typography>
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            columnGap: 2,
            rowGap: 1,
            flexWrap: { xs: 'wrap', md: 'nowrap' },
          }}
        >
          <Box sx={{ position: 'relative', flex: 1, minWidth: 280 }}>
            <TextField
              inputRef={inputRef}
              type="search"
              fullWidth
              autoComplete="off"
              placeholder="Order id, tracking number, customer name, email, phone or street"
              value={query}
              onChange={(event) => search.setQuery(event.target.value)}
              onKeyDown={onInputKeyDown}
              slotProps={{
                htmlInput: {
                  'aria-label': 'Search deliveries',
                  'aria-describedby': HINT_ID,
                  'aria-controls': showResults ? RESULTS_ID : undefined,
                  maxLength: 200,
                  spellCheck: false,
                },
                input: {
                  sx: { bgcolor: 'background.paper', fontSize: '1.05rem' },
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchIcon aria-hidden />
                    </InputAdornment>
                  ),
                  endAdornment: (
                    <InputAdornment position="end" aria-hidden>
                      <kbd>{shortcutLabel('K')}</kbd>
                    </InputAdornment>
                  ),
                },
              }}
            />
            {loading && (
              <LinearProgress
                aria-label="Searching"
                sx={{
                  position: 'absolute',
                  left: 4,
                  right: 4,
                  bottom: 0,
                  height: 3,
                  borderRadius: 2,
                }}
              />
            )}
          </Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={awayOnly}
                onChange={(event) => search.setAwayOnly(event.target.checked)}
              />
            }
            label={
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <WrongLocationOutlinedIcon
                  fontSize="small"
                  sx={{ color: 'warning.main' }}
                  aria-hidden
                />
                Only delivered away from the address
              </Box>
            }
            sx={{ mr: 0, flexShrink: 0, whiteSpace: 'nowrap' }}
          />
        </Box>
        <Typography
          id={HINT_ID}
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', mt: 0.75 }}
        >
          Press {shortcutLabel('K')} from anywhere to come back here. Use ↑ and ↓ to choose a result
          and Enter to open it.
        </Typography>
      </Box>

      <Box role="status" aria-live="polite" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {showResults &&
          (resultQuery
            ? results.length >= SEARCH_LIMIT
              ? `Showing the ${formatCount(results.length)} newest matches for “${resultQuery}”${resultAwayOnly ? ' delivered away from the address' : ''}. Add more words to narrow the search.`
              : `${plural(results.length, 'delivery matches', 'deliveries match')} “${resultQuery}”${resultAwayOnly ? ' and were delivered away from the address' : ''}.`
            : results.length >= SEARCH_LIMIT
              ? `Showing the ${formatCount(results.length)} newest deliveries delivered away from the address. Type to narrow them down.`
              : `${plural(results.length, 'delivery was', 'deliveries were')} delivered away from the address.`)}
      </Box>

      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={search.retry}>
              Retry
            </Button>
          }
        >
          The search could not be completed. {error}
        </Alert>
      )}

      {!active && <EmptyQueryHint />}

      {active && !error && results !== null && results.length === 0 && answered && (
        <NoMatches
          query={resultQuery}
          awayOnly={resultAwayOnly}
          cachedDeliveries={cachedDeliveries}
        />
      )}

      {showResults && (
        <TableContainer
          component={Paper}
          variant="outlined"
          sx={{
            flex: '0 1 auto',
            minHeight: 0,
            opacity: loading ? 0.7 : 1,
            transition: 'opacity 120ms',
          }}
        >
          <Table
            id={RESULTS_ID}
            stickyHeader
            size="small"
            aria-label={resultsLabel}
            onKeyDown={onTableKeyDown}
            sx={RESULT_STYLES}
          >
            <TableHead>
              <TableRow>
                <TableCell scope="col">Order</TableCell>
                <TableCell scope="col">Tracking</TableCell>
                <TableCell scope="col">Customer</TableCell>
                <TableCell scope="col">Street</TableCell>
                <TableCell scope="col">City</TableCell>
                <TableCell scope="col">Delivered</TableCell>
                <TableCell scope="col">Photo</TableCell>
                <TableCell scope="col">Location</TableCell>
              </TableRow>
            </TableHead>
            <TableBody ref={bodyRef}>
              {results.map((result, index) => (
                <ResultRow
                  key={result.deliveryId}
                  result={result}
                  index={index}
                  selected={index === selectedIndex}
                  actions={rowActions}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  )
}

type RowActions = {
  open: (index: number, deliveryId: string) => void
  focus: (index: number) => void
}

type RowProps = {
  result: SearchResult
  index: number
  selected: boolean
  actions: RowActions
}

/**
 * The rows' styles, resolved once for the whole table: the rows are plain cells rather than MUI
 * components, each of which resolved its styles on every render. With 50 rows of eight cells
 * that was most of the time from an answer to its paint.
 */
const RESULT_STYLES = {
  '& .result-row': { cursor: 'pointer' },
  '& .result-row.Mui-selected': {
    boxShadow: (theme: Theme) => `inset 3px 0 0 ${(theme.vars ?? theme).palette.primary.main}`,
  },
  '& td.result-cell': {
    typography: 'body2',
    color: 'text.primary',
    px: 2,
    py: 0.75,
    borderBottom: 1,
    borderColor: 'divider',
    textAlign: 'left',
  },
  // Cell variants name the element too, or the cell rule above (more specific) would win.
  '& td.result-order': { fontWeight: 500, whiteSpace: 'nowrap' },
  '& a.result-link': {
    color: 'primary.main',
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
  },
  '& td.result-tracking': {
    fontFamily: 'ui-monospace, "Roboto Mono", monospace',
    fontSize: '0.8rem',
  },
  '& td.result-nowrap': { whiteSpace: 'nowrap' },
  '& .result-muted': { color: 'text.secondary' },
  '& .result-flag': { display: 'inline-flex', alignItems: 'center', gap: 0.5 },
  '& .result-flag.photo-withheld, & .result-flag.away': { color: 'warning.main' },
  '& .result-flag.photo-none': { color: 'text.secondary' },
  '& .result-flag.away': { fontWeight: 500 },
} as const

const ResultRow = memo(function ResultRow({ result, index, selected, actions }: RowProps) {
  const delivered = result.deliveredAt ? formatDateTime(result.deliveredAt) : null
  const photo = photoSummary(result)
  const name = [
    `Order ${result.orderId}`,
    `tracking ${result.trackingNumber}`,
    result.customerName,
    `${result.street}, ${result.city}`,
    delivered ? `delivered ${delivered}` : 'not delivered',
    `photo: ${photo.label.toLowerCase()}`,
    ...(result.awayFromAddress ? ['delivered away from the address'] : []),
  ].join(', ')
  const photoFlag = (
    <span className={`result-flag photo-${photo.kind}`}>
      {photo.icon}
      {photo.label}
    </span>
  )

  return (
    <TableRow
      hover
      selected={selected}
      aria-selected={selected}
      aria-label={name}
      className="result-row"
      onClick={() => actions.open(index, result.deliveryId)}
    >
      <td className="result-cell result-order">
        <a
          className="result-link"
          href={routeHref({ screen: 'delivery', deliveryId: result.deliveryId })}
          tabIndex={selected ? 0 : -1}
          onFocus={() => actions.focus(index)}
          onClick={(event) => {
            event.preventDefault()
            event.stopPropagation()
            actions.open(index, result.deliveryId)
          }}
          aria-label={`Open order ${result.orderId}`}
        >
          {result.orderId}
        </a>
      </td>
      <td className="result-cell result-tracking">{result.trackingNumber}</td>
      <td className="result-cell">{result.customerName}</td>
      <td className="result-cell">{result.street}</td>
      <td className="result-cell">{result.city}</td>
      <td className="result-cell result-nowrap">
        {delivered ?? <span className="result-muted">Not delivered</span>}
      </td>
      <td className="result-cell result-nowrap">
        {/* A tooltip only where it has something to say: most rows need none. */}
        {photo.detail ? <Tooltip title={photo.detail}>{photoFlag}</Tooltip> : photoFlag}
      </td>
      <td className="result-cell result-nowrap">
        {result.awayFromAddress && (
          <Tooltip title="The drop-off or a photo is farther from the address than the threshold allows">
            <span className="result-flag away">
              <WrongLocationOutlinedIcon fontSize="small" aria-hidden />
              Away
            </span>
          </Tooltip>
        )}
      </td>
    </TableRow>
  )
}, sameRow)

/** Each answer is new JSON: a row is the same when what it shows is. */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.index !== b.index || a.selected !== b.selected || a.actions !== b.actions) return false
  const keys = Object.keys(a.result) as Array<keyof SearchResult>
  return (
    keys.length === Object.keys(b.result).length &&
    keys.every((key) => a.result[key] === b.result[key])
  )
}

function photoSummary(result: SearchResult) {
  if (result.photoWithheld) {
    return {
      kind: 'withheld',
      label: 'Withheld',
      detail: withheldReasonText(result.photoWithheld),
      icon: <LockOutlinedIcon fontSize="small" aria-hidden />,
    }
  }
  if (result.hasPhoto) {
    return {
      kind: 'yes',
      label: 'Yes',
      detail: null,
      icon: <PhotoCameraOutlinedIcon fontSize="small" aria-hidden />,
    }
  }
  return {
    kind: 'none',
    label: 'No',
    detail: null,
    icon: <NoPhotographyOutlinedIcon fontSize="small" aria-hidden />,
  }
}

function EmptyQueryHint() {
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

function NoMatches({
  query,
  awayOnly,
  cachedDeliveries,
}: {
  query: string
  awayOnly: boolean
  cachedDeliveries: number | null
}) {
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchOffIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {!query
          ? 'No delivery was delivered away from the address'
          : awayOnly
            ? `No deliveries delivered away from the address match “${query}”`
            : `No deliveries match “${query}”`}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 480, mx: 'auto' }}>
        {cachedDeliveries === 0
          ? 'The local copy is still empty. Deliveries appear here after the first sync.'
          : !query
            ? 'No drop-off or photo in the local copy is farther from its address than the threshold in Settings allows.'
            : `Check the spelling, or try the order id or tracking number${awayOnly ? ', or clear “Only delivered away from the address”' : ''}. Porchlight searches the ${
                cachedDeliveries === null
                  ? 'local copy'
                  : `${plural(cachedDeliveries, 'delivery', 'deliveries')} in the local copy`
              }.`}
      </Typography>
    </Box>
  )
}

// The Cases queue: every missing-package case in the local copy, filtered and sorted as the URL
// says, with how each one stands against its first-action target and whether this console still
// has work on it to send. Read again every few seconds, so other agents' work shows up live.
import { useEffect, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import KeyboardOutlinedIcon from '@mui/icons-material/KeyboardOutlined'
import ShortTextOutlinedIcon from '@mui/icons-material/ShortTextOutlined'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import type { Session } from '../../electron/core/api/definition.ts'
import { userMessage } from '../api/client.ts'
import { CASE_POLL_MS, queries } from '../api/queries.ts'
import { navigate } from '../navigation/route.ts'
import { useNow } from '../format/time.ts'
import { CannedNotesDialog } from './CannedNotesDialog.tsx'
import {
  DEFAULT_CASE_FILTERS,
  caseFiltersQuery,
  isFiltered,
  listCasesArg,
  parseCaseFilters,
} from '../navigation/caseFilters.ts'
import type { CaseFilters } from '../navigation/caseFilters.ts'
import { rememberQueue } from '../navigation/lastQueue.ts'
import { useQueueKeys } from './useQueueKeys.ts'
import { CaseFilterBar } from './CaseFilterBar.tsx'
import { CaseRow } from './CaseQueueRow.tsx'
import { queueSummary, QueueSkeleton, EmptyQueue } from './CaseQueueStates.tsx'

type Props = {
  filters: CaseFilters
  user: NonNullable<Session['user']>
}

const HEADING_ID = 'cases-heading'

export function CasesScreen({ filters, user }: Props) {
  const query = caseFiltersQuery(filters)
  // Read again every few seconds, and at once when a case changes here.
  const list = useQuery({
    ...queries.caseList(listCasesArg(parseCaseFilters(query))),
    refetchInterval: CASE_POLL_MS,
  })
  const listError = list.error ? userMessage(list.error) : null
  const now = useNow(15_000)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [cannedOpen, setCannedOpen] = useState(false)
  const rowLinks = useRef(new Map<string, HTMLAnchorElement>())
  const tableRef = useRef<HTMLTableElement>(null)

  useEffect(() => {
    rememberQueue(parseCaseFilters(query))
  }, [query])

  const items = list.data ?? []
  const found = items.findIndex((c) => c.id === selectedId)
  const selectedIndex = found >= 0 ? found : 0

  const setFilters = (patch: Partial<CaseFilters>) =>
    navigate({ screen: 'cases', filters: { ...filters, ...patch } })

  const open = (item: CaseListItem) => navigate({ screen: 'case', caseId: item.id })

  const focusRow = (index: number) => {
    const item = items[index]
    if (!item) return
    setSelectedId(item.id)
    const link = rowLinks.current.get(item.id)
    link?.focus()
    link?.closest('tr')?.scrollIntoView({ block: 'nearest' })
  }

  useQueueKeys({ items, selectedIndex, tableRef, focusRow, open })

  const filtered = isFiltered(filters)
  const supervisor = user.role === 'supervisor'

  return (
    <Box
      component="main"
      aria-labelledby={HEADING_ID}
      aria-busy={list.isPending}
      sx={{
        gridArea: 'main',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        p: 3,
        gap: 2,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'flex-end', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Typography variant="h1" id={HEADING_ID}>
            Cases
          </Typography>
          <Typography
            role="status"
            variant="body2"
            sx={{ color: 'text.secondary', mt: 0.5, minHeight: '1.43em' }}
          >
            {list.data ? queueSummary(list.data, user.id, now) : ''}
          </Typography>
        </Box>
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary', display: 'flex', alignItems: 'center', gap: 0.75 }}
        >
          <KeyboardOutlinedIcon fontSize="small" aria-hidden />
          <span>
            <kbd>J</kbd> <kbd>K</kbd> move, <kbd>Enter</kbd> opens, <kbd>?</kbd> all shortcuts
          </span>
        </Typography>
        {supervisor && (
          <Button
            variant="outlined"
            startIcon={<ShortTextOutlinedIcon />}
            onClick={() => setCannedOpen(true)}
          >
            Canned notes
          </Button>
        )}
      </Stack>

      <CaseFilterBar filters={filters} meId={user.id} onChange={setFilters} />

      {listError && list.data && (
        <Alert severity="warning" variant="outlined">
          The list could not be refreshed; it shows the cases as they were a moment ago. {listError}
        </Alert>
      )}

      {listError && !list.data ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void list.refetch()}>
              Retry
            </Button>
          }
        >
          The cases could not be read. {listError}
        </Alert>
      ) : list.data === undefined ? (
        <QueueSkeleton />
      ) : items.length === 0 ? (
        <EmptyQueue
          filtered={filtered}
          onClear={() => navigate({ screen: 'cases', filters: DEFAULT_CASE_FILTERS })}
        />
      ) : (
        <TableContainer
          component={Paper}
          variant="outlined"
          sx={{ minHeight: 0, flex: '0 1 auto', containerType: 'inline-size' }}
        >
          <Table
            ref={tableRef}
            stickyHeader
            size="small"
            aria-label="Cases"
            sx={{
              '& .MuiTableCell-root': { px: 1.25 },
              '& .MuiTableCell-root:first-of-type': { pl: 2 },
              // A narrow queue keeps every column in view: the city moves under the customer's
              // name instead of taking a column of its own.
              '& .queue-city-inline': { display: 'none' },
              '@container (max-width: 1099.98px)': {
                '& .queue-city': { display: 'none' },
                '& .queue-city-inline': { display: 'block' },
                '& .MuiTableCell-root': { px: 0.75 },
                '& td.queue-reason': { whiteSpace: 'normal', minWidth: 90 },
              },
            }}
          >
            <TableHead>
              <TableRow>
                <TableCell scope="col">Order</TableCell>
                <TableCell scope="col">Customer</TableCell>
                <TableCell scope="col" className="queue-city">
                  City
                </TableCell>
                <TableCell scope="col">Reason</TableCell>
                <TableCell scope="col">Status</TableCell>
                <TableCell scope="col">Assignee</TableCell>
                <TableCell scope="col">Age — first action</TableCell>
                <TableCell scope="col">Sync</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item, index) => (
                <CaseRow
                  key={item.id}
                  item={item}
                  meId={user.id}
                  now={now}
                  selected={index === selectedIndex}
                  linkRef={(element) => {
                    if (element) rowLinks.current.set(item.id, element)
                    else rowLinks.current.delete(item.id)
                  }}
                  onOpen={() => {
                    setSelectedId(item.id)
                    open(item)
                  }}
                  onFocus={() => setSelectedId(item.id)}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {supervisor && cannedOpen && <CannedNotesDialog onClose={() => setCannedOpen(false)} />}
    </Box>
  )
}

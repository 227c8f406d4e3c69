// The Cases queue: every missing-package case in the local copy, filtered and sorted as the URL
// says, with how each one stands against its first-action target and whether this console still
// has work on it to send. Read again every few seconds, so other agents' work shows up live.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import CheckIcon from '@mui/icons-material/Check'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import KeyboardOutlinedIcon from '@mui/icons-material/KeyboardOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import ShortTextOutlinedIcon from '@mui/icons-material/ShortTextOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import type { Session } from '../../electron/core/api/definition.ts'
import { api } from '../api/client.ts'
import { navigate, routeHref } from '../navigation/route.ts'
import { useKeyShortcut } from '../navigation/shortcuts.ts'
import { formatCount, plural } from '../format/numbers.ts'
import { useNow } from '../format/time.ts'
import { CannedNotesDialog } from './CannedNotesDialog.tsx'
import {
  CASE_SORT_LABELS,
  DEFAULT_CASE_FILTERS,
  caseFiltersQuery,
  isFiltered,
  listCasesArg,
  parseCaseFilters,
} from '../navigation/caseFilters.ts'
import type { CaseFilters, CaseSort } from '../navigation/caseFilters.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import {
  REASON_LABELS,
  REASON_ORDER,
  STATUS_LABELS,
  STATUS_ORDER,
  assigneeLabel,
  firstActionState,
} from '../words/caseWords.ts'
import type { CaseReason, CaseStatus } from '../words/caseWords.ts'
import { FirstActionTimer } from './FirstActionTimer.tsx'
import { rememberQueue } from '../navigation/lastQueue.ts'
import { usePolled } from './usePolled.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

type Props = {
  filters: CaseFilters
  user: NonNullable<Session['user']>
}

const MIN_AGE_CHOICES: Array<{ hours: number | null; label: string }> = [
  { hours: null, label: 'Any age' },
  { hours: 1, label: '1 hour or more' },
  { hours: 4, label: '4 hours or more' },
  { hours: 24, label: '1 day or more' },
  { hours: 48, label: '2 days or more' },
  { hours: 168, label: '1 week or more' },
]

type AssigneeChoice = 'anyone' | 'me' | 'unassigned'

const HEADING_ID = 'cases-heading'

export function CasesScreen({ filters, user }: Props) {
  const query = caseFiltersQuery(filters)
  const read = useCallback(() => api.listCases(listCasesArg(parseCaseFilters(query))), [query])
  const list = usePolled(read, query)
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

  // J/K and ↓/↑ move through the rows, Enter opens one, as in the search results.
  useKeyShortcut(['j', 'k', 'ArrowDown', 'ArrowUp', 'Enter'], (event) => {
    if (items.length === 0) return
    const inTable = tableRef.current?.contains(event.target as Node) ?? false
    if (event.key === 'Enter') {
      // A focused link or button does its own thing on Enter.
      const target = event.target as Element | null
      if (target?.closest('a, button, [role="button"]')) return
      event.preventDefault()
      const item = items[selectedIndex]
      if (item) open(item)
      return
    }
    const target = event.target as Element | null
    if (
      !inTable &&
      target?.closest('[role="group"], button, [role="button"]') &&
      event.key.startsWith('Arrow')
    )
      return
    event.preventDefault()
    if (!inTable) {
      focusRow(selectedIndex)
      return
    }
    const step = event.key === 'ArrowDown' || event.key.toLowerCase() === 'j' ? 1 : -1
    focusRow(Math.min(items.length - 1, Math.max(0, selectedIndex + step)))
  })

  const filtered = isFiltered(filters)
  const supervisor = user.role === 'supervisor'

  return (
    <Box
      component="main"
      aria-labelledby={HEADING_ID}
      aria-busy={list.loading}
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

      <FilterBar filters={filters} meId={user.id} onChange={setFilters} />

      {list.error && list.data && (
        <Alert severity="warning" variant="outlined">
          The list could not be refreshed; it shows the cases as they were a moment ago.{' '}
          {list.error}
        </Alert>
      )}

      {list.error && !list.data ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={list.refresh}>
              Retry
            </Button>
          }
        >
          The cases could not be read. {list.error}
        </Alert>
      ) : list.data === null ? (
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
          sx={{ minHeight: 0, flex: '0 1 auto' }}
        >
          <Table
            ref={tableRef}
            stickyHeader
            size="small"
            aria-label="Cases"
            sx={{
              '& .MuiTableCell-root': { px: 1.25 },
              '& .MuiTableCell-root:first-of-type': { pl: 2 },
            }}
          >
            <TableHead>
              <TableRow>
                <TableCell scope="col">Order</TableCell>
                <TableCell scope="col">Customer</TableCell>
                <TableCell scope="col">City</TableCell>
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

function queueSummary(items: CaseListItem[], meId: string, now: number): string {
  if (items.length === 0) return 'No cases to show.'
  const parts = [plural(items.length, 'case', 'cases')]
  const overdue = items.filter(
    (c) => c.status !== 'resolved' && firstActionState(c, now).kind === 'overdue',
  ).length
  if (overdue) parts.push(`${formatCount(overdue)} overdue for a first action`)
  const mine = items.filter((c) => c.assigneeId === meId && c.status !== 'resolved').length
  if (mine) parts.push(`${formatCount(mine)} assigned to you`)
  const conflicts = items.filter((c) => c.hasConflict).length
  if (conflicts)
    parts.push(`${formatCount(conflicts)} ${conflicts === 1 ? 'needs' : 'need'} your decision`)
  return parts.join(' · ')
}

function FilterBar(props: {
  filters: CaseFilters
  meId: string
  onChange: (patch: Partial<CaseFilters>) => void
}) {
  const { filters, onChange } = props
  const assigneeChoice =
    filters.assignee === null
      ? 'anyone'
      : filters.assignee === 'me' || filters.assignee === 'unassigned'
        ? filters.assignee
        : null
  const toggleStatus = (status: CaseStatus) => {
    const on = filters.statuses.includes(status)
    onChange({
      statuses: on
        ? filters.statuses.filter((s) => s !== status)
        : STATUS_ORDER.filter((s) => s === status || filters.statuses.includes(s)),
    })
  }
  const scope: Array<{ label: string; clear: Partial<CaseFilters> }> = []
  if (filters.customer)
    scope.push({ label: `Customer ${filters.customer}`, clear: { customer: null } })
  if (filters.address) scope.push({ label: `Address ${filters.address}`, clear: { address: null } })
  if (filters.driver) scope.push({ label: `Driver ${filters.driver}`, clear: { driver: null } })
  if (filters.assignee && assigneeChoice === null) {
    scope.push({
      label: `Assigned to ${assigneeLabel(filters.assignee, props.meId)}`,
      clear: { assignee: null },
    })
  }

  return (
    <Paper
      variant="outlined"
      role="search"
      aria-label="Filter cases"
      sx={{ px: 2, py: 1.5, display: 'flex', flexDirection: 'column', gap: 1.25 }}
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', columnGap: 2, rowGap: 1.5, flexWrap: 'wrap' }}
      >
        <Stack
          direction="row"
          sx={{ alignItems: 'center', gap: 0.75 }}
          role="group"
          aria-labelledby="status-filter-label"
        >
          <Typography
            id="status-filter-label"
            variant="body2"
            sx={{ color: 'text.secondary', mr: 0.25 }}
          >
            Status
          </Typography>
          {STATUS_ORDER.map((status) => {
            const on = filters.statuses.includes(status)
            return (
              <Chip
                key={status}
                label={STATUS_LABELS[status]}
                size="small"
                clickable
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                icon={on ? <CheckIcon /> : undefined}
                aria-pressed={on}
                onClick={() => toggleStatus(status)}
              />
            )
          })}
          {filters.statuses.length === 0 && (
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              (every status)
            </Typography>
          )}
        </Stack>

        <ToggleButtonGroup
          size="small"
          exclusive
          value={assigneeChoice}
          aria-label="Assignee"
          onChange={(_event, value: AssigneeChoice | null) => {
            if (value) onChange({ assignee: value === 'anyone' ? null : value })
          }}
          sx={{ '& .MuiToggleButton-root': { py: 0.25, px: 1.25 } }}
        >
          <ToggleButton value="anyone">Anyone</ToggleButton>
          <ToggleButton value="me">Me</ToggleButton>
          <ToggleButton value="unassigned">Unassigned</ToggleButton>
        </ToggleButtonGroup>

        <TextField
          select
          size="small"
          label="Reason"
          value={filters.reason ?? ''}
          onChange={(event) =>
            onChange({ reason: (event.target.value || null) as CaseReason | null })
          }
          sx={{ minWidth: 150 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Any reason</MenuItem>
          {REASON_ORDER.map((reason) => (
            <MenuItem key={reason} value={reason}>
              {REASON_LABELS[reason]}
            </MenuItem>
          ))}
        </TextField>

        <TextField
          select
          size="small"
          label="Opened"
          value={filters.minAgeHours === null ? '' : String(filters.minAgeHours)}
          onChange={(event) =>
            onChange({ minAgeHours: event.target.value ? Number(event.target.value) : null })
          }
          sx={{ minWidth: 150 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          {MIN_AGE_CHOICES.some((c) => c.hours === filters.minAgeHours) ? null : (
            <MenuItem value={String(filters.minAgeHours)}>
              {filters.minAgeHours} hours or more
            </MenuItem>
          )}
          {MIN_AGE_CHOICES.map((choice) => (
            <MenuItem key={choice.label} value={choice.hours === null ? '' : String(choice.hours)}>
              {choice.label}
            </MenuItem>
          ))}
        </TextField>

        <TextField
          select
          size="small"
          label="Sort"
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as CaseSort })}
          sx={{ minWidth: 150 }}
        >
          {(Object.keys(CASE_SORT_LABELS) as CaseSort[]).map((sort) => (
            <MenuItem key={sort} value={sort}>
              {CASE_SORT_LABELS[sort]}
            </MenuItem>
          ))}
        </TextField>

        {isFiltered(filters) && (
          <Button
            size="small"
            startIcon={<FilterListOffOutlinedIcon />}
            onClick={() => onChange({ ...DEFAULT_CASE_FILTERS, sort: filters.sort })}
          >
            Clear filters
          </Button>
        )}
      </Stack>

      {scope.length > 0 && (
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Only cases of
          </Typography>
          {scope.map((s) => (
            <Chip
              key={s.label}
              label={s.label}
              size="small"
              color="secondary"
              variant="outlined"
              onDelete={() => onChange(s.clear)}
              onClick={() => onChange(s.clear)}
              aria-label={`${s.label} — remove this filter`}
            />
          ))}
        </Stack>
      )}
    </Paper>
  )
}

type RowProps = {
  item: CaseListItem
  meId: string
  now: number
  selected: boolean
  linkRef: (element: HTMLAnchorElement | null) => void
  onOpen: () => void
  onFocus: () => void
}

function CaseRow({ item, meId, now, selected, linkRef, onOpen, onFocus }: RowProps) {
  const assignee = assigneeLabel(item.assigneeId, meId)
  return (
    <TableRow
      hover
      selected={selected}
      aria-selected={selected}
      onClick={onOpen}
      sx={{
        cursor: 'pointer',
        '&.Mui-selected': {
          boxShadow: (theme) => `inset 3px 0 0 ${(theme.vars ?? theme).palette.primary.main}`,
        },
      }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Link
            ref={linkRef}
            href={routeHref({ screen: 'case', caseId: item.id })}
            underline="hover"
            tabIndex={selected ? 0 : -1}
            onFocus={onFocus}
            onClick={(event) => {
              event.preventDefault()
              event.stopPropagation()
              onOpen()
            }}
            aria-label={`Open the case on order ${item.orderId}`}
            sx={{ fontWeight: 500 }}
          >
            {item.orderId}
          </Link>
          {item.awayFromAddress && (
            <Tooltip
              describeChild
              title="The drop-off or a photo was farther from the address than allowed."
            >
              <Chip
                size="small"
                variant="outlined"
                color="warning"
                icon={<LocationOffOutlinedIcon />}
                label="Away"
                tabIndex={-1}
                sx={{ height: 20, fontSize: '0.7rem', '& .MuiChip-icon': { fontSize: 14 } }}
              />
            </Tooltip>
          )}
        </Stack>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {item.customerName ?? <Muted>Not in the local copy</Muted>}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.city ?? <Muted>—</Muted>}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{REASON_LABELS[item.reason]}</TableCell>
      <TableCell>
        <CaseStatusChip status={item.status} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: assignee === 'You' ? 500 : 400 }}>
        {item.assigneeId === null ? <Muted>Unassigned</Muted> : assignee}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <FirstActionTimer
          openedAt={item.openedAt}
          firstActionDueAt={item.firstActionDueAt}
          firstActionAt={item.firstActionAt}
          now={now}
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <SyncState item={item} />
      </TableCell>
    </TableRow>
  )
}

function SyncState({ item }: { item: CaseListItem }) {
  if (item.hasConflict) {
    return (
      <Box
        component="span"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          color: 'error.main',
          fontWeight: 500,
        }}
      >
        <SyncProblemOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
        Needs your decision
      </Box>
    )
  }
  if (item.pendingChanges > 0) {
    return (
      <Tooltip
        describeChild
        title={`${plural(item.pendingChanges, 'change', 'changes')} made here, not yet accepted by the delivery service.`}
      >
        <Box
          component="span"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'warning.main' }}
        >
          <CloudUploadOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
          Not sent yet
        </Box>
      </Tooltip>
    )
  }
  // Most rows have nothing to send: keep the column quiet so the exceptions stand out.
  return (
    <Box component="span" sx={visuallyHidden}>
      Up to date
    </Box>
  )
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

function QueueSkeleton() {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label="Loading cases" role="progressbar">
      {[0, 1, 2, 3, 4, 5].map((row) => (
        <Skeleton key={row} height={34} sx={{ my: 0.25 }} />
      ))}
    </Paper>
  )
}

function EmptyQueue({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <InboxOutlinedIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {filtered ? 'No cases match these filters' : 'No open cases'}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 460, mx: 'auto' }}>
        {filtered
          ? 'Loosen a filter, or clear them all to see every open case.'
          : 'When someone opens a missing-package case on a delivery, it appears here.'}
      </Typography>
      {filtered && (
        <Button
          sx={{ mt: 2 }}
          variant="outlined"
          startIcon={<FilterListOffOutlinedIcon />}
          onClick={onClear}
        >
          Clear filters
        </Button>
      )}
    </Box>
  )
}

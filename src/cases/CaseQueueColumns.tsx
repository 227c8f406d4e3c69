// The queue's columns: the order (the row's one link, its header for each row), the customer (the
// city under the name where the city has no column), city, reason, status, assignee, the age above
// the first action, and whether this console still has work on the case to send. Status and
// assignee sort from their headers; the age column has a sort for each of its two lines.
import Box from '@mui/material/Box'
import TableSortLabel from '@mui/material/TableSortLabel'
import type { GridColDef, GridRenderCellParams } from '@mui/x-data-grid'
import { useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { t } from '../../electron/core/messages/messages.ts'
import type { CaseSort } from '../navigation/caseFilters.ts'
import { REASON_LABELS } from '../words/caseWords.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import { Assignee } from '../ui/Assignee.tsx'
import { FirstActionTimer } from './FirstActionTimer.tsx'
import { CustomerCell, Muted, OrderCell, SyncState } from './CaseQueueCells.tsx'

type SortDirection = 'asc' | 'desc'

/** How the grid's headers show each of the core's orders. */
export const HEADER_SORT: Record<CaseSort, { field: string; sort: SortDirection }> = {
  // The column shows ages: the oldest first is the ages descending.
  oldest: { field: 'age', sort: 'desc' },
  newest: { field: 'age', sort: 'asc' },
  due: { field: 'age', sort: 'asc' },
  'due-desc': { field: 'age', sort: 'desc' },
  status: { field: 'status', sort: 'asc' },
  'status-desc': { field: 'status', sort: 'desc' },
  assignee: { field: 'assignee', sort: 'asc' },
  'assignee-desc': { field: 'assignee', sort: 'desc' },
}

export function queueColumns(options: {
  meId: string
  now: number
  /** Whether the city has a column of its own. */
  wide: boolean
  sort: CaseSort
  onSort: (sort: CaseSort) => void
  open: (item: CaseListItem) => void
}): Array<GridColDef<CaseListItem>> {
  const { meId, now, wide, sort, onSort, open } = options
  return [
    {
      field: 'order',
      headerName: t('cases:grid.order'),
      rowHeader: true,
      minWidth: 172,
      flex: 1.1,
      sortable: false,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <OrderCell item={params.row} tabIndex={params.tabIndex} onOpen={() => open(params.row)} />
      ),
    },
    {
      field: 'customer',
      headerName: t('cases:grid.customer'),
      minWidth: 120,
      flex: 1.2,
      sortable: false,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <CustomerCell item={params.row} showCity={!wide} />
      ),
    },
    {
      field: 'city',
      headerName: t('cases:grid.city'),
      minWidth: 110,
      flex: 0.9,
      sortable: false,
      renderCell: (params: GridRenderCellParams<CaseListItem>) =>
        params.row.city === null ? <Muted>—</Muted> : <span translate="no">{params.row.city}</span>,
    },
    {
      field: 'reason',
      headerName: t('cases:grid.reason'),
      minWidth: 88,
      flex: 0.8,
      sortable: false,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <Box sx={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          {REASON_LABELS[params.row.reason]}
        </Box>
      ),
    },
    {
      field: 'status',
      headerName: t('cases:grid.status'),
      width: 158,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <CaseStatusChip status={params.row.status} />
      ),
    },
    {
      field: 'assignee',
      headerName: t('cases:grid.assignee'),
      minWidth: 100,
      flex: 1,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <Box
          sx={{
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            fontWeight: params.row.assigneeId === meId ? 500 : 400,
          }}
        >
          {params.row.assigneeId === null ? (
            <Muted>{t('cases:grid.unassigned')}</Muted>
          ) : (
            <Assignee id={params.row.assigneeId} meId={meId} />
          )}
        </Box>
      ),
    },
    {
      field: 'age',
      headerName: t('cases:grid.age'),
      width: 150,
      // Two orders in one column: the header has a button for each.
      sortable: false,
      hideSortIcons: true,
      renderHeader: () => <AgeHeader sort={sort} onSort={onSort} />,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <FirstActionTimer
          openedAt={params.row.openedAt}
          firstActionDueAt={params.row.firstActionDueAt}
          firstActionAt={params.row.firstActionAt}
          now={now}
          stacked
        />
      ),
    },
    {
      field: 'sync',
      headerName: t('cases:grid.sync'),
      minWidth: 92,
      // The last column: nothing to its right to give or take width.
      resizable: false,
      flex: 0.7,
      sortable: false,
      renderCell: (params: GridRenderCellParams<CaseListItem>) => (
        <Box sx={{ whiteSpace: 'normal' }}>
          <SyncState item={params.row} />
        </Box>
      ),
    },
  ]
}

/** The age column's header: "Age" above "first action", each a sort of its own. */
function AgeHeader({ sort, onSort }: { sort: CaseSort; onSort: (sort: CaseSort) => void }) {
  const { t } = useTranslation('cases')
  const byAge = sort === 'oldest' || sort === 'newest'
  const byDue = sort === 'due' || sort === 'due-desc'
  return (
    <Box
      sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.3 }}
    >
      <TableSortLabel
        active={byAge}
        direction={sort === 'newest' ? 'asc' : 'desc'}
        aria-label={
          sort === 'oldest'
            ? t('grid.sortedOldest')
            : sort === 'newest'
              ? t('grid.sortedNewest')
              : t('grid.sortOldest')
        }
        onClick={() => onSort(sort === 'oldest' ? 'newest' : 'oldest')}
        sx={{ fontWeight: 500, flexDirection: 'row' }}
      >
        {t('grid.ageSort')}
      </TableSortLabel>
      <TableSortLabel
        active={byDue}
        direction={sort === 'due-desc' ? 'desc' : 'asc'}
        aria-label={
          sort === 'due'
            ? t('grid.sortedDue')
            : sort === 'due-desc'
              ? t('grid.sortedDueDesc')
              : t('grid.sortDue')
        }
        onClick={() => onSort(sort === 'due' ? 'due-desc' : 'due')}
        sx={{ fontWeight: 500, flexDirection: 'row' }}
      >
        {t('grid.dueSort')}
      </TableSortLabel>
    </Box>
  )
}

// The queue's rows in MUI X's Data Grid: only the rows in view are in the page, however long the
// queue. The core filters and sorts (the URL says how), so the grid shows the rows in the order
// given; its column headers change that order. Every column fits the width the queue has: below
// 1,100 px the city moves under the customer's name, and the age sits above the first action in
// one column throughout.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import Paper from '@mui/material/Paper'
import { DataGrid } from '@mui/x-data-grid'
import type { GridApi, GridSortModel } from '@mui/x-data-grid'
import { useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import type { CaseSort } from '../navigation/caseFilters.ts'
import { styleNonce } from '../ui/styleNonce.ts'
import { HEADER_SORT, queueColumns } from './CaseQueueColumns.tsx'

/** Below this width of the queue, the city goes under the customer's name. */
const CITY_COLUMN_MIN_WIDTH = 1100
const ROW_HEIGHT = 56

/** The order a click on the status or assignee header asks for. */
function sortFromModel(model: GridSortModel): CaseSort | null {
  const first = model[0]
  if (!first?.sort) return null
  if (first.field === 'status') return first.sort === 'asc' ? 'status' : 'status-desc'
  if (first.field === 'assignee') return first.sort === 'asc' ? 'assignee' : 'assignee-desc'
  return null
}

type Props = {
  items: CaseListItem[]
  meId: string
  now: number
  sort: CaseSort
  onSort: (sort: CaseSort) => void
  selectedId: string | null
  onSelect: (id: string) => void
  onOpen: (item: CaseListItem) => void
  apiRef: RefObject<GridApi | null>
}

export function CaseQueueGrid(props: Props) {
  const { t } = useTranslation('cases')
  const { items, meId, now, sort, onSort, selectedId, onSelect, onOpen, apiRef } = props
  const frame = useRef<HTMLDivElement>(null)
  const wide = useWiderThan(frame, CITY_COLUMN_MIN_WIDTH)
  const columns = useMemo(
    () => queueColumns({ meId, now, wide, sort, onSort, open: onOpen }),
    [meId, now, wide, sort, onSort, onOpen],
  )

  const sortModel = useMemo<GridSortModel>(() => [HEADER_SORT[sort]], [sort])
  const rowSelectionModel = useMemo(
    () => ({ type: 'include' as const, ids: new Set(selectedId ? [selectedId] : []) }),
    [selectedId],
  )

  // The selection follows the focus, so Enter from outside the grid opens the case last visited.
  useEffect(() => {
    const api = apiRef.current
    if (!api) return
    return api.subscribeEvent('cellFocusIn', (params) => onSelect(String(params.id)))
  }, [apiRef, onSelect])

  return (
    <Paper
      ref={frame}
      variant="outlined"
      sx={{ flex: '1 1 auto', minHeight: 4 * ROW_HEIGHT, display: 'flex', overflow: 'hidden' }}
    >
      <DataGrid<CaseListItem>
        apiRef={apiRef as RefObject<GridApi>}
        aria-label={t('grid.label')}
        nonce={styleNonce}
        rows={items}
        columns={columns}
        columnVisibilityModel={{ city: wide }}
        rowHeight={ROW_HEIGHT}
        columnHeaderHeight={ROW_HEIGHT}
        // The whole queue on one page (the core gives at most 500 cases); the grid renders only
        // the rows in view.
        initialState={{ pagination: { paginationModel: { page: 0, pageSize: -1 } } }}
        hideFooter
        sortingMode="server"
        sortModel={sortModel}
        sortingOrder={['asc', 'desc']}
        onSortModelChange={(model) => {
          const next = sortFromModel(model)
          if (next && next !== sort) onSort(next)
        }}
        disableColumnFilter
        disableColumnMenu
        disableRowSelectionOnClick
        disableMultipleRowSelection
        rowSelectionModel={rowSelectionModel}
        onRowClick={(params) => onOpen(params.row)}
        onCellKeyDown={(params, event) => {
          if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return
          // The order's link opens the case by itself.
          if ((event.target as Element).closest('a')) return
          event.defaultMuiPrevented = true
          event.preventDefault()
          onOpen(params.row)
        }}
        sx={{
          flex: 1,
          minWidth: 0,
          border: 0,
          '& .MuiDataGrid-row': { cursor: 'pointer' },
          '& .MuiDataGrid-row.Mui-selected': {
            boxShadow: (theme) => `inset 3px 0 0 ${(theme.vars ?? theme).palette.primary.main}`,
          },
          // Two lines to a row (the customer above the city, the age above the first action).
          '& .MuiDataGrid-cell:not(.MuiDataGrid-cellEmpty)': {
            display: 'flex',
            alignItems: 'center',
            lineHeight: 1.43,
            px: 1,
          },
          '& .MuiDataGrid-columnHeader': { px: 1, lineHeight: 1.43 },
          '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 500 },
          // Nothing to resize past the last column; its separator would reach past the grid.
          '& .MuiDataGrid-columnHeader--last .MuiDataGrid-columnSeparator': { display: 'none' },
          // Each header's resize handle inside its own header, not half over the next one's.
          '& .MuiDataGrid-columnSeparator--sideRight': { right: 0 },
          '& .MuiDataGrid-cell:focus-within, & .MuiDataGrid-columnHeader:focus-within': {
            outline: (theme) => `2px solid ${(theme.vars ?? theme).palette.primary.main}`,
            outlineOffset: -2,
          },
        }}
      />
    </Paper>
  )
}

/** Whether the element is at least `width` pixels wide, kept up to date as it resizes. */
function useWiderThan(element: RefObject<HTMLElement | null>, width: number): boolean {
  const [wide, setWide] = useState(false)
  useEffect(() => {
    const target = element.current
    if (!target) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWide(entry.contentRect.width >= width)
    })
    observer.observe(target)
    return () => observer.disconnect()
  }, [element, width])
  return wide
}

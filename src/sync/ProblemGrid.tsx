// A list of the sync report (rejected records, photos not shown) as a read-only Data Grid: up to
// REPORT_LIMIT rows, of which only those in view are rendered. It grows with its rows up to about
// ten, then scrolls inside itself, so the page around it never holds hundreds of rows. Long words
// wrap: each row is as tall as its longest cell.
import Paper from '@mui/material/Paper'
import { DataGrid, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid'
import { styleNonce } from '../ui/styleNonce.ts'

/** About ten rows of one line each, then the grid scrolls. */
const MAX_HEIGHT = 440

export function ProblemGrid<Row extends GridValidRowModel>(props: {
  rows: readonly Row[]
  columns: GridColDef<Row>[]
  getRowId: (row: Row) => string
  /** The id of the heading that names the list. */
  labelledBy: string
  /** Enter on a row (or a click on it) opens what it is about, when it is about something. */
  onOpen?: (row: Row) => void
}) {
  const { onOpen } = props
  return (
    <Paper
      variant="outlined"
      sx={{ display: 'flex', flexDirection: 'column', maxHeight: MAX_HEIGHT, overflow: 'hidden' }}
    >
      <DataGrid<Row>
        aria-labelledby={props.labelledBy}
        nonce={styleNonce}
        rows={props.rows}
        columns={props.columns}
        getRowId={props.getRowId}
        getRowHeight={() => 'auto'}
        getEstimatedRowHeight={() => 40}
        columnHeaderHeight={40}
        // Every row on one page (the core sends at most REPORT_LIMIT); only those in view render.
        initialState={{ pagination: { paginationModel: { page: 0, pageSize: -1 } } }}
        hideFooter
        disableColumnMenu
        disableColumnFilter
        disableRowSelectionOnClick
        {...(onOpen
          ? {
              onRowClick: (params: { row: Row }) => onOpen(params.row),
              onCellKeyDown: (params: { row: Row }, event: React.KeyboardEvent) => {
                if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return
                event.preventDefault()
                onOpen(params.row)
              },
            }
          : {})}
        sx={{
          border: 0,
          minHeight: 0,
          ...(onOpen ? { '& .MuiDataGrid-row': { cursor: 'pointer' } } : {}),
          '& .MuiDataGrid-cell': {
            py: 0.75,
            px: 1.5,
            lineHeight: 1.43,
            whiteSpace: 'normal',
            overflowWrap: 'anywhere',
            display: 'flex',
            alignItems: 'center',
          },
          '& .MuiDataGrid-columnHeader': { px: 1.5 },
          '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 500 },
          '& .MuiDataGrid-columnHeader--last .MuiDataGrid-columnSeparator': { display: 'none' },
          '& .MuiDataGrid-cell:focus-within, & .MuiDataGrid-columnHeader:focus-within': {
            outline: (theme) => `2px solid ${(theme.vars ?? theme).palette.primary.main}`,
            outlineOffset: -2,
          },
        }}
      />
    </Paper>
  )
}

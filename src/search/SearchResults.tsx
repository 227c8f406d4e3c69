// The results table: one tab stop for the whole list, the arrow keys move the focus row by row
// (the selection follows it), and the rows are memoised (see ResultRow.tsx).
import type { KeyboardEvent, Ref } from 'react'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { SearchResult } from '../../electron/core/api/definition.ts'
import { RESULT_STYLES, ResultRow } from './ResultRow.tsx'
import type { RowActions } from './ResultRow.tsx'

export const RESULTS_ID = 'search-results'

type Props = {
  results: SearchResult[]
  selectedIndex: number
  loading: boolean
  /** The table's name: the question the results answer. */
  label: string
  bodyRef: Ref<HTMLTableSectionElement>
  rowActions: RowActions
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
}

export function SearchResults(props: Props) {
  const { results, selectedIndex, loading, label, bodyRef, rowActions, onKeyDown } = props
  const { t } = useTranslation('search')
  return (
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
        aria-label={label}
        onKeyDown={onKeyDown}
        sx={RESULT_STYLES}
      >
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('table.order')}</TableCell>
            <TableCell scope="col">{t('table.tracking')}</TableCell>
            <TableCell scope="col">{t('table.customer')}</TableCell>
            <TableCell scope="col">{t('table.street')}</TableCell>
            <TableCell scope="col">{t('table.city')}</TableCell>
            <TableCell scope="col">{t('table.delivered')}</TableCell>
            <TableCell scope="col">{t('table.photo')}</TableCell>
            <TableCell scope="col">{t('table.location')}</TableCell>
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
              t={t}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

// The report's lists: repeat-claim customers and addresses, and drivers by cases per delivery,
// each a small table with what it counts.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { formatCount } from '../format/numbers.ts'

export const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

export function Lists({ figures }: { figures: ReportFigures }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, 1fr)' } }}>
      <ListCard
        id="repeat-customers-heading"
        title="Repeat-claim customers"
        note={`${formatCount(figures.repeatCustomers.total)} customers with two or more cases opened in the period.`}
        columns={['Customer', 'Cases']}
        rows={figures.repeatCustomers.top.map((c) => [c.name, formatCount(c.cases)])}
        empty="No customer claimed twice in the period."
      />
      <ListCard
        id="repeat-addresses-heading"
        title="Repeat-claim addresses"
        note={`${formatCount(figures.repeatAddresses.total)} addresses with two or more cases opened in the period.`}
        columns={['Address', 'Cases']}
        rows={figures.repeatAddresses.top.map((a) => [a.address, formatCount(a.cases)])}
        empty="No address had two claims in the period."
      />
      <ListCard
        id="top-drivers-heading"
        title="Drivers by cases per delivery"
        note={`Cases on their deliveries in the period; drivers with at least ${figures.topDrivers.minDeliveries} deliveries.`}
        columns={['Driver', 'Cases / deliveries', 'Rate']}
        rows={figures.topDrivers.top.map((d) => [
          d.name,
          `${formatCount(d.cases)} / ${formatCount(d.deliveries)}`,
          `${(d.casesPerDelivery * 100).toFixed(1)}%`,
        ])}
        empty="No driver with enough deliveries in the period has a case."
      />
      <ListCard
        id="reused-photo-drivers-heading"
        title="Drivers with reused or look-alike photos"
        note="Their deliveries in the period whose photo also appears at another address or on an earlier delivery."
        columns={['Driver', 'Flagged / deliveries']}
        rows={figures.reusedPhotoDrivers.map((d) => [
          d.name,
          `${formatCount(d.flagged)} / ${formatCount(d.deliveries)}`,
        ])}
        empty="No delivery in the period is flagged for a reused photo."
      />
    </Box>
  )
}

export function ListCard(props: {
  id: string
  title: string
  note: string
  columns: string[]
  rows: string[][]
  empty: ReactNode
}) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={props.id}
      sx={{ p: 2, minWidth: 0 }}
    >
      <Typography variant="h2" id={props.id}>
        {props.title}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {props.note}
      </Typography>
      {props.rows.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {props.empty}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby={props.id}>
          <TableHead>
            <TableRow>
              {props.columns.map((c, i) => (
                <TableCell key={c} scope="col" sx={i > 0 ? numberCell : undefined}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((row) => (
              <TableRow key={row[0]}>
                {row.map((cell, i) => (
                  <TableCell key={i} sx={i > 0 ? numberCell : { overflowWrap: 'anywhere' }}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  )
}

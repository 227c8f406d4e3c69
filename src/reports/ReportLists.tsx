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
import { PersonName } from '../ui/PersonName.tsx'

/** A driver by name, the id on hover and on focus (the report's tables hold no other control). */
function Driver({ driver }: { driver: { driverId: string; name: string } }) {
  return <PersonName id={driver.driverId} fallback={driver.name} focusable />
}

export const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

export function Lists({ figures }: { figures: ReportFigures }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, 1fr)' } }}>
      <ListCard
        id="repeat-customers-heading"
        title="Repeat-claim customers"
        note={`${formatCount(figures.repeatCustomers.total)} customers with two or more cases opened in the period.`}
        columns={['Customer', 'Cases']}
        rows={figures.repeatCustomers.top.map((c) => ({
          key: c.name,
          cells: [c.name, formatCount(c.cases)],
        }))}
        empty="No customer claimed twice in the period."
      />
      <ListCard
        id="repeat-addresses-heading"
        title="Repeat-claim addresses"
        note={`${formatCount(figures.repeatAddresses.total)} addresses with two or more cases opened in the period.`}
        columns={['Address', 'Cases']}
        rows={figures.repeatAddresses.top.map((a) => ({
          key: a.address,
          cells: [a.address, formatCount(a.cases)],
        }))}
        empty="No address had two claims in the period."
      />
      <ListCard
        id="top-drivers-heading"
        title="Drivers by cases per delivery"
        note={`Cases on their deliveries in the period; drivers with at least ${figures.topDrivers.minDeliveries} deliveries.`}
        columns={['Driver', 'Cases / deliveries', 'Rate']}
        rows={figures.topDrivers.top.map((d) => ({
          key: d.driverId,
          cells: [
            <Driver key="name" driver={d} />,
            `${formatCount(d.cases)} / ${formatCount(d.deliveries)}`,
            `${(d.casesPerDelivery * 100).toFixed(1)}%`,
          ],
        }))}
        empty="No driver with enough deliveries in the period has a case."
      />
      <ListCard
        id="reused-photo-drivers-heading"
        title="Drivers with reused or look-alike photos"
        note="Their deliveries in the period whose photo also appears at another address or on an earlier delivery."
        columns={['Driver', 'Flagged / deliveries']}
        rows={figures.reusedPhotoDrivers.map((d) => ({
          key: d.driverId,
          cells: [
            <Driver key="name" driver={d} />,
            `${formatCount(d.flagged)} / ${formatCount(d.deliveries)}`,
          ],
        }))}
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
  rows: Array<{ key: string; cells: ReactNode[] }>
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
              <TableRow key={row.key}>
                {row.cells.map((cell, i) => (
                  // break-word, not anywhere: a name keeps its words whole where the column can
                  // grow, and only a word too long for any width is broken.
                  <TableCell key={i} sx={i > 0 ? numberCell : { overflowWrap: 'break-word' }}>
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

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
import { useTranslation } from 'react-i18next'
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { formatCount, formatShare } from '../format/numbers.ts'
import { PersonName } from '../ui/PersonName.tsx'

/** A driver by name, the id on hover and on focus (the report's tables hold no other control). */
function Driver({ driver }: { driver: { driverId: string; name: string } }) {
  return <PersonName id={driver.driverId} fallback={driver.name} focusable />
}

export const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

export function Lists({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation('reports')
  const ratio = (part: number, whole: number) => t('lists.ratio', { part, whole })
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, 1fr)' } }}>
      <ListCard
        id="repeat-customers-heading"
        title={t('lists.repeatCustomers')}
        note={t('lists.repeatCustomersNote', { count: figures.repeatCustomers.total })}
        columns={[t('lists.customer'), t('lists.cases')]}
        rows={figures.repeatCustomers.top.map((c) => ({
          key: c.customerId,
          cells: [
            <bdi key="name" translate="no" dir="auto">
              {c.name}
            </bdi>,
            formatCount(c.cases),
          ],
        }))}
        empty={t('lists.noRepeatCustomer')}
      />
      <ListCard
        id="repeat-addresses-heading"
        title={t('lists.repeatAddresses')}
        note={t('lists.repeatAddressesNote', { count: figures.repeatAddresses.total })}
        columns={[t('lists.address'), t('lists.cases')]}
        rows={figures.repeatAddresses.top.map((a) => ({
          key: a.address,
          cells: [
            <bdi key="address" translate="no" dir="auto">
              {a.address}
            </bdi>,
            formatCount(a.cases),
          ],
        }))}
        empty={t('lists.noRepeatAddress')}
      />
      <ListCard
        id="top-drivers-heading"
        title={t('lists.topDrivers')}
        note={t('lists.topDriversNote', { count: figures.topDrivers.minDeliveries })}
        columns={[t('lists.driver'), t('lists.casesPerDeliveries'), t('lists.rate')]}
        rows={figures.topDrivers.top.map((d) => ({
          key: d.driverId,
          cells: [
            <Driver key="name" driver={d} />,
            ratio(d.cases, d.deliveries),
            formatShare(d.casesPerDelivery),
          ],
        }))}
        empty={t('lists.noTopDriver')}
      />
      <ListCard
        id="reused-photo-drivers-heading"
        title={t('lists.reusedPhotos')}
        note={t('lists.reusedPhotosNote')}
        columns={[t('lists.driver'), t('lists.flaggedPerDeliveries')]}
        rows={figures.reusedPhotoDrivers.map((d) => ({
          key: d.driverId,
          cells: [<Driver key="name" driver={d} />, ratio(d.flagged, d.deliveries)],
        }))}
        empty={t('lists.noReusedPhoto')}
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

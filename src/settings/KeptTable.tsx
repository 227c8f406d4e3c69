// What Porchlight keeps on this computer, for how long, and how much of it there is now, as a
// table; and when expired data was last removed.
import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { RetentionOverview } from '../../electron/core/api/privacy-schemas.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'
import { formatDateTime } from '../format/time.ts'
import { plural } from '../format/numbers.ts'

export function daysLabel(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`
  return `${days} days`
}

export function dateOnly(iso: string | null): string {
  return iso ? formatDateTime(iso).replace(/,?\s*\d{1,2}:\d{2}.*$/, '') : ''
}

export function lastRunText(overview: RetentionOverview): string {
  const run = overview.lastRun
  if (!run) return 'Nothing has been removed yet.'
  const removed =
    run.photosPurged + run.deliveriesPurged === 0
      ? 'nothing had expired'
      : `${plural(run.photosPurged, 'photo', 'photos')} and ${plural(run.deliveriesPurged, 'delivery', 'deliveries')} removed`
  return `Last removal ${formatDateTime(run.at)}: ${removed}.`
}

export function KeptTable({
  overview,
  captionId,
}: {
  overview: RetentionOverview
  captionId: string
}) {
  const { photos, deliveries } = overview
  const rows: Array<{ what: string; howLong: string; now: string }> = [
    {
      what: 'Photos and thumbnails',
      howLong: `${daysLabel(overview.photoDays)} after they were taken; longer while a case on the delivery is open`,
      now:
        `${plural(photos.stored, 'photo', 'photos')}` +
        (photos.oldestTakenAt ? `, oldest from ${dateOnly(photos.oldestTakenAt)}` : '') +
        (photos.keptForOpenCases > 0
          ? `; ${plural(photos.keptForOpenCases, 'is', 'are')} kept for open cases`
          : ''),
    },
    {
      what: 'Delivery records (names, addresses, contact details)',
      howLong: `${daysLabel(overview.deliveryDays)} after delivery; longer while the delivery has a case`,
      now:
        `${plural(deliveries.count, 'delivery', 'deliveries')}` +
        (deliveries.oldestAt ? `, oldest from ${dateOnly(deliveries.oldestAt)}` : '') +
        (deliveries.keptForCases > 0
          ? `; ${plural(deliveries.keptForCases, 'is', 'are')} kept for cases`
          : ''),
    },
    {
      what: 'Cases and your work on them',
      howLong: 'As long as the delivery service keeps them',
      now: plural(overview.cases, 'case', 'cases'),
    },
    {
      what: 'Audit log of photo views and exports',
      howLong: 'Always: it holds ids and times, no customer details',
      now: plural(overview.auditLog.entries, 'entry', 'entries'),
    },
    {
      what: 'Your sign-in',
      howLong: 'Until you sign out; protected by the operating system',
      now: '—',
    },
  ]
  return (
    <Table size="small" aria-labelledby={captionId} sx={{ '& td, & th': { px: 1.5 } }}>
      <caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
        <Box component="span" sx={visuallyHidden}>
          What is kept, for how long, and how much there is now
        </Box>
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            What
          </TableCell>
          <TableCell component="th" scope="col">
            Kept for
          </TableCell>
          <TableCell component="th" scope="col">
            On this computer now
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.what}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 500, width: '28%' }}>
              {row.what}
            </TableCell>
            <TableCell sx={{ width: '38%' }}>{row.howLong}</TableCell>
            <TableCell>{row.now}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

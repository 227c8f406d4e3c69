// What Porchlight keeps on this computer, for how long, and how much of it there is now, as a
// table; and when expired data was last removed.
import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { RetentionOverview } from '../../electron/core/api/privacy-schemas.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'
import { formatDate, formatDateTime } from '../format/time.ts'

/** "30 days", "1 year", "2 years". */
export function daysLabel(days: number): string {
  if (days % 365 === 0) return t('settings:retention.years', { count: days / 365 })
  return t('settings:retention.days', { count: days })
}

export function lastRunText(overview: RetentionOverview): string {
  const run = overview.lastRun
  if (!run) return t('settings:retention.nothingYet')
  const at = formatDateTime(run.at)
  if (run.photosPurged + run.deliveriesPurged === 0) {
    return t('settings:retention.lastNothing', { at })
  }
  return t('settings:retention.lastRemoved', {
    at,
    photos: t('settings:retention.photos', { count: run.photosPurged }),
    deliveries: t('settings:retention.deliveries', { count: run.deliveriesPurged }),
  })
}

/** "120 photos, oldest from Oct 13, 2026; 3 are kept for open cases". */
function howMuch(
  counted: string,
  oldest: string | null,
  kept: number,
  keptKey: 'kept.keptForOpenCases' | 'kept.keptForCases',
): string {
  const withOldest = oldest
    ? t('settings:kept.oldest', { amount: counted, date: formatDate(oldest) })
    : counted
  return kept > 0 ? t(`settings:${keptKey}`, { what: withOldest, count: kept }) : withOldest
}

export function KeptTable({
  overview,
  captionId,
}: {
  overview: RetentionOverview
  captionId: string
}) {
  const { t } = useTranslation('settings')
  const { photos, deliveries } = overview
  const rows: Array<{ key: string; what: string; howLong: string; now: string }> = [
    {
      key: 'photos',
      what: t('kept.photos'),
      howLong: t('kept.photosFor', { period: daysLabel(overview.photoDays) }),
      now: howMuch(
        t('retention.photos', { count: photos.stored }),
        photos.oldestTakenAt,
        photos.keptForOpenCases,
        'kept.keptForOpenCases',
      ),
    },
    {
      key: 'records',
      what: t('kept.records'),
      howLong: t('kept.recordsFor', { period: daysLabel(overview.deliveryDays) }),
      now: howMuch(
        t('retention.deliveries', { count: deliveries.count }),
        deliveries.oldestAt,
        deliveries.keptForCases,
        'kept.keptForCases',
      ),
    },
    {
      key: 'cases',
      what: t('kept.cases'),
      howLong: t('kept.casesFor'),
      now: t('retention.cases', { count: overview.cases }),
    },
    {
      key: 'audit',
      what: t('kept.audit'),
      howLong: t('kept.auditFor'),
      now: t('retention.entries', { count: overview.auditLog.entries }),
    },
    {
      key: 'sign-in',
      what: t('kept.signIn'),
      howLong: t('kept.signInFor'),
      now: t('kept.none'),
    },
  ]
  return (
    <Table size="small" aria-labelledby={captionId} sx={{ '& td, & th': { px: 1.5 } }}>
      <caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
        <Box component="span" sx={visuallyHidden}>
          {t('kept.caption')}
        </Box>
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {t('kept.what')}
          </TableCell>
          <TableCell component="th" scope="col">
            {t('kept.keptFor')}
          </TableCell>
          <TableCell component="th" scope="col">
            {t('kept.now')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
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

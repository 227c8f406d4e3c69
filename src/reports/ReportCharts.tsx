// The report's charts (MUI X Charts): cases per day, resolutions by code, and how long cases took
// to resolve. Each one is also a table with the same numbers: screen readers always get the
// table (the drawing is hidden from them, and takes no keyboard focus), and anyone can switch a
// card to it. MUI X Charts has no Spanish words of its own: the charts take theirs (loading, no
// data) from the catalogue, and their numbers and days are written in the locale spoken.
import { useId, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import { BarChart } from '@mui/x-charts/BarChart'
import type { ChartsLocaleText } from '@mui/x-charts/locales'
import { useTranslation } from 'react-i18next'
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { currentLocale, localized } from '../../electron/core/messages/messages.ts'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'
import { formatCount, formatShare } from '../format/numbers.ts'

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

/** A count in a chart's tooltip or on its axis, as everywhere: "1,234" ("1.234" in Spanish). */
const countOf = (value: number | null) => (value === null ? '' : formatCount(value))

/**
 * A category's name under its bar: on two lines, broken at the space nearest its
 * middle, when it is long, so that longer languages' words are shown whole rather than cut or
 * skipped; the tooltip keeps it on one line.
 */
function tickLabel(label: string, context: { location: string }): string {
  if (context.location !== 'tick' || label.length <= 14) return label
  let best = -1
  for (let at = label.indexOf(' '); at !== -1; at = label.indexOf(' ', at + 1)) {
    if (best === -1 || Math.abs(at - label.length / 2) < Math.abs(best - label.length / 2))
      best = at
  }
  return best === -1 ? label : `${label.slice(0, best)}\n${label.slice(best + 1)}`
}

export function ReportCharts({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation('reports')
  const theme = useTheme()
  const opened = theme.palette.primary.main
  const resolved = theme.palette.success.main
  const locale = currentLocale()
  // A day of the period, "Jun 3" ("3 jun" in Spanish): days are calendar days, read as such.
  const shortDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    })
    return (day: string) => localized(format.format(new Date(`${day}T00:00:00Z`)))
  }, [locale])
  const localeText: Partial<ChartsLocaleText> = {
    loading: t('charts.loading'),
    noData: t('charts.noData'),
    a11yNoValue: t('charts.noValue'),
  }
  const bucket = (code: ReportFigures['timeToResolveBuckets'][number]['bucket']) =>
    t(`charts.bucket.${code}`)
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' },
      }}
    >
      <ChartCard
        title={t('charts.perDay')}
        chart={
          <BarChart
            disableKeyboardNavigation
            localeText={localeText}
            height={260}
            xAxis={[
              {
                scaleType: 'band',
                data: figures.perDay.map((d) => shortDay(d.day)),
              },
            ]}
            yAxis={[{ tickMinStep: 1, width: 36, valueFormatter: countOf }]}
            series={[
              {
                label: t('charts.opened'),
                data: figures.perDay.map((d) => d.opened),
                color: opened,
                valueFormatter: countOf,
              },
              {
                label: t('charts.resolved'),
                data: figures.perDay.map((d) => d.resolved),
                color: resolved,
                valueFormatter: countOf,
              },
            ]}
            margin={{ left: 0, right: 16 }}
          />
        }
        table={
          <DataTable
            columns={[t('charts.day'), t('charts.opened'), t('charts.resolved')]}
            rows={figures.perDay.map((d) => [shortDay(d.day), d.opened, d.resolved])}
          />
        }
      />
      <ChartCard
        title={t('charts.resolutions')}
        chart={
          <BarChart
            disableKeyboardNavigation
            localeText={localeText}
            height={260}
            layout="horizontal"
            yAxis={[
              {
                scaleType: 'band',
                data: figures.resolutions.map((r) => RESOLUTION_LABELS[r.code]),
                // Room for the longest name on one line ("Reclamación al transportista").
                width: 190,
              },
            ]}
            xAxis={[{ tickMinStep: 1, valueFormatter: countOf }]}
            series={[
              {
                label: t('charts.cases'),
                data: figures.resolutions.map((r) => r.count),
                color: resolved,
                valueFormatter: countOf,
              },
            ]}
            hideLegend
            margin={{ right: 16 }}
          />
        }
        table={
          <DataTable
            columns={[t('charts.resolution'), t('charts.cases'), t('charts.share')]}
            rows={figures.resolutions.map((r) => [
              RESOLUTION_LABELS[r.code],
              r.count,
              formatShare(r.share),
            ])}
          />
        }
      />
      <ChartCard
        title={t('charts.timeToResolve')}
        chart={
          <BarChart
            disableKeyboardNavigation
            localeText={localeText}
            height={240}
            xAxis={[
              {
                scaleType: 'band',
                data: figures.timeToResolveBuckets.map((b) => bucket(b.bucket)),
                valueFormatter: tickLabel,
                height: 44,
              },
            ]}
            yAxis={[{ tickMinStep: 1, width: 36, valueFormatter: countOf }]}
            series={[
              {
                label: t('charts.cases'),
                data: figures.timeToResolveBuckets.map((b) => b.count),
                color: opened,
                valueFormatter: countOf,
              },
            ]}
            hideLegend
            margin={{ left: 0, right: 16 }}
          />
        }
        table={
          <DataTable
            columns={[t('charts.timeToResolve'), t('charts.cases')]}
            rows={figures.timeToResolveBuckets.map((b) => [bucket(b.bucket), b.count])}
          />
        }
      />
    </Box>
  )
}

/** A chart with its table: the table is always there for screen readers, or shown instead. */
function ChartCard(props: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation('reports')
  const id = useId()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={id}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1, minWidth: 0 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" id={id} sx={{ flex: 1 }}>
          {props.title}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, next: 'chart' | 'table' | null) => next && setView(next)}
          aria-label={t('charts.showAs', { title: props.title })}
        >
          <ToggleButton value="chart" sx={{ py: 0.25 }}>
            {t('charts.chart')}
          </ToggleButton>
          <ToggleButton value="table" sx={{ py: 0.25 }}>
            {t('charts.table')}
          </ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {view === 'chart' ? (
        <>
          <Box aria-hidden="true">{props.chart}</Box>
          <Box sx={visuallyHidden}>{props.table}</Box>
        </>
      ) : (
        props.table
      )}
    </Paper>
  )
}

function DataTable({ columns, rows }: { columns: string[]; rows: Array<Array<string | number>> }) {
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {columns.map((c, i) => (
            <TableCell key={c} scope="col" sx={i > 0 ? numberCell : undefined}>
              {c}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <TableCell key={i} component="th" scope="row">
                  {cell}
                </TableCell>
              ) : (
                <TableCell key={i} sx={numberCell}>
                  {typeof cell === 'number' ? formatCount(cell) : cell}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

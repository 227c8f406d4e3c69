// The report's charts (MUI X Charts): cases per day, resolutions by code, and how long cases took
// to resolve. Each one is also a table with the same numbers: screen readers always get the
// table (the drawing is hidden from them, and takes no keyboard focus), and anyone can switch a
// card to it.
import { useId, useState } from 'react'
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
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'
import { formatCount } from '../format/numbers.ts'

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const
const dayLabel = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})
const shortDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`))

export function ReportCharts({ figures }: { figures: ReportFigures }) {
  const theme = useTheme()
  const opened = theme.palette.primary.main
  const resolved = theme.palette.success.main
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' },
      }}
    >
      <ChartCard
        title="Cases per day"
        chart={
          <BarChart
            disableKeyboardNavigation
            height={260}
            xAxis={[
              {
                scaleType: 'band',
                data: figures.perDay.map((d) => shortDay(d.day)),
              },
            ]}
            yAxis={[{ tickMinStep: 1, width: 36 }]}
            series={[
              { label: 'Opened', data: figures.perDay.map((d) => d.opened), color: opened },
              { label: 'Resolved', data: figures.perDay.map((d) => d.resolved), color: resolved },
            ]}
            margin={{ left: 0, right: 16 }}
          />
        }
        table={
          <DataTable
            columns={['Day', 'Opened', 'Resolved']}
            rows={figures.perDay.map((d) => [shortDay(d.day), d.opened, d.resolved])}
          />
        }
      />
      <ChartCard
        title="Resolutions by code"
        chart={
          <BarChart
            disableKeyboardNavigation
            height={260}
            layout="horizontal"
            yAxis={[
              {
                scaleType: 'band',
                data: figures.resolutions.map((r) => RESOLUTION_LABELS[r.code]),
                width: 150,
              },
            ]}
            xAxis={[{ tickMinStep: 1 }]}
            series={[
              { label: 'Cases', data: figures.resolutions.map((r) => r.count), color: resolved },
            ]}
            hideLegend
            margin={{ right: 16 }}
          />
        }
        table={
          <DataTable
            columns={['Resolution', 'Cases', 'Share']}
            rows={figures.resolutions.map((r) => [
              RESOLUTION_LABELS[r.code],
              r.count,
              `${(r.share * 100).toFixed(1)}%`,
            ])}
          />
        }
      />
      <ChartCard
        title="Time to resolve"
        chart={
          <BarChart
            disableKeyboardNavigation
            height={240}
            xAxis={[{ scaleType: 'band', data: figures.timeToResolveBuckets.map((b) => b.label) }]}
            yAxis={[{ tickMinStep: 1, width: 36 }]}
            series={[
              {
                label: 'Cases',
                data: figures.timeToResolveBuckets.map((b) => b.count),
                color: opened,
              },
            ]}
            hideLegend
            margin={{ left: 0, right: 16 }}
          />
        }
        table={
          <DataTable
            columns={['Time to resolve', 'Cases']}
            rows={figures.timeToResolveBuckets.map((b) => [b.label, b.count])}
          />
        }
      />
    </Box>
  )
}

/** A chart with its table: the table is always there for screen readers, or shown instead. */
function ChartCard(props: { title: string; chart: ReactNode; table: ReactNode }) {
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
          aria-label={`${props.title}: show as`}
        >
          <ToggleButton value="chart" sx={{ py: 0.25 }}>
            Chart
          </ToggleButton>
          <ToggleButton value="table" sx={{ py: 0.25 }}>
            Table
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

// Reports, for supervisors: how missing-package cases were handled over a period, as figures,
// charts (each also a table) and lists, and exports of the same selection in CSV, XLSX or PDF.
// Loaded on demand (React.lazy), with its chart library, so agents never download it.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import type { ReportFigures } from '../../electron/core/api/report-schemas.ts'
import { formatCount } from '../format/numbers.ts'
import { ExportPanel } from './ExportPanel.tsx'
import { ReportCharts } from './ReportCharts.tsx'
import { ReportFilterBar } from './ReportFilterBar.tsx'
import { useReport } from './useReport.ts'
import {
  LOCAL_TIME_ZONE,
  defaultChoices,
  reportFilters,
  type ReportChoices,
} from './reportPeriod.ts'

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

export default function ReportsScreen() {
  const [choices, setChoices] = useState<ReportChoices>(defaultChoices)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const filters = useMemo(() => reportFilters(choices), [choices])
  const { options, figures, loading, error, retry } = useReport(filters)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  return (
    <Box
      component="main"
      aria-labelledby="reports-heading"
      aria-busy={loading}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2.5,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'flex-end', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Typography
            variant="h1"
            id="reports-heading"
            ref={headingRef}
            tabIndex={-1}
            sx={{ outline: 'none' }}
          >
            Reports
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            Missing-package cases in this computer’s copy, with its unsent work. Days are days in{' '}
            {LOCAL_TIME_ZONE}.
          </Typography>
        </Box>
        {loading && figures && (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', gap: 1, color: 'text.secondary', typography: 'body2' }}
          >
            <CircularProgress size={14} aria-hidden="true" />
            Updating…
          </Stack>
        )}
      </Stack>

      <ReportFilterBar
        choices={choices}
        options={options}
        onChange={setChoices}
        onClear={() =>
          setChoices((c) => ({ ...defaultChoices(), preset: c.preset, from: c.from, to: c.to }))
        }
      />

      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          }
        >
          The report could not be made. {error}
        </Alert>
      )}

      {figures ? (
        <>
          <Headline figures={figures} />
          {figures.opened === 0 && figures.resolved === 0 ? (
            <Paper variant="outlined" sx={{ p: 4, textAlign: 'center', color: 'text.secondary' }}>
              <InboxOutlinedIcon aria-hidden sx={{ fontSize: 40, mb: 1 }} />
              <Typography>
                No case was opened or resolved in this period with these filters.
              </Typography>
              <Typography variant="body2">Choose a longer period or clear the filters.</Typography>
            </Paper>
          ) : (
            <>
              <ReportCharts figures={figures} />
              <Lists figures={figures} />
            </>
          )}
          <ExportPanel filters={filters} />
        </>
      ) : (
        !error && <ReportSkeleton />
      )}
    </Box>
  )
}

function Headline({ figures }: { figures: ReportFigures }) {
  const hours = (h: number | null) =>
    h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`
  return (
    <Box
      component="dl"
      aria-label="Figures"
      sx={{
        m: 0,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
      }}
    >
      <Figure term="Cases opened" value={formatCount(figures.opened)} />
      <Figure term="Cases resolved" value={formatCount(figures.resolved)} />
      <Figure term="Open now" value={formatCount(figures.openNow)} note="whenever opened" />
      <Figure term="Median time to resolve" value={hours(figures.timeToResolveHours.median)} />
      <Figure
        term="90th percentile"
        value={hours(figures.timeToResolveHours.p90)}
        note="time to resolve"
      />
      <Figure
        term="Delivered away from the address"
        value={`${(figures.awayFromAddress.share * 100).toFixed(1)}%`}
        note={`${formatCount(figures.awayFromAddress.count)} of the cases opened (over ${figures.locationThresholdM} m)`}
      />
    </Box>
  )
}

function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <Paper
      variant="outlined"
      sx={{
        px: 1.75,
        py: 1.25,
        display: 'flex',
        flexDirection: 'column-reverse',
        justifyContent: 'flex-end',
      }}
    >
      <Box component="dt" sx={{ typography: 'body2', color: 'text.secondary' }}>
        {term}
        {note && (
          <Box component="span" sx={{ display: 'block', fontSize: '0.75rem' }}>
            {note}
          </Box>
        )}
      </Box>
      <Box
        component="dd"
        sx={{ m: 0, fontSize: '1.6rem', fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Box>
    </Paper>
  )
}

function Lists({ figures }: { figures: ReportFigures }) {
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
    </Box>
  )
}

function ListCard(props: {
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

function ReportSkeleton() {
  return (
    <Box
      role="status"
      aria-label="Making the report"
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
        }}
      >
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} variant="rounded" height={78} />
        ))}
      </Box>
      <Skeleton variant="rounded" height={300} />
    </Box>
  )
}

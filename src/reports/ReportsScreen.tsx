// Reports, for supervisors: how missing-package cases were handled over a period, as figures,
// charts (each also a table) and lists, and exports of the same selection in CSV, XLSX or PDF.
// Loaded on demand (React.lazy), with its chart library, so agents never download it.
import { useEffect, useMemo, useRef, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import { Trans, useTranslation } from 'react-i18next'
import { ExportPanel } from './ExportPanel.tsx'
import { ReportCharts } from './ReportCharts.tsx'
import { ReportFilterBar } from './ReportFilterBar.tsx'
import { useReport } from './useReport.ts'
import {
  LOCAL_TIME_ZONE,
  defaultChoices,
  periodProblem,
  reportFilters,
  type ReportChoices,
} from './reportPeriod.ts'
import { Headline } from './ReportHeadline.tsx'
import { Lists } from './ReportLists.tsx'

export default function ReportsScreen() {
  const { t } = useTranslation('reports')
  const [choices, setChoices] = useState<ReportChoices>(defaultChoices)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // A period the report calls would refuse is said at its field, and never asked for.
  const problem = periodProblem(choices)
  const [asked, setAsked] = useState(choices)
  if (!problem && asked !== choices) setAsked(choices)
  const filters = useMemo(() => reportFilters(asked), [asked])
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
            {t('screen.title')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            <Trans
              t={t}
              i18nKey="screen.intro"
              values={{ timeZone: LOCAL_TIME_ZONE }}
              components={{ 0: <span translate="no" /> }}
            />
          </Typography>
        </Box>
        {loading && figures && (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', gap: 1, color: 'text.secondary', typography: 'body2' }}
          >
            <CircularProgress size={14} aria-hidden="true" />
            {t('screen.updating')}
          </Stack>
        )}
      </Stack>

      <ReportFilterBar
        choices={choices}
        problem={problem}
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
              {t('screen.retry')}
            </Button>
          }
        >
          {t('screen.failed', { reason: error })}
        </Alert>
      )}

      {figures ? (
        <>
          <Headline figures={figures} />
          {figures.opened === 0 && figures.resolved === 0 ? (
            <Paper variant="outlined" sx={{ p: 4, textAlign: 'center', color: 'text.secondary' }}>
              <InboxOutlinedIcon aria-hidden sx={{ fontSize: 40, mb: 1 }} />
              <Typography>{t('screen.emptyTitle')}</Typography>
              <Typography variant="body2">{t('screen.emptyHint')}</Typography>
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

function ReportSkeleton() {
  const { t } = useTranslation('reports')
  return (
    <Box
      role="status"
      aria-label={t('screen.making')}
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

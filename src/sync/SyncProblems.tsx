// What the last run could not take: the records the service sent that Porchlight could not store,
// with the validator's reason, and the photos it could not fetch or show. Each list is a grid that
// renders only the rows in view (up to REPORT_LIMIT rows each).
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import type { GridColDef } from '@mui/x-data-grid'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncReport } from '../../electron/core/api/definition.ts'
import { navigate, routeHref } from '../navigation/route.ts'
import { reasonInWords, streamLabel } from './syncWords.ts'
import { ProblemGrid } from './ProblemGrid.tsx'
import { REPORT_LIMIT, Section, Muted, EmptyNote, LimitNote } from './ReportSection.tsx'
import { MONOSPACE } from '../ui/monospace.ts'

const MONO = { fontFamily: MONOSPACE, fontSize: '0.8rem' } as const

type Rejection = SyncReport['rejections'][number] & { key: string }

export function Rejections({ rejections }: { rejections: SyncReport['rejections'] }) {
  const { t } = useTranslation('sync')
  const rows = useMemo<Rejection[]>(
    () => rejections.map((r, index) => ({ ...r, key: `${r.stream}-${r.itemId ?? ''}-${index}` })),
    [rejections],
  )
  const columns = useMemo<GridColDef<Rejection>[]>(
    () => [
      {
        field: 'stream',
        headerName: t('rejections.kind'),
        width: 120,
        valueGetter: (_value, row) => streamLabel(row.stream),
      },
      {
        field: 'itemId',
        headerName: t('rejections.id'),
        width: 150,
        renderCell: ({ row }) =>
          row.itemId !== null ? (
            <Box component="span" translate="no" sx={MONO}>
              {row.itemId}
            </Box>
          ) : (
            <Muted>{t('rejections.noId')}</Muted>
          ),
      },
      {
        field: 'words',
        headerName: t('rejections.wrong'),
        flex: 1,
        minWidth: 200,
        valueGetter: (_value, row) => reasonInWords(row.reason).words,
      },
      {
        // The validator's own words, as the log has them: a developer searches for them.
        field: 'reason',
        headerName: t('rejections.reason'),
        flex: 1.2,
        minWidth: 220,
        renderCell: ({ row }) => (
          <Box component="span" translate="no" sx={MONO}>
            {row.reason}
          </Box>
        ),
      },
    ],
    [t],
  )
  return (
    <Section
      id="rejections-heading"
      title={t('rejections.title')}
      count={rejections.length}
      description={rejections.length > 0 ? t('rejections.intro') : undefined}
    >
      {rejections.length === 0 ? (
        <EmptyNote ok>{t('rejections.none')}</EmptyNote>
      ) : (
        <ProblemGrid
          rows={rows}
          columns={columns}
          getRowId={(row) => row.key}
          labelledBy="rejections-heading"
        />
      )}
      {rejections.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}

type PhotoProblem = SyncReport['photoProblems'][number]

export function PhotoProblems({ problems }: { problems: SyncReport['photoProblems'] }) {
  const { t } = useTranslation('sync')
  const columns = useMemo<GridColDef<PhotoProblem>[]>(
    () => [
      {
        field: 'orderId',
        headerName: t('photoProblems.order'),
        // An order id on one line, as everywhere else ("114-4892321-3946693").
        width: 190,
        renderCell: ({ row, tabIndex }) => (
          <Link
            href={routeHref({ screen: 'delivery', deliveryId: row.deliveryId })}
            underline="hover"
            tabIndex={tabIndex}
            aria-label={t('photoProblems.open', { order: row.orderId })}
            sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}
          >
            <span translate="no">{row.orderId}</span>
          </Link>
        ),
      },
      {
        field: 'photoId',
        headerName: t('photoProblems.id'),
        width: 200,
        renderCell: ({ row }) => (
          <Box component="span" translate="no" sx={MONO}>
            {row.photoId}
          </Box>
        ),
      },
      { field: 'reason', headerName: t('photoProblems.reason'), flex: 1, minWidth: 240 },
    ],
    [t],
  )
  return (
    <Section
      id="photo-problems-heading"
      title={t('photoProblems.title')}
      count={problems.length}
      description={problems.length > 0 ? t('photoProblems.intro') : undefined}
    >
      {problems.length === 0 ? (
        <EmptyNote ok>{t('photoProblems.none')}</EmptyNote>
      ) : (
        <ProblemGrid
          rows={problems}
          columns={columns}
          getRowId={(row) => row.photoId}
          labelledBy="photo-problems-heading"
          onOpen={(row) => navigate({ screen: 'delivery', deliveryId: row.deliveryId })}
        />
      )}
      {problems.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}

// The Cases queue: every missing-package case in the local copy, filtered and sorted as the URL
// says, with how each one stands against its first-action target and whether this console still
// has work on it to send. Read again every few seconds, so other agents' work shows up live.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import KeyboardOutlinedIcon from '@mui/icons-material/KeyboardOutlined'
import ShortTextOutlinedIcon from '@mui/icons-material/ShortTextOutlined'
import { useGridApiRef } from '@mui/x-data-grid'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import type { Session } from '../../electron/core/api/definition.ts'
import { userMessage } from '../api/client.ts'
import { CASE_POLL_MS, queries } from '../api/queries.ts'
import { navigate, replaceRoute } from '../navigation/route.ts'
import { useNow } from '../format/time.ts'
import { CannedNotesDialog } from './CannedNotesDialog.tsx'
import {
  DEFAULT_CASE_FILTERS,
  caseFiltersQuery,
  isFiltered,
  listCasesArg,
  parseCaseFilters,
} from '../navigation/caseFilters.ts'
import type { CaseFilters, CaseSort } from '../navigation/caseFilters.ts'
import { lastQueueCase, rememberQueue, rememberQueueCase } from '../navigation/lastQueue.ts'
import { useQueueKeys } from './useQueueKeys.ts'
import { CaseFilterBar } from './CaseFilterBar.tsx'
import { CaseQueueGrid } from './CaseQueueGrid.tsx'
import { queueSummary, QueueSkeleton, EmptyQueue } from './CaseQueueStates.tsx'

type Props = {
  filters: CaseFilters
  user: NonNullable<Session['user']>
}

const HEADING_ID = 'cases-heading'

export function CasesScreen({ filters, user }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const query = caseFiltersQuery(filters)
  // The same filters, one object while the URL stays the same.
  const current = useMemo(() => parseCaseFilters(query), [query])
  // Read again every few seconds, and at once when a case changes here.
  const list = useQuery({
    ...queries.caseList(listCasesArg(current)),
    refetchInterval: CASE_POLL_MS,
    // A new filter keeps the rows in view until its own arrive, rather than a skeleton per key.
    placeholderData: keepPreviousData,
  })
  const listError = list.error ? userMessage(list.error) : null
  const now = useNow(15_000)
  // The row last opened or moved to, kept for the way back from a case.
  const [selectedId, setSelectedId] = useState<string | null>(lastQueueCase)
  const [cannedOpen, setCannedOpen] = useState(false)
  const apiRef = useGridApiRef()

  useEffect(() => {
    rememberQueue(current)
  }, [current])

  const select = useCallback((id: string) => {
    setSelectedId(id)
    rememberQueueCase(id)
  }, [])

  const items = useMemo(() => list.data ?? [], [list.data])
  const found = items.findIndex((c) => c.id === selectedId)
  const selectedIndex = found >= 0 ? found : 0

  const setFilters = useCallback(
    (patch: Partial<CaseFilters>, how: 'push' | 'replace' = 'push') =>
      (how === 'push' ? navigate : replaceRoute)({
        screen: 'cases',
        filters: { ...current, ...patch },
      }),
    [current],
  )
  const setSort = useCallback(
    (sort: CaseSort) => navigate({ screen: 'cases', filters: { ...current, sort } }),
    [current],
  )

  const open = useCallback(
    (item: CaseListItem) => {
      select(item.id)
      navigate({ screen: 'case', caseId: item.id })
    },
    [select],
  )

  const focusRow = useCallback(
    (index: number) => {
      const item = items[index]
      const api = apiRef.current
      if (!item || !api) return
      select(item.id)
      api.scrollToIndexes({ rowIndex: index })
      api.setCellFocus(item.id, 'order')
    },
    [items, apiRef, select],
  )

  useQueueKeys({ items, selectedIndex, apiRef, focusRow, open })

  // Back from a case: the row it was opened from is in view again, and focused when nothing else
  // is, so the keys go on from where they were.
  const restored = useRef(false)
  useEffect(() => {
    if (restored.current || !list.data || found < 0 || !apiRef.current) return
    restored.current = true
    apiRef.current.scrollToIndexes({ rowIndex: found })
    if (document.activeElement === document.body) focusRow(found)
  }, [restored, list.data, found, apiRef, focusRow])

  const filtered = isFiltered(filters)
  const supervisor = user.role === 'supervisor'

  return (
    <Box
      component="main"
      aria-labelledby={HEADING_ID}
      aria-busy={list.isPending}
      sx={{
        gridArea: 'main',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        p: 3,
        gap: 2,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'flex-end', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Typography variant="h1" id={HEADING_ID}>
            {t('queue.title')}
          </Typography>
          <Typography
            role="status"
            variant="body2"
            sx={{ color: 'text.secondary', mt: 0.5, minHeight: '1.43em' }}
          >
            {list.data ? queueSummary(list.data, user.id, now) : ''}
          </Typography>
        </Box>
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary', display: 'flex', alignItems: 'center', gap: 0.75 }}
        >
          <KeyboardOutlinedIcon fontSize="small" aria-hidden />
          <span>
            <Trans
              t={t}
              i18nKey="queue.keys"
              components={{ 0: <kbd />, 1: <kbd />, 2: <kbd />, 3: <kbd /> }}
            />
          </span>
        </Typography>
        {supervisor && (
          <Button
            variant="outlined"
            startIcon={<ShortTextOutlinedIcon />}
            onClick={() => setCannedOpen(true)}
          >
            {t('queue.cannedNotes')}
          </Button>
        )}
      </Stack>

      <CaseFilterBar filters={filters} meId={user.id} onChange={setFilters} />

      {listError && list.data && (
        <Alert severity="warning" variant="outlined">
          {t('queue.refreshFailed', { reason: listError })}
        </Alert>
      )}

      {listError && !list.data ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void list.refetch()}>
              {t('common:action.retry')}
            </Button>
          }
        >
          {t('queue.readFailed', { reason: listError })}
        </Alert>
      ) : list.data === undefined ? (
        <QueueSkeleton />
      ) : items.length === 0 ? (
        <EmptyQueue
          filtered={filtered}
          onClear={() => navigate({ screen: 'cases', filters: DEFAULT_CASE_FILTERS })}
        />
      ) : (
        <CaseQueueGrid
          items={items}
          meId={user.id}
          now={now}
          sort={filters.sort}
          onSort={setSort}
          selectedId={items[selectedIndex]?.id ?? null}
          onSelect={select}
          onOpen={open}
          apiRef={apiRef}
        />
      )}

      {supervisor && cannedOpen && <CannedNotesDialog onClose={() => setCannedOpen(false)} />}
    </Box>
  )
}

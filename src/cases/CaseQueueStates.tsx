// What the queue says besides its rows: the summary line, the skeleton while it loads, and the
// empty queue.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import { useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { decisionsWords } from '../../electron/core/api/display-words.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { firstActionState } from '../words/caseWords.ts'

/** "12 cases · 3 overdue for a first action · 2 assigned to you · 1 needs your decision". */
export function queueSummary(items: CaseListItem[], meId: string, now: number): string {
  if (items.length === 0) return t('cases:queue.summaryNone')
  const parts: string[] = [t('cases:queue.summaryCases', { count: items.length })]
  const overdue = items.filter(
    (c) => c.status !== 'resolved' && firstActionState(c, now).kind === 'overdue',
  ).length
  if (overdue) parts.push(t('cases:queue.summaryOverdue', { count: overdue }))
  const mine = items.filter((c) => c.assigneeId === meId && c.status !== 'resolved').length
  if (mine) parts.push(t('cases:queue.summaryMine', { count: mine }))
  const conflicts = items.filter((c) => c.hasConflict).length
  if (conflicts) parts.push(decisionsWords(conflicts))
  return parts.join(' · ')
}

export function QueueSkeleton() {
  const { t } = useTranslation('cases')
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={t('queue.loading')} role="progressbar">
      {[0, 1, 2, 3, 4, 5].map((row) => (
        <Skeleton key={row} height={34} sx={{ my: 0.25 }} />
      ))}
    </Paper>
  )
}

export function EmptyQueue({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation('cases')
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <InboxOutlinedIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {filtered ? t('queue.emptyFilteredTitle') : t('queue.emptyTitle')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 460, mx: 'auto' }}>
        {filtered ? t('queue.emptyFilteredHint') : t('queue.emptyHint')}
      </Typography>
      {filtered && (
        <Button
          sx={{ mt: 2 }}
          variant="outlined"
          startIcon={<FilterListOffOutlinedIcon />}
          onClick={onClear}
        >
          {t('queue.clearFilters')}
        </Button>
      )}
    </Box>
  )
}

// What the queue says besides its rows: the summary line, the skeleton while it loads, and the
// empty queue.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { formatCount, plural } from '../format/numbers.ts'
import { firstActionState } from '../words/caseWords.ts'

export function queueSummary(items: CaseListItem[], meId: string, now: number): string {
  if (items.length === 0) return 'No cases to show.'
  const parts = [plural(items.length, 'case', 'cases')]
  const overdue = items.filter(
    (c) => c.status !== 'resolved' && firstActionState(c, now).kind === 'overdue',
  ).length
  if (overdue) parts.push(`${formatCount(overdue)} overdue for a first action`)
  const mine = items.filter((c) => c.assigneeId === meId && c.status !== 'resolved').length
  if (mine) parts.push(`${formatCount(mine)} assigned to you`)
  const conflicts = items.filter((c) => c.hasConflict).length
  if (conflicts)
    parts.push(`${formatCount(conflicts)} ${conflicts === 1 ? 'needs' : 'need'} your decision`)
  return parts.join(' · ')
}

export function QueueSkeleton() {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label="Loading cases" role="progressbar">
      {[0, 1, 2, 3, 4, 5].map((row) => (
        <Skeleton key={row} height={34} sx={{ my: 0.25 }} />
      ))}
    </Paper>
  )
}

export function EmptyQueue({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <InboxOutlinedIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
        {filtered ? 'No cases match these filters' : 'No open cases'}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 460, mx: 'auto' }}>
        {filtered
          ? 'Loosen a filter, or clear them all to see every open case.'
          : 'When someone opens a missing-package case on a delivery, it appears here.'}
      </Typography>
      {filtered && (
        <Button
          sx={{ mt: 2 }}
          variant="outlined"
          startIcon={<FilterListOffOutlinedIcon />}
          onClick={onClear}
        >
          Clear filters
        </Button>
      )}
    </Box>
  )
}

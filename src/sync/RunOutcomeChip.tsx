import Chip from '@mui/material/Chip'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined'
import StopCircleOutlinedIcon from '@mui/icons-material/StopCircleOutlined'
import SyncIcon from '@mui/icons-material/Sync'
import { outcomeLabel } from './syncWords.ts'
import type { RunOutcome } from './syncWords.ts'

const LOOKS = {
  complete: { color: 'success', icon: <CheckCircleOutlinedIcon /> },
  failed: { color: 'error', icon: <ErrorOutlineIcon /> },
  stopped: { color: 'default', icon: <StopCircleOutlinedIcon /> },
  running: { color: 'info', icon: <SyncIcon /> },
} as const

/** A run's outcome as icon and word, never by colour alone. `null` is a run still going. */
export function RunOutcomeChip({ outcome }: { outcome: RunOutcome | null }) {
  const key = outcome ?? 'running'
  const { color, icon } = LOOKS[key]
  return (
    <Chip
      icon={icon}
      label={outcomeLabel(key)}
      color={color}
      variant="outlined"
      size="small"
      sx={{ fontWeight: 500 }}
    />
  )
}

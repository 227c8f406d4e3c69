// The status bar's note that other people's changes made on this computer wait for them: sent
// only under their own sign-in, so they stay until each of them signs in here again.
import Box from '@mui/material/Box'
import Divider from '@mui/material/Divider'
import Tooltip from '@mui/material/Tooltip'
import HourglassEmptyOutlinedIcon from '@mui/icons-material/HourglassEmptyOutlined'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { plural } from '../format/numbers.ts'
import { othersWaitingText } from '../words/othersWorkWords.ts'

export function OthersWaiting({ others }: { others: SyncStatus['waitingForOthers'] }) {
  if (others.length === 0) return null
  const detail = others
    .map((o) => `${o.name}: ${plural(o.changes, 'change', 'changes')}`)
    .join('; ')
  return (
    <>
      <Divider orientation="vertical" flexItem sx={{ my: 0.75 }} />
      <Tooltip
        describeChild
        title={`Made on this computer and not sent yet (${detail}). Each person's changes are sent only with their own sign-in, and only they see what they say.`}
      >
        <Box
          tabIndex={0}
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 0.75,
            minWidth: 0,
            flexShrink: 1,
            overflow: 'hidden',
            whiteSpace: 'nowrap',
          }}
        >
          <HourglassEmptyOutlinedIcon fontSize="small" aria-hidden />
          <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {othersWaitingText(others)}
          </Box>
        </Box>
      </Tooltip>
    </>
  )
}

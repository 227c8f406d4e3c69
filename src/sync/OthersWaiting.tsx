// The status bar's note that other people's changes made on this computer wait for them: sent
// only under their own sign-in, so they stay until each of them signs in here again.
import Tooltip from '@mui/material/Tooltip'
import HourglassEmptyOutlinedIcon from '@mui/icons-material/HourglassEmptyOutlined'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { plural } from '../format/numbers.ts'
import { othersWaitingText } from '../words/othersWorkWords.ts'
import { Clipped, StatusItem } from './StatusItem.tsx'

export function OthersWaiting({ others }: { others: SyncStatus['waitingForOthers'] }) {
  if (others.length === 0) return null
  const detail = others
    .map((o) => `${o.name}: ${plural(o.changes, 'change', 'changes')}`)
    .join('; ')
  return (
    <Tooltip
      describeChild
      title={`Made on this computer and not sent yet (${detail}). Each person's changes are sent only with their own sign-in, and only they see what they say.`}
    >
      <StatusItem separated giveWay={3} tabIndex={0}>
        <HourglassEmptyOutlinedIcon fontSize="small" aria-hidden />
        <Clipped>{othersWaitingText(others)}</Clipped>
      </StatusItem>
    </Tooltip>
  )
}

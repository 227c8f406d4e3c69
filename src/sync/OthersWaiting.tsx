// The status bar's note that other people's changes made on this computer wait for them: sent
// only under their own sign-in, so they stay until each of them signs in here again.
import Tooltip from '@mui/material/Tooltip'
import HourglassEmptyOutlinedIcon from '@mui/icons-material/HourglassEmptyOutlined'
import type { SyncStatus } from '../../electron/core/api/definition.ts'
import { useTranslation } from 'react-i18next'
import { othersWaitingText } from '../words/othersWorkWords.ts'
import { Clipped, StatusItem } from './StatusItem.tsx'

export function OthersWaiting({ others }: { others: SyncStatus['waitingForOthers'] }) {
  const { t } = useTranslation('sync')
  if (others.length === 0) return null
  const detail = others
    .map((o) => t('statusBar.othersOne', { name: o.name, count: o.changes }))
    .join('; ')
  return (
    <Tooltip describeChild title={t('statusBar.othersHint', { detail })}>
      <StatusItem separated giveWay={3} tabIndex={0}>
        <HourglassEmptyOutlinedIcon fontSize="small" aria-hidden />
        <Clipped>{othersWaitingText(others)}</Clipped>
      </StatusItem>
    </Tooltip>
  )
}

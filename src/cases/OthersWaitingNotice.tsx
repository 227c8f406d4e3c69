// On a shared computer: other people's changes to this case wait here for their own sign-in.
import Alert from '@mui/material/Alert'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { firstName } from '../words/othersWorkWords.ts'

export function OthersWaitingNotice({ others }: { others: CaseDetail['waitingForOthers'] }) {
  const { t } = useTranslation('cases')
  if (others.length === 0) return null
  const only = others.length === 1 ? others[0]! : null
  return (
    <Alert severity="info" variant="outlined">
      {only
        ? t('othersWaiting.one', {
            count: only.changes,
            name: only.name,
            firstName: firstName(only.name),
          })
        : t('othersWaiting.many', {
            count: others.reduce((sum, o) => sum + o.changes, 0),
            people: others.length,
          })}
    </Alert>
  )
}

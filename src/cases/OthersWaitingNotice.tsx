// On a shared computer: other people's changes to this case wait here for their own sign-in.
import Alert from '@mui/material/Alert'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { firstName, othersWaitingText } from '../words/othersWorkWords.ts'

export function OthersWaitingNotice({ others }: { others: CaseDetail['waitingForOthers'] }) {
  if (others.length === 0) return null
  const only = others.length === 1 ? firstName(others[0]!.name) : null
  return (
    <Alert severity="info" variant="outlined">
      {othersWaitingText(others)} on this computer.{' '}
      {only
        ? `They are sent only with ${only}'s own sign-in, and only ${only} sees what they say.`
        : 'Each person’s changes are sent only with their own sign-in, and only they see what they say.'}{' '}
      Your own changes to this case are sent without waiting for them.
    </Alert>
  )
}

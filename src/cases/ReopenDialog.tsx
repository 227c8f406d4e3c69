// Reopening a resolved case (supervisors): why, in words, which the timeline shows beside
// "Reopened". The case goes back to the person who last owned it, in the working status "Open".
import { useState } from 'react'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import { FormDialog } from '../ui/FormDialog.tsx'
import { PersonName } from '../ui/PersonName.tsx'
import { STATUS_LABELS } from '../words/caseWords.ts'

const REASON_MAX = 4000

type Props = {
  orderId: string
  /** Whose case it becomes again: the person at the keyboard, someone else by id, or nobody. */
  owner: 'you' | { id: string } | null
  onClose: () => void
  /** Reopens the case; rejects with the reason it could not. */
  onReopen: (reason: string) => Promise<void>
}

export function ReopenDialog({ orderId, owner, onClose, onReopen }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const [reason, setReason] = useState('')
  const [showMissing, setShowMissing] = useState(false)
  const missing = reason.trim() === ''

  const submit = () => {
    if (missing) {
      setShowMissing(true)
      return null
    }
    return onReopen(reason.trim()).then(onClose)
  }

  return (
    <FormDialog
      title={
        <Trans
          t={t}
          i18nKey="reopen.title"
          values={{ orderId }}
          components={{ 0: <bdi translate="no" /> }}
        />
      }
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('reopen.submit')}
      failed={(reason) => t('reopen.failed', { reason })}
    >
      <TextField
        label={t('reopen.why')}
        required
        multiline
        minRows={3}
        maxRows={10}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={showMissing && missing}
        helperText={showMissing && missing ? t('reopen.whyMissing') : t('reopen.whyHint')}
        slotProps={{ htmlInput: { maxLength: REASON_MAX, translate: 'no' } }}
      />
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {owner === null ? (
          t('reopen.toQueue', { status: STATUS_LABELS.open })
        ) : owner === 'you' ? (
          t('reopen.toYou', { status: STATUS_LABELS.open })
        ) : (
          <Trans
            t={t}
            i18nKey="reopen.toOwner"
            // PersonName writes the name itself.
            values={{ owner: '', status: STATUS_LABELS.open }}
            components={{ 0: <PersonName id={owner.id} /> }}
          />
        )}
      </Typography>
    </FormDialog>
  )
}

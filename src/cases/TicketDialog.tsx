// Setting, changing or removing the help-desk ticket a case is worked from. The number is typed,
// or the ticket's address pasted from the help desk (read with Settings' ticket address).
import { useState } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import { Trans, useTranslation } from 'react-i18next'
import { userMessage } from '../api/client.ts'
import { FormDialog } from '../ui/FormDialog.tsx'
import { readTicket, TicketField } from '../ui/TicketField.tsx'

type Props = {
  orderId: string
  ticket: string | null
  /** Settings' ticket address, to read a pasted ticket link; null when none is set. */
  template: string | null
  onClose: () => void
  /** Sets the ticket (null removes it); rejects with the reason it could not. */
  onSave: (ticket: string | null) => Promise<void>
}

export function TicketDialog({ orderId, ticket, template, onClose, onSave }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const [text, setText] = useState(ticket ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = (next: string | null) => {
    if (next === ticket) return onClose()
    setBusy(true)
    setError(null)
    onSave(next).then(onClose, (failure: unknown) => {
      setError(userMessage(failure))
      setBusy(false)
    })
  }
  const submit = () => {
    if (text.trim() === '') return save(null)
    const read = readTicket(text, template)
    if (!read.ok) return setProblem(read.problem)
    save(read.ticket)
  }

  return (
    <FormDialog
      title={
        <Trans
          t={t}
          i18nKey={ticket ? 'ticket.changeTitle' : 'ticket.addTitle'}
          values={{ orderId }}
          components={{ 0: <bdi translate="no" /> }}
        />
      }
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="xs"
      actions={
        <>
          {ticket && (
            <Button color="error" onClick={() => save(null)} disabled={busy} sx={{ mr: 'auto' }}>
              {t('ticket.remove')}
            </Button>
          )}
          <Button onClick={onClose} disabled={busy}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('ticket.save')}
          </Button>
        </>
      }
    >
      {error && <Alert severity="error">{t('ticket.notSaved', { reason: error })}</Alert>}
      <TicketField
        value={text}
        onChange={setText}
        problem={problem}
        clearProblem={() => setProblem(null)}
        template={template}
      />
    </FormDialog>
  )
}

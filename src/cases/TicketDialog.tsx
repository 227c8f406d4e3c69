// Setting, changing or removing the help-desk ticket a case is worked from. The number is typed,
// or the ticket's address pasted from the help desk (read with Settings' ticket address).
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
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

  const save = (next: string | null) => {
    if (next === ticket) {
      onClose()
      return null
    }
    return onSave(next).then(onClose)
  }
  const submit = () => {
    if (text.trim() === '') return save(null)
    const read = readTicket(text, template)
    if (!read.ok) {
      setProblem(read.problem)
      return null
    }
    return save(read.ticket)
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
      onClose={onClose}
      onSubmit={submit}
      maxWidth="xs"
      submitLabel={t('ticket.save')}
      failed={(reason) => t('ticket.notSaved', { reason })}
      otherAction={
        ticket ? { label: t('ticket.remove'), color: 'error', run: () => save(null) } : undefined
      }
    >
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

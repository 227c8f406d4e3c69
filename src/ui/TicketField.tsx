// A help-desk ticket's number as an agent gives it: typed, or the ticket's address pasted from
// the help desk (read with Settings' ticket address). The case screen's ticket dialog and the
// Open a case dialog both ask for it with this field.
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { TicketArgSchema } from '../../electron/core/api/case-schemas.ts'
import { ticketFromUrl } from '../../electron/core/api/ticket-url-template.ts'
import { t } from '../../electron/core/messages/messages.ts'

/** The ticket in what was typed: a number, or (with a ticket address set) a ticket's link. */
export function readTicket(
  text: string,
  template: string | null,
): { ok: true; ticket: string } | { ok: false; problem: string } {
  const fromLink = template ? ticketFromUrl(template, text) : null
  const parsed = TicketArgSchema.safeParse(fromLink ?? text)
  return parsed.success
    ? { ok: true, ticket: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? t('app:ticket.notATicket') }
}

/** The ticket's field, as the case screen and the Open a case dialog show it. */
export function TicketField(props: {
  value: string
  onChange: (value: string) => void
  problem: string | null
  clearProblem: () => void
  template: string | null
  label?: string
}) {
  const { t } = useTranslation('app')
  return (
    <TextField
      label={props.label ?? t('ticket.label')}
      value={props.value}
      onChange={(event) => {
        props.onChange(event.target.value)
        props.clearProblem()
      }}
      error={props.problem !== null}
      helperText={
        props.problem ?? (props.template ? t('ticket.hintWithAddress') : t('ticket.hint'))
      }
      slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', maxLength: 2048 } }}
    />
  )
}

// Opening a missing-package case from the delivery: a reason (required) and, if the agent has them
// to hand, the help-desk ticket it comes from and the first note. The case is written locally at once and sent when the service is
// reachable, so this works offline too.
import { useId, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Link from '@mui/material/Link'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../api/client.ts'
import { queries, showChangedCase } from '../api/queries.ts'
import { readTicket, TicketField } from '../ui/TicketField.tsx'
import { ACTIVE_STATUSES, STATUS_LABELS } from '../words/caseWords.ts'
import type { CaseReason } from '../words/caseWords.ts'
import { formatDateTime } from '../format/time.ts'
import { caseHref } from './caseLinks.ts'
import { FormDialog } from '../ui/FormDialog.tsx'
import { CASE_REASON_CHOICES } from '../words/caseReasons.ts'

const NOTE_MAX = 4000

type Props = {
  open: boolean
  delivery: DeliveryDetail
  onClose: () => void
  onOpened: (opened: CaseDetail) => void
}

export function OpenCaseDialog({ open, delivery, onClose, onOpened }: Props) {
  const { t } = useTranslation(['delivery', 'common'])
  const [reason, setReason] = useState<CaseReason | null>(null)
  const [note, setNote] = useState('')
  const [ticket, setTicket] = useState('')
  const [ticketProblem, setTicketProblem] = useState<string | null>(null)
  const template = useQuery(queries.settings()).data?.ticketUrlTemplate ?? null
  const [showReasonError, setShowReasonError] = useState(false)
  const client = useQueryClient()
  const reasonLabelId = useId()
  const reasonErrorId = useId()

  const reset = () => {
    setReason(null)
    setNote('')
    setTicket('')
    setTicketProblem(null)
    setShowReasonError(false)
  }

  const submit = () => {
    if (!reason) {
      setShowReasonError(true)
      document.querySelector<HTMLInputElement>(`[name="case-reason"]`)?.focus()
      return null
    }
    const ticketRead = ticket.trim() ? readTicket(ticket, template) : null
    if (ticketRead && !ticketRead.ok) {
      setTicketProblem(ticketRead.problem)
      return null
    }
    const trimmed = note.trim()
    return api
      .openCase({
        deliveryId: delivery.id,
        reason,
        ...(trimmed ? { note: trimmed } : {}),
        ...(ticketRead?.ok ? { ticket: ticketRead.ticket } : {}),
      })
      .then((opened) => {
        showChangedCase(client, opened)
        onOpened(opened)
      })
  }

  const activeCases = delivery.cases.filter((c) => ACTIVE_STATUSES.includes(c.status))

  return (
    <FormDialog
      open={open}
      title={t('openCase.title', { orderId: delivery.orderId })}
      onClose={onClose}
      onSubmit={submit}
      onExited={reset}
      submitLabel={t('openCase.submit')}
      failed={(reason) => t('openCase.failed', { reason })}
    >
      {activeCases.length > 0 && (
        <Alert severity="info">
          <Trans
            t={t}
            i18nKey="openCase.alreadyWorked"
            count={activeCases.length}
            components={{
              0: (
                <span>
                  {activeCases.map((c, index) => (
                    <span key={c.id}>
                      {index > 0 && t('openCase.listSeparator')}
                      <Link href={caseHref(c.id)} color="inherit">
                        {t('openCase.activeCase', {
                          status: STATUS_LABELS[c.status].toLocaleLowerCase(),
                          opened: formatDateTime(c.openedAt),
                        })}
                      </Link>
                    </span>
                  ))}
                </span>
              ),
            }}
          />
        </Alert>
      )}

      <FormControl error={showReasonError && !reason} required>
        <FormLabel id={reasonLabelId} sx={{ mb: 0.5 }}>
          {t('openCase.reason')}
        </FormLabel>
        <RadioGroup
          name="case-reason"
          aria-labelledby={reasonLabelId}
          aria-describedby={showReasonError && !reason ? reasonErrorId : undefined}
          aria-required
          value={reason ?? ''}
          onChange={(event) => setReason(event.target.value as CaseReason)}
        >
          {CASE_REASON_CHOICES.map((choice) => (
            <FormControlLabel
              key={choice.value}
              value={choice.value}
              control={<Radio size="small" />}
              sx={{ alignItems: 'flex-start', mr: 0, '& .MuiRadio-root': { pt: 0.5 } }}
              label={
                <Box sx={{ py: 0.5 }}>
                  <Typography component="span" variant="body1" sx={{ display: 'block' }}>
                    {choice.label}
                  </Typography>
                  <Typography
                    component="span"
                    variant="body2"
                    sx={{ display: 'block', color: 'text.secondary' }}
                  >
                    {choice.hint}
                  </Typography>
                </Box>
              }
            />
          ))}
        </RadioGroup>
        {showReasonError && !reason && (
          <FormHelperText id={reasonErrorId} sx={{ mx: 0 }}>
            {t('openCase.reasonMissing')}
          </FormHelperText>
        )}
      </FormControl>

      <TicketField
        label={t('openCase.ticket')}
        value={ticket}
        onChange={setTicket}
        problem={ticketProblem}
        clearProblem={() => setTicketProblem(null)}
        template={template}
      />

      <TextField
        label={t('openCase.note')}
        multiline
        minRows={3}
        maxRows={10}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        helperText={
          note.length > NOTE_MAX - 200
            ? t('openCase.noteLength', { count: note.length, max: NOTE_MAX })
            : t('openCase.noteHint')
        }
        slotProps={{ htmlInput: { maxLength: NOTE_MAX } }}
      />
    </FormDialog>
  )
}

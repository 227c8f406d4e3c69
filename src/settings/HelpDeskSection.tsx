// Settings › Help desk: the address of a ticket in the team's help desk, with {ticket} where its
// number goes. With it, a case's ticket is a link to the ticket, and a ticket's address pasted
// into the search box finds its case. Checked here with the core's own rules, so a mistake is
// named under the field before anything is sent; the core checks again.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import {
  TICKET_PLACEHOLDER,
  TICKET_TEMPLATE_EXAMPLE,
  ticketUrlTemplateProblem,
} from '../../electron/core/api/ticket-url-template.ts'
import { userMessage } from '../api/client.ts'
import { MONOSPACE } from '../ui/monospace.ts'
import { SettingsSection } from './SettingsSection.tsx'
import { useSaveSettings, useSettings } from './useSettings.ts'

export function HelpDeskSection() {
  const { t } = useTranslation('settings')
  const { settings, loadError, reload } = useSettings()
  return (
    <SettingsSection id="settings-help-desk" title={t('helpDesk.title')}>
      {loadError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={reload}>
              {t('screen.retry')}
            </Button>
          }
        >
          {t('screen.readFailed', { reason: loadError })}
        </Alert>
      ) : settings === null ? (
        <Box role="status" aria-label={t('helpDesk.loading')}>
          <Skeleton variant="rounded" height={40} />
        </Box>
      ) : (
        <TicketTemplateForm saved={settings.ticketUrlTemplate} />
      )}
    </SettingsSection>
  )
}

function TicketTemplateForm({ saved }: { saved: string | null }) {
  const { t } = useTranslation('settings')
  const [draft, setDraft] = useState(saved ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const saving = useSaveSettings()
  const helpId = useId()
  const next = draft.trim() === '' ? null : draft.trim()

  const store = (template: string | null) => {
    saving.mutate(
      { ticketUrlTemplate: template },
      { onSuccess: (settings) => setDraft(settings.ticketUrlTemplate ?? '') },
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = next === null ? null : ticketUrlTemplateProblem(next)
    if (found !== null) return setProblem(found)
    store(next)
  }

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 1.5 }}>
      <TextField
        label={t('helpDesk.address')}
        size="small"
        value={draft}
        placeholder={TICKET_TEMPLATE_EXAMPLE}
        onChange={(event) => {
          setDraft(event.target.value)
          setProblem(null)
        }}
        error={problem !== null}
        helperText={
          problem ??
          t('helpDesk.addressHint', {
            placeholder: TICKET_PLACEHOLDER,
            example: TICKET_TEMPLATE_EXAMPLE,
          })
        }
        slotProps={{
          htmlInput: {
            spellCheck: false,
            translate: 'no',
            autoComplete: 'off',
            style: { fontFamily: MONOSPACE },
          },
        }}
      />
      <Box id={helpId} sx={{ color: 'text.secondary' }}>
        {t('helpDesk.help')}
      </Box>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          type="submit"
          variant="contained"
          disabled={next === saved || saving.isPending}
          loading={saving.isPending}
        >
          {t('helpDesk.save')}
        </Button>
        {saved !== null && (
          <Button onClick={() => store(null)} disabled={saving.isPending}>
            {t('helpDesk.remove')}
          </Button>
        )}
        <Box role="status" aria-live="polite" sx={{ typography: 'body2' }}>
          {saving.isSuccess &&
            (saving.data.ticketUrlTemplate ? t('helpDesk.saved') : t('helpDesk.removed'))}
        </Box>
      </Stack>
      {saving.isError && (
        <Alert severity="error">
          {t('helpDesk.notSaved', { reason: userMessage(saving.error) })}
        </Alert>
      )}
    </Box>
  )
}

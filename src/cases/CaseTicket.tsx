// The help-desk ticket in the case header: a link to the ticket when Settings has the help desk's
// ticket address (it opens in the browser, never in Porchlight's window), else its number with
// "Copy"; and the button that adds or changes it (T).
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import { useTranslation } from 'react-i18next'
import { ticketUrl } from '../../electron/core/api/ticket-url-template.ts'
import { CopyTextButton } from '../ui/CopyTextButton.tsx'

type Props = {
  ticket: string | null
  /** Settings' ticket address; null when none is set. */
  template: string | null
  onEdit: () => void
}

export function CaseTicket({ ticket, template, onEdit }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      {ticket === null ? (
        <span>{t('ticket.none')}</span>
      ) : template ? (
        <Link
          href={ticketUrl(template, ticket)}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('ticket.link', { ticket })}
        >
          <span translate="no">{ticket}</span>
        </Link>
      ) : (
        <>
          <span translate="no">{ticket}</span>
          <CopyTextButton
            text={ticket}
            label={t('common:action.copy')}
            doneLabel={t('common:action.copied')}
            title={t('ticket.copyHint')}
            icon={<ContentCopyIcon />}
            size="small"
            variant="text"
          />
        </>
      )}
      <Button
        size="small"
        onClick={onEdit}
        aria-label={ticket === null ? t('ticket.addLabel') : t('ticket.changeLabel')}
        aria-keyshortcuts="T"
        sx={{ minWidth: 0, py: 0 }}
      >
        {ticket === null ? t('ticket.add') : t('ticket.change')}
      </Button>
    </Stack>
  )
}

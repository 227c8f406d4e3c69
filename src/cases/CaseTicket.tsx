// The help-desk ticket in the case header: a link to the ticket when Settings has the help desk's
// ticket address (it opens in the browser, never in Porchlight's window), else its number with
// "Copy"; and the button that adds or changes it (T).
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import { ticketUrl } from '../../electron/core/api/ticket-url-template.ts'
import { CopyTextButton } from '../ui/CopyTextButton.tsx'

type Props = {
  ticket: string | null
  /** Settings' ticket address; null when none is set. */
  template: string | null
  onEdit: () => void
}

export function CaseTicket({ ticket, template, onEdit }: Props) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      {ticket === null ? (
        <span>None</span>
      ) : template ? (
        <Link
          href={ticketUrl(template, ticket)}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Ticket ${ticket} in the help desk (opens in your browser)`}
        >
          {ticket}
        </Link>
      ) : (
        <>
          <span>{ticket}</span>
          <CopyTextButton
            text={ticket}
            label="Copy"
            doneLabel="Copied"
            title="Copy the ticket number"
            icon={<ContentCopyIcon />}
            size="small"
            variant="text"
          />
        </>
      )}
      <Button
        size="small"
        onClick={onEdit}
        aria-label={ticket === null ? 'Add a help-desk ticket' : 'Change the help-desk ticket'}
        aria-keyshortcuts="T"
        sx={{ minWidth: 0, py: 0 }}
      >
        {ticket === null ? 'Add' : 'Change'}
      </Button>
    </Stack>
  )
}

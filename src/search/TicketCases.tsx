// The cases that carry the help-desk ticket in the search box (typed as its number, or pasted as
// its address in the help desk), above the deliveries; and what the box says when a pasted web
// address is not a ticket it can read.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime } from '../format/time.ts'
import { routeHref } from '../navigation/route.ts'
import { STATUS_LABELS } from '../words/caseWords.ts'

export type TicketAnswer = { ticket: string | null; fromTicketLink: boolean; cases: CaseListItem[] }

const HEADING_ID = 'ticket-cases-heading'

export function TicketCases({ answer }: { answer: TicketAnswer }) {
  const { ticket, cases } = answer
  if (ticket === null) return null
  if (cases.length === 0) {
    return answer.fromTicketLink ? (
      <Alert severity="info">
        No case in this copy carries ticket {ticket}. Search for the order or the customer the
        ticket names, and open a case with the ticket.
      </Alert>
    ) : null
  }
  return (
    <Box component="section" aria-labelledby={HEADING_ID}>
      <Typography variant="h2" id={HEADING_ID} sx={{ mb: 0.5 }}>
        {cases.length === 1 ? 'Case' : 'Cases'} with ticket {cases[0]!.ticket ?? ticket}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {cases.map((c) => (
          <Box component="li" key={c.id} sx={{ typography: 'body2' }}>
            <Link href={routeHref({ screen: 'case', caseId: c.id })} underline="hover">
              Case on order {c.orderId}
            </Link>{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              · {c.customerName ?? 'customer not in the local copy'} · {STATUS_LABELS[c.status]} ·
              opened {formatDateTime(c.openedAt)}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  )
}

/** A web address that is not a ticket's: why it finds nothing, and what would. */
export function NotATicketLink({ templateSet }: { templateSet: boolean }) {
  return (
    <Alert severity="info">
      {templateSet
        ? 'This web address is not a ticket of your help desk, as Settings › Help desk gives it.'
        : 'To find a case from a ticket’s web address, set your help desk’s ticket address in Settings › Help desk.'}{' '}
      Search for an order id, tracking number, customer or ticket number instead.
    </Alert>
  )
}

/** Whether the text in the search box is a web address (searched for as a ticket's only). */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text.trim())
}

// The cases that carry the help-desk ticket in the search box (typed as its number, or pasted as
// its address in the help desk), above the deliveries; and what the box says when a pasted web
// address is not a ticket it can read.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime } from '../format/time.ts'
import { routeHref } from '../navigation/route.ts'
import { STATUS_LABELS } from '../words/caseWords.ts'

export type TicketAnswer = { ticket: string | null; fromTicketLink: boolean; cases: CaseListItem[] }

const HEADING_ID = 'ticket-cases-heading'

/** Data inside a sentence (a ticket, an order id, a name): never translated. */
const DATA = { 0: <span translate="no" /> }

export function TicketCases({ answer }: { answer: TicketAnswer }) {
  const { t } = useTranslation('search')
  const { ticket, cases } = answer
  if (ticket === null) return null
  if (cases.length === 0) {
    return answer.fromTicketLink ? (
      <Alert severity="info">
        <Trans t={t} i18nKey="ticket.noCase" values={{ ticket }} components={DATA} />
      </Alert>
    ) : null
  }
  return (
    <Box component="section" aria-labelledby={HEADING_ID}>
      <Typography variant="h2" id={HEADING_ID} sx={{ mb: 0.5 }}>
        <Trans
          t={t}
          i18nKey="ticket.heading"
          count={cases.length}
          values={{ ticket: cases[0]!.ticket ?? ticket }}
          components={DATA}
        />
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {cases.map((c) => {
          const line = { status: STATUS_LABELS[c.status], opened: formatDateTime(c.openedAt) }
          return (
            <Box component="li" key={c.id} sx={{ typography: 'body2' }}>
              <Link href={routeHref({ screen: 'case', caseId: c.id })} underline="hover">
                <Trans
                  t={t}
                  i18nKey="ticket.caseLink"
                  values={{ orderId: c.orderId }}
                  components={DATA}
                />
              </Link>{' '}
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {c.customerName ? (
                  <Trans
                    t={t}
                    i18nKey="ticket.caseLine"
                    values={{ ...line, customer: c.customerName }}
                    components={DATA}
                  />
                ) : (
                  t('ticket.caseLineNoCustomer', line)
                )}
              </Box>
            </Box>
          )
        })}
      </Box>
    </Box>
  )
}

/** A web address that is not a ticket's: why it finds nothing, and what would. */
export function NotATicketLink({ templateSet }: { templateSet: boolean }) {
  const { t } = useTranslation('search')
  return (
    <Alert severity="info">
      {templateSet ? t('ticket.notOfHelpDesk') : t('ticket.setTicketAddress')}
    </Alert>
  )
}

/** Whether the text in the search box is a web address (searched for as a ticket's only). */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text.trim())
}

// The top of the Case screen: the order (a link to the delivery), the status, the location flag,
// and who, why and when.
import type { ReactNode, Ref } from 'react'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import { Trans, useTranslation } from 'react-i18next'
import { awayFlagTitle } from '../../electron/core/api/display-words.ts'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { routeHref } from '../navigation/route.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import { REASON_LABELS } from '../words/caseWords.ts'
import { Assignee } from '../ui/Assignee.tsx'
import { PersonName } from '../ui/PersonName.tsx'
import { CopyLinkButton } from '../ui/CopyLinkButton.tsx'
import { caseLinkText } from './caseLink.ts'
import { CASE_HEADING_ID } from './CaseFrame.tsx'
import { FirstActionTimer } from './FirstActionTimer.tsx'
import { CaseTicket } from './CaseTicket.tsx'

type Props = {
  detail: CaseDetail
  meId: string
  now: number
  headingRef: Ref<HTMLHeadingElement>
  /** Settings' help-desk ticket address; null when none is set. */
  ticketTemplate: string | null
  onEditTicket: () => void
}

export function CaseHeader(props: Props) {
  const { t } = useTranslation('cases')
  const { detail, meId, now, headingRef } = props
  const mine = detail.assigneeId === meId
  return (
    <Box component="header" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography
          variant="h1"
          id={CASE_HEADING_ID}
          ref={headingRef}
          tabIndex={-1}
          sx={{ outline: 'none' }}
        >
          <Trans
            t={t}
            i18nKey="header.title"
            values={{ orderId: detail.orderId }}
            components={{
              0: (
                <OrderLink
                  href={routeHref({
                    screen: 'delivery',
                    deliveryId: detail.deliveryId,
                    caseId: detail.id,
                  })}
                  hint={t('header.orderHint')}
                />
              ),
            }}
          />
        </Typography>
        <CaseStatusChip status={detail.status} size="medium" />
        {detail.snapshot?.awayFromAddress.flagged && (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', gap: 0.5, color: 'warning.main', typography: 'body2' }}
          >
            <LocationOffOutlinedIcon fontSize="small" aria-hidden />
            {awayFlagTitle({ kind: 'drop-off' })}
          </Stack>
        )}
        <Box sx={{ flex: 1 }} />
        <CopyLinkButton text={caseLinkText(detail)} what="case" />
      </Stack>
      <Stack
        direction="row"
        component="dl"
        sx={{
          m: 0,
          columnGap: 3,
          rowGap: 1,
          flexWrap: 'wrap',
          typography: 'body2',
          '& > div': { display: 'flex', flexDirection: 'column' },
          '& dt': { color: 'text.secondary', typography: 'caption' },
          '& dd': { m: 0 },
        }}
      >
        <div>
          <dt>{t('header.customer')}</dt>
          <dd>
            {detail.customerName === null ? (
              t('header.notInCopy')
            ) : (
              <bdi translate="no" dir="auto">
                {detail.customerName}
              </bdi>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('header.reason')}</dt>
          <dd>{REASON_LABELS[detail.reason]}</dd>
        </div>
        <div>
          <dt>{t('header.assignee')}</dt>
          <dd style={{ fontWeight: mine ? 500 : 400 }}>
            <Assignee id={detail.assigneeId} meId={meId} />
          </dd>
        </div>
        <div>
          <dt>{t('header.ticket')}</dt>
          <dd>
            <CaseTicket
              ticket={detail.ticket}
              template={props.ticketTemplate}
              onEdit={props.onEditTicket}
            />
          </dd>
        </div>
        <div>
          <dt>{t('header.opened')}</dt>
          <dd>
            <Trans
              t={t}
              i18nKey={detail.openedBy === meId ? 'header.openedByYou' : 'header.openedBy'}
              // PersonName writes the name itself.
              values={{ time: formatDateTime(detail.openedAt), name: '' }}
              components={{
                0: <time dateTime={detail.openedAt} title={formatDateTimeLong(detail.openedAt)} />,
                1: <PersonName id={detail.openedBy} />,
              }}
            />
          </dd>
        </div>
        <div>
          <dt>{t('header.firstAction')}</dt>
          <dd>
            <FirstActionTimer
              openedAt={detail.openedAt}
              firstActionDueAt={detail.firstActionDueAt}
              firstActionAt={detail.firstActionAt}
              now={now}
            />
          </dd>
        </div>
      </Stack>
    </Box>
  )
}

/** The order in the heading: a link to the delivery, its hint on hover and focus. */
function OrderLink({ href, hint, children }: { href: string; hint: string; children?: ReactNode }) {
  return (
    <Tooltip describeChild title={hint}>
      <Link href={href} underline="hover">
        <span translate="no">{children}</span>
      </Link>
    </Tooltip>
  )
}

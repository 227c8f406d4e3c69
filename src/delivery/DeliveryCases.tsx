// The case side of a delivery: the cases already on it, and how often this customer, address and
// driver have come up in claims lately (a pattern is worth a second look before a refund).
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import ChevronRightIcon from '@mui/icons-material/ChevronRight'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import { REASON_LABELS } from '../words/caseWords.ts'
import { Assignee } from '../ui/Assignee.tsx'
import { formatDateTime, formatDateTimeLong, formatRelative, useNow } from '../format/time.ts'
import { caseHref, casesQueueHref } from './caseLinks.ts'
import type { CasesFilter } from './caseLinks.ts'

export function CasesOnDelivery(props: {
  cases: DeliveryDetail['cases']
  /** The signed-in user's id, to say "You"; null while unknown. */
  meId: string | null
}) {
  const { cases, meId } = props
  const { t } = useTranslation(['delivery', 'common'])
  const now = useNow()
  const sorted = [...cases].sort((a, b) => b.openedAt.localeCompare(a.openedAt))
  return (
    <Card
      title={cases.length ? t('cases.titleCounted', { count: cases.length }) : t('cases.title')}
      id="cases-heading"
    >
      {sorted.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          <Trans t={t} i18nKey="cases.none" components={{ 0: <kbd /> }} />
        </Typography>
      ) : (
        <List disablePadding sx={{ mx: -1 }}>
          {sorted.map((item) => (
            <ListItem key={item.id} disablePadding>
              <ListItemButton
                component="a"
                href={caseHref(item.id)}
                sx={{ borderRadius: 1, px: 1, py: 0.75, alignItems: 'flex-start', gap: 1 }}
              >
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Stack
                    direction="row"
                    sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.25 }}
                  >
                    <CaseStatusChip status={item.status} />
                    <Typography component="span" variant="body2" sx={{ fontWeight: 500 }}>
                      {REASON_LABELS[item.reason]}
                    </Typography>
                    {item.hasConflict && (
                      <Chip
                        size="small"
                        color="error"
                        variant="outlined"
                        icon={<SyncProblemOutlinedIcon />}
                        label={t('common:sendState.conflict')}
                      />
                    )}
                    {!item.hasConflict && item.pendingChanges > 0 && (
                      <Chip
                        size="small"
                        variant="outlined"
                        icon={<CloudUploadOutlinedIcon />}
                        label={t('cases.notSent')}
                      />
                    )}
                  </Stack>
                  <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
                    <Trans
                      t={t}
                      i18nKey={
                        item.assigneeId === null ? 'cases.openedUnassigned' : 'cases.openedAssigned'
                      }
                      values={{
                        when: formatDateTime(item.openedAt),
                        ago: formatRelative(item.openedAt, now),
                      }}
                      components={{
                        0: <span title={formatDateTimeLong(item.openedAt)} />,
                        1:
                          item.assigneeId === null ? (
                            <span />
                          ) : (
                            <span translate="no">
                              <Assignee id={item.assigneeId} meId={meId ?? null} />
                            </span>
                          ),
                      }}
                    />
                  </Typography>
                </Box>
                <ChevronRightIcon
                  fontSize="small"
                  aria-hidden
                  sx={{ color: 'text.secondary', alignSelf: 'center' }}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Card>
  )
}

export function RepeatClaims({ claims }: { claims: DeliveryDetail['repeatClaims'] }) {
  const { t } = useTranslation('delivery')
  const rows: Array<{
    label: 'customer' | 'address' | 'driver'
    count: number
    filter: CasesFilter | null
  }> = [
    {
      label: 'customer',
      count: claims.customer.count,
      filter: claims.customer.id ? { customer: claims.customer.id } : null,
    },
    {
      label: 'address',
      count: claims.address.count,
      filter: claims.address.key ? { address: claims.address.key } : null,
    },
    {
      label: 'driver',
      count: claims.driver.count,
      filter: claims.driver.id ? { driver: claims.driver.id } : null,
    },
  ]
  return (
    <Card title={t('claims.title')} id="claims-heading">
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {rows.map((row) => {
          const text = t(`claims.${row.label}`, { count: row.count })
          return (
            <Box
              component="li"
              key={row.label}
              sx={{
                py: 0.5,
                typography: 'body2',
                '& + &': { borderTop: 1, borderColor: 'divider' },
              }}
            >
              {row.filter ? (
                <Link
                  href={casesQueueHref(row.filter)}
                  underline="hover"
                  sx={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: 1,
                    color: row.count > 0 ? 'text.primary' : 'text.secondary',
                    fontWeight: row.count > 0 ? 500 : 400,
                  }}
                >
                  <Box component="span" sx={{ flex: 1 }}>
                    {text}
                  </Box>
                  <ChevronRightIcon fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />
                </Link>
              ) : (
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {text}
                </Box>
              )}
            </Box>
          )
        })}
      </Box>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
        {t('claims.note')}
      </Typography>
    </Card>
  )
}

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={id}
      sx={{ p: 2, typography: 'body2', minWidth: 0 }}
    >
      <Typography variant="h2" id={id} sx={{ mb: 1.25 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  )
}

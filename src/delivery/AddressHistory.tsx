// The address's own history: earlier deliveries to the same address (the core's one rule:
// the same normalised address, within 30 m where geocoded), newest first, with their first photo
// (never a withheld one's), driver, date and outcome, and the claims made on the address. Choosing
// an earlier delivery puts it beside this one; choosing two puts those two side by side.
import { useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import type { AddressHistory, HistoryEntry } from '../../electron/core/api/evidence-schemas.ts'
import { photoUrl, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { t as say } from '../../electron/core/messages/messages.ts'
import { formatDateTime } from '../format/time.ts'
import { routeHref } from '../navigation/route.ts'
import { RESOLUTION_LABELS, STATUS_LABELS } from '../words/caseWords.ts'
import { deliveryStatusText } from './labels.ts'
import { PersonName } from '../ui/PersonName.tsx'

/** "This address has had 3 claims in 90 days, 2 resolved as delivered." */
export function claimsText(claims: AddressHistory['claims']): string {
  if (claims.count === 0) return say('delivery:history.claimsNone', { days: claims.days })
  return say('delivery:history.claims', {
    count: claims.count,
    days: claims.days,
    delivered: claims.resolvedAsDelivered,
  })
}

function outcomeText(entry: HistoryEntry): string {
  if (!entry.claim) return say('delivery:history.noClaim')
  const claim = entry.claim
  if (claim.status === 'resolved' && claim.resolution)
    return say('delivery:history.claimResolved', {
      resolution: RESOLUTION_LABELS[claim.resolution],
    })
  return say('delivery:history.claimStatus', {
    status: STATUS_LABELS[claim.status].toLocaleLowerCase(),
  })
}

/** What the comparison shows of one delivery: its photo, or why there is none. */
type Side = { key: string; label: string; photoId: string | null; withheld: boolean }

export function AddressHistoryStrip(props: {
  deliveryId: string
  /** This delivery's photo shown now, to compare with (null: none may be shown). */
  photoId: string | null
}) {
  const { t } = useTranslation('delivery')
  const read = useQuery(queries.addressHistory(props.deliveryId))
  const [picked, setPicked] = useState<string[]>([])
  const history = read.data

  let body
  if (read.error && !history) {
    body = (
      <Alert severity="error">{t('history.readFailed', { reason: userMessage(read.error) })}</Alert>
    )
  } else if (!history) {
    body = <Typography sx={{ color: 'text.secondary' }}>{t('history.reading')}</Typography>
  } else {
    const sides = comparison(history, picked, props.photoId)
    body = (
      <>
        <Typography sx={{ mb: 1 }}>{claimsText(history.claims)}</Typography>
        {history.deliveries.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>{t('history.noEarlier')}</Typography>
        ) : (
          <>
            <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
              {history.total > history.deliveries.length
                ? t('history.latest', { shown: history.deliveries.length, total: history.total })
                : t('history.earlier', { count: history.total })}
            </Typography>
            <Box
              component="ul"
              aria-label={t('history.listLabel')}
              sx={{
                display: 'flex',
                gap: 1,
                overflowX: 'auto',
                listStyle: 'none',
                m: 0,
                p: 0,
                pb: 1,
              }}
            >
              {history.deliveries.map((entry) => (
                <li key={entry.deliveryId}>
                  <Entry
                    entry={entry}
                    picked={picked.includes(entry.deliveryId)}
                    onPick={() =>
                      setPicked((was) =>
                        was.includes(entry.deliveryId)
                          ? was.filter((id) => id !== entry.deliveryId)
                          : [...was, entry.deliveryId].slice(-2),
                      )
                    }
                  />
                </li>
              ))}
            </Box>
            {sides && <Comparison sides={sides} />}
          </>
        )}
      </>
    )
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="history-heading" sx={{ p: 2 }}>
      <Typography variant="h2" id="history-heading" sx={{ mb: 1 }}>
        {t('history.heading')}
      </Typography>
      {body}
    </Paper>
  )
}

function comparison(
  history: AddressHistory,
  picked: readonly string[],
  photoId: string | null,
): [Side, Side] | null {
  const sideOf = (id: string): Side | null => {
    const entry = history.deliveries.find((d) => d.deliveryId === id)
    if (!entry) return null
    return {
      key: id,
      label: entry.deliveredAt
        ? say('delivery:history.side', {
            orderId: entry.orderId,
            date: formatDateTime(entry.deliveredAt, { timeZone: entry.timeZone }),
          })
        : say('delivery:history.sideUndelivered', { orderId: entry.orderId }),
      photoId: entry.photo?.hasThumbnail ? entry.photo.id : null,
      withheld: entry.photoWithheld,
    }
  }
  const chosen = picked.map(sideOf).filter((s): s is Side => s !== null)
  if (chosen.length === 0) return null
  if (chosen.length === 2) return [chosen[0] as Side, chosen[1] as Side]
  const self: Side = {
    key: 'this',
    label: say('delivery:history.thisDelivery'),
    photoId,
    withheld: false,
  }
  return [self, chosen[0] as Side]
}

function Entry(props: { entry: HistoryEntry; picked: boolean; onPick: () => void }) {
  const { entry, picked, onPick } = props
  const { t } = useTranslation('delivery')
  const date = entry.deliveredAt
    ? formatDateTime(entry.deliveredAt, { timeZone: entry.timeZone })
    : t('history.notDelivered')
  const photo = entry.photo?.hasThumbnail ? entry.photo.id : null
  // The words shown in place of a photo are part of the button's name.
  const compare = entry.photoWithheld
    ? 'history.compareWithheld'
    : photo
      ? 'history.compare'
      : 'history.compareNoPhoto'
  return (
    <Stack sx={{ width: 150, gap: 0.5 }}>
      <ButtonBase
        onClick={onPick}
        aria-pressed={picked}
        aria-label={t(compare, { orderId: entry.orderId, date })}
        sx={{
          width: 150,
          height: 104,
          borderRadius: 1,
          overflow: 'hidden',
          border: 2,
          borderColor: picked ? 'primary.main' : 'divider',
          bgcolor: 'action.hover',
          color: 'text.secondary',
          '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      >
        <SideImage
          side={{
            key: entry.deliveryId,
            label: '',
            photoId: photo,
            withheld: entry.photoWithheld,
          }}
        />
      </ButtonBase>
      <Typography variant="body2">
        <Link href={routeHref({ screen: 'delivery', deliveryId: entry.deliveryId })}>{date}</Link>
      </Typography>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        <Trans
          t={t}
          i18nKey="history.statusBy"
          values={{ status: deliveryStatusText(entry.status) }}
          components={{
            0: (
              <span translate="no">
                <PersonName id={entry.driver.id} fallback={entry.driver.name} />
              </span>
            ),
          }}
        />
      </Typography>
      <Typography variant="caption">{outcomeText(entry)}</Typography>
    </Stack>
  )
}

function SideImage({ side, large = false }: { side: Side; large?: boolean }) {
  const { t } = useTranslation('delivery')
  if (side.withheld)
    return (
      <Stack sx={{ alignItems: 'center', p: 1 }}>
        <LockOutlinedIcon aria-hidden />
        <Typography variant="caption">{t('history.photoWithheld')}</Typography>
      </Stack>
    )
  if (!side.photoId)
    return (
      <Stack sx={{ alignItems: 'center', p: 1 }}>
        <NoPhotographyOutlinedIcon aria-hidden />
        <Typography variant="caption">{t('history.noPhoto')}</Typography>
      </Stack>
    )
  return (
    <Box
      component="img"
      src={photoUrl(side.photoId, { variant: 'thumbnail' })}
      alt={side.label}
      sx={{
        width: '100%',
        height: large ? 240 : '100%',
        objectFit: large ? 'contain' : 'cover',
        display: 'block',
      }}
    />
  )
}

function Comparison({ sides }: { sides: [Side, Side] }) {
  const { t } = useTranslation('delivery')
  return (
    <Box
      role="group"
      aria-label={t('history.sideBySide')}
      sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, mt: 1 }}
    >
      {sides.map((side) => (
        <Box
          component="figure"
          key={side.key}
          sx={{ m: 0, bgcolor: 'action.hover', borderRadius: 1 }}
        >
          <SideImage side={side} large />
          <Typography component="figcaption" variant="body2" sx={{ p: 1 }}>
            {side.label}
          </Typography>
        </Box>
      ))}
    </Box>
  )
}

// Photos of this delivery that also appear on other deliveries: the very same file, or one that
// looks the same (photo-match/ in the core). Each pair is shown side by side as thumbnails (never
// the full photos, which would count as views), with the other delivery's date, address and
// driver. Withheld deliveries take no part: the core never lists them.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import type { Lookalike, ReuseFlag } from '../../electron/core/api/evidence-schemas.ts'
import { photoUrl, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { t as say } from '../../electron/core/messages/messages.ts'
import { routeHref } from '../navigation/route.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { DeliveryTime } from '../ui/Times.tsx'

/** The flag in words: where else the photo appears. */
export function reuseFlagText(flag: ReuseFlag): string {
  if (flag.otherAddress && flag.earlier) return say('delivery:lookalikes.flagBoth')
  return flag.otherAddress
    ? say('delivery:lookalikes.flagOtherAddress')
    : say('delivery:lookalikes.flagEarlier')
}

export function LookalikePhotos({
  deliveryId,
  withheld,
}: {
  deliveryId: string
  withheld: boolean
}) {
  const { t } = useTranslation('delivery')
  const read = useQuery({ ...queries.lookalikes(deliveryId), enabled: !withheld })
  if (withheld) return null
  if (read.error && !read.data)
    return (
      <Alert severity="error" aria-label={t('lookalikes.heading')}>
        {t('lookalikes.readFailed', { reason: userMessage(read.error) })}
      </Alert>
    )
  const found = read.data
  if (!found) return null
  const pairs = found.photos.flatMap((photo, index) =>
    photo.lookalikes.map((match) => ({ photoId: photo.photoId, index, match })),
  )
  if (pairs.length === 0) return null
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="lookalikes-heading"
      sx={{ p: 2 }}
    >
      <Typography variant="h2" id="lookalikes-heading" sx={{ mb: 1 }}>
        {t('lookalikes.heading')}
      </Typography>
      {found.flag && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {reuseFlagText(found.flag)}
        </Alert>
      )}
      <Stack component="ul" sx={{ listStyle: 'none', m: 0, p: 0, gap: 1.5 }}>
        {pairs.map(({ photoId, index, match }) => (
          <Pair
            key={`${photoId} ${match.photoId}`}
            photoId={photoId}
            index={index}
            match={match}
            maxDistance={found.maxDistance}
          />
        ))}
      </Stack>
    </Paper>
  )
}

function Pair(props: { photoId: string; index: number; match: Lookalike; maxDistance: number }) {
  const { photoId, index, match } = props
  const { t } = useTranslation('delivery')
  const number = index + 1
  const bits = { distance: match.distance, max: props.maxDistance }
  const likeness = match.sameFile ? t('lookalikes.sameFile') : t('lookalikes.looksSame', bits)
  const name = match.sameFile
    ? t('lookalikes.pairSameFile', { number, orderId: match.orderId })
    : t('lookalikes.pairLooksSame', { number, orderId: match.orderId, ...bits })
  const where = [match.address.line1, match.address.line2, match.address.city]
    .filter(Boolean)
    .join(', ')
  return (
    <Box
      component="li"
      sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
      aria-label={name}
    >
      <Stack direction="row" sx={{ gap: 1 }}>
        <PairImage photoId={photoId} label={t('lookalikes.thisPhoto', { number })} />
        <PairImage
          photoId={match.photoId}
          label={t('lookalikes.otherPhoto', { orderId: match.orderId })}
        />
      </Stack>
      <Box sx={{ minWidth: 220 }}>
        <Typography sx={{ fontWeight: 600 }}>{likeness}</Typography>
        <Typography variant="body2">
          <Link href={routeHref({ screen: 'delivery', deliveryId: match.deliveryId })}>
            <Trans
              t={t}
              i18nKey="lookalikes.order"
              values={{ orderId: match.orderId }}
              components={{ 0: <span translate="no" /> }}
            />
          </Link>
          {' · '}
          {match.otherAddress ? t('lookalikes.anotherAddress') : t('lookalikes.thisAddress')}
          {match.earlier ? ` · ${t('lookalikes.takenEarlier')}` : ''}
        </Typography>
        <Typography variant="body2" translate="no" sx={{ color: 'text.secondary' }}>
          {where}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          <Trans
            t={t}
            i18nKey="lookalikes.takenBy"
            components={{
              0: <DeliveryTime iso={match.takenAt} timeZone={match.timeZone} />,
              1: (
                <span translate="no">
                  <PersonName id={match.driver.id} fallback={match.driver.name} />
                </span>
              ),
            }}
          />
        </Typography>
      </Box>
    </Box>
  )
}

function PairImage({ photoId, label }: { photoId: string; label: string }) {
  return (
    <Box component="figure" sx={{ m: 0, width: 160 }}>
      <Box
        component="img"
        src={photoUrl(photoId, { variant: 'thumbnail' })}
        alt={label}
        sx={{
          width: 160,
          height: 120,
          objectFit: 'cover',
          display: 'block',
          borderRadius: 1,
          bgcolor: 'action.hover',
        }}
      />
      <Typography component="figcaption" variant="caption" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
    </Box>
  )
}

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
import type { Lookalike, ReuseFlag } from '../../electron/core/api/evidence-schemas.ts'
import { photoUrl, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { routeHref } from '../navigation/route.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { DeliveryTime } from '../ui/Times.tsx'

/** The flag in words: where else the photo appears. */
export function reuseFlagText(flag: ReuseFlag): string {
  const where = [
    ...(flag.otherAddress ? ['at another address'] : []),
    ...(flag.earlier ? ['on an earlier delivery'] : []),
  ]
  return `A photo of this delivery also appears ${where.join(' and ')}.`
}

export function LookalikePhotos({
  deliveryId,
  withheld,
}: {
  deliveryId: string
  withheld: boolean
}) {
  const read = useQuery({ ...queries.lookalikes(deliveryId), enabled: !withheld })
  if (withheld) return null
  if (read.error && !read.data)
    return (
      <Alert severity="error" aria-label="Look-alike photos">
        Look-alike photos could not be read: {userMessage(read.error)}
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
        Same or look-alike photos
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
  const likeness = match.sameFile
    ? 'The same file'
    : `Looks the same (${match.distance} of 64 bits differ; ${props.maxDistance} or fewer count)`
  const where = [match.address.line1, match.address.line2, match.address.city]
    .filter(Boolean)
    .join(', ')
  return (
    <Box
      component="li"
      sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
      aria-label={`Photo ${index + 1}: ${likeness.toLowerCase()} as a photo of order ${match.orderId}`}
    >
      <Stack direction="row" sx={{ gap: 1 }}>
        <PairImage photoId={photoId} label={`This delivery, photo ${index + 1}`} />
        <PairImage photoId={match.photoId} label={`Order ${match.orderId}`} />
      </Stack>
      <Box sx={{ minWidth: 220 }}>
        <Typography sx={{ fontWeight: 600 }}>{likeness}</Typography>
        <Typography variant="body2">
          <Link href={routeHref({ screen: 'delivery', deliveryId: match.deliveryId })}>
            Order {match.orderId}
          </Link>
          {match.otherAddress ? ' · another address' : ' · this address'}
          {match.earlier ? ' · taken earlier' : ''}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {where}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Taken <DeliveryTime iso={match.takenAt} timeZone={match.timeZone} /> by{' '}
          <PersonName id={match.driver.id} fallback={match.driver.name} />
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

// The delivery card's body: the photos as thumbnails, the address, when and by whom it was
// delivered, where it was left, how far from the address, and other claims as links.
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import PlaceOutlinedIcon from '@mui/icons-material/PlaceOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { photoUrl } from '../api/client.ts'
import { routeHref } from '../navigation/route.ts'
import { addressLines } from '../delivery/address.ts'
import { formatMetres } from '../delivery/distance.ts'
import { locationFlag, locationFlagShort } from '../delivery/locationFlag.ts'
import { dropOffSpotText, withheldReasonText } from '../delivery/labels.ts'
import { formatDateTime } from '../format/time.ts'
import { DeliveryTime } from '../ui/Times.tsx'
import { DEFAULT_CASE_FILTERS } from '../navigation/caseFilters.ts'
import type { CaseFilters } from '../navigation/caseFilters.ts'
import { PersonName } from '../ui/PersonName.tsx'

const MAX_THUMBNAILS = 4

export function DeliverySummary({
  delivery,
  deliveryHref,
}: {
  delivery: DeliveryDetail
  deliveryHref: string
}) {
  const { t } = useTranslation('cases')
  const shown = delivery.photos
    .filter((p) => p.state === 'stored' && p.hasThumbnail && !p.displayError)
    .slice(0, MAX_THUMBNAILS)
  const check = delivery.locationCheck
  // The same fix and the same distance as the delivery's own screen names.
  const flag = locationFlag(
    delivery,
    delivery.photoWithheld ? [] : [...delivery.photos].sort((a, b) => a.position - b.position),
  )
  const claims = delivery.repeatClaims
  const claimLinks: Array<{ label: string; count: number; filters: Partial<CaseFilters> }> = [
    {
      label: t('delivery.customerClaims', { count: claims.customer.count }),
      count: claims.customer.count,
      filters: { customer: claims.customer.id },
    },
    {
      label: t('delivery.addressClaims', { count: claims.address.count }),
      count: claims.address.count,
      filters: { address: claims.address.key },
    },
    {
      label: t('delivery.driverClaims', { count: claims.driver.count }),
      count: claims.driver.count,
      filters: { driver: claims.driver.id },
    },
  ]

  return (
    <>
      {delivery.photoWithheld ? (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', color: 'text.secondary' }}>
          <LockOutlinedIcon fontSize="small" aria-hidden />
          <Typography variant="body2">{withheldReasonText(delivery.photoWithheld)}</Typography>
        </Stack>
      ) : shown.length > 0 ? (
        <Box
          component="ul"
          aria-label={t('delivery.photos')}
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            display: 'grid',
            gridTemplateColumns: `repeat(${MAX_THUMBNAILS}, minmax(0, 1fr))`,
            gap: 1,
          }}
        >
          {shown.map((photo) => (
            <li key={photo.id}>
              <Link
                href={deliveryHref}
                sx={{
                  display: 'block',
                  borderRadius: 1,
                  overflow: 'hidden',
                  border: 1,
                  borderColor: 'divider',
                  aspectRatio: '4 / 3',
                  bgcolor: 'action.hover',
                }}
              >
                <Box
                  component="img"
                  src={photoUrl(photo.id, { variant: 'thumbnail' })}
                  alt={t('delivery.photoAlt', {
                    number: photo.position + 1,
                    total: delivery.photos.length,
                    time: formatDateTime(photo.takenAt, { timeZone: delivery.timeZone }),
                  })}
                  loading="lazy"
                  sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
                />
              </Link>
            </li>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {delivery.photos.length === 0 ? t('delivery.noPhoto') : t('delivery.photosMissing')}
        </Typography>
      )}

      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'max-content minmax(0, 1fr)',
          columnGap: 2,
          rowGap: 0.75,
          typography: 'body2',
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0, minWidth: 0 },
        }}
      >
        <dt>{t('delivery.address')}</dt>
        <dd translate="no">{addressLines(delivery.address).slice(0, 2).join(', ')}</dd>
        <dt>{t('delivery.delivered')}</dt>
        <dd>
          <Trans
            t={t}
            i18nKey={delivery.deliveredAt ? 'delivery.deliveredBy' : 'delivery.notDeliveredBy'}
            // DeliveryTime and PersonName write the time and the name themselves.
            values={{ time: '', name: '' }}
            components={{
              0: delivery.deliveredAt ? (
                <DeliveryTime iso={delivery.deliveredAt} timeZone={delivery.timeZone} />
              ) : (
                <PersonName id={delivery.driver.id} fallback={delivery.driver.name} />
              ),
              1: <PersonName id={delivery.driver.id} fallback={delivery.driver.name} />,
            }}
          />
        </dd>
        <dt>{t('delivery.left')}</dt>
        <dd>
          {dropOffSpotText(delivery.dropOff.spot)}
          {delivery.dropOff.note && (
            <Box
              component="q"
              translate="no"
              sx={{ display: 'block', fontStyle: 'italic', color: 'text.secondary' }}
            >
              {delivery.dropOff.note}
            </Box>
          )}
        </dd>
        <dt>{t('delivery.distance')}</dt>
        <dd>
          <Stack
            direction="row"
            component="span"
            sx={{
              alignItems: 'center',
              gap: 0.5,
              color: check.flagged ? 'warning.main' : 'text.primary',
              fontWeight: check.flagged ? 500 : 400,
            }}
          >
            {check.flagged ? (
              <LocationOffOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
            ) : (
              <PlaceOutlinedIcon sx={{ fontSize: 18, color: 'success.main' }} aria-hidden />
            )}
            {check.awayM === null
              ? t('delivery.unknownDistance')
              : flag
                ? locationFlagShort(flag)
                : t('delivery.atAddress', { distance: formatMetres(check.thresholdM) })}
          </Stack>
        </dd>
        <dt>{t('delivery.claims')}</dt>
        <dd>
          {claimLinks.every((c) => c.count === 0) ? (
            t('delivery.noClaims')
          ) : (
            <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
              {claimLinks
                .filter((c) => c.count > 0)
                .map((c) => (
                  <Link
                    key={c.label}
                    href={routeHref({
                      screen: 'cases',
                      filters: { ...DEFAULT_CASE_FILTERS, statuses: [], ...c.filters },
                    })}
                    sx={{ fontWeight: c.count >= 2 ? 500 : 400 }}
                  >
                    {c.label}
                  </Link>
                ))}
            </Box>
          )}
        </dd>
      </Box>
    </>
  )
}

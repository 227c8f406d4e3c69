// The evidence a case was opened on, as it was frozen then (later syncs never change it), and a
// warning listing what has changed on the delivery since.
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import PlaceOutlinedIcon from '@mui/icons-material/PlaceOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseDetail, EvidenceSnapshot } from '../../electron/core/api/case-schemas.ts'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { formatMetres } from '../delivery/distance.ts'
import { dropOffSpotText, withheldReasonText } from '../delivery/labels.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { shortHash } from '../words/caseWords.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { formatAccuracy } from '../../electron/core/api/display-format.ts'
import { PersonName } from '../ui/PersonName.tsx'

type Fix = NonNullable<EvidenceSnapshot['dropOff']['location']>

/** "37.77490, -122.41940 (±11 m)": a fix as the snapshot keeps it. */
function fixText(fix: Fix): string {
  const place = `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)}`
  return fix.accuracyM === undefined ? place : `${place} (${formatAccuracy(fix.accuracyM)})`
}

export function EvidenceCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases')
  const snapshot = detail.snapshot
  const deliveryHref = routeHref({
    screen: 'delivery',
    deliveryId: detail.deliveryId,
    caseId: detail.id,
  })
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="evidence-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Box>
        <Typography variant="h2" id="evidence-heading">
          {t('evidence.title')}
        </Typography>
        {snapshot && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            <Trans
              t={t}
              i18nKey="evidence.recorded"
              values={{ time: formatDateTime(snapshot.takenAt), version: snapshot.deliveryVersion }}
              components={{
                0: (
                  <time dateTime={snapshot.takenAt} title={formatDateTimeLong(snapshot.takenAt)} />
                ),
              }}
            />
          </Typography>
        )}
      </Box>

      {detail.evidenceChanges.length > 0 && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0.5 }}>
          <AlertTitle sx={{ fontSize: '0.875rem', mb: 0.25 }}>
            {t('evidence.changedTitle')}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2' }}>
            {detail.evidenceChanges.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </Box>
          <Link href={deliveryHref} sx={{ typography: 'body2', display: 'inline-block', mt: 0.5 }}>
            {t('evidence.seeNow')}
          </Link>
        </Alert>
      )}

      {!snapshot ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          <Trans
            t={t}
            i18nKey="evidence.notRecorded"
            components={{ 0: <Link href={deliveryHref} /> }}
          />
        </Typography>
      ) : (
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'max-content minmax(0, 1fr)',
            columnGap: 2,
            rowGap: 1,
            typography: 'body2',
            '& dt': { color: 'text.secondary' },
            '& dd': { m: 0, minWidth: 0 },
          }}
        >
          <dt>{t('evidence.delivered')}</dt>
          <dd>
            {snapshot.deliveredAt
              ? formatDateTime(snapshot.deliveredAt)
              : t('evidence.notDelivered')}
          </dd>
          <dt>{t('evidence.driver')}</dt>
          <dd>
            <PersonName id={snapshot.driver.id} fallback={snapshot.driver.name} />{' '}
            <Box component="span" translate="no" sx={{ color: 'text.secondary' }}>
              ({snapshot.driver.id})
            </Box>
          </dd>
          <dt>{t('evidence.left')}</dt>
          <dd>{dropOffSpotText(snapshot.dropOff.spot as DeliveryDetail['dropOff']['spot'])}</dd>
          <dt>{t('evidence.fix')}</dt>
          <dd style={{ fontVariantNumeric: 'tabular-nums' }}>
            {snapshot.dropOff.location ? (
              <span translate="no">{fixText(snapshot.dropOff.location)}</span>
            ) : (
              t('evidence.noFix')
            )}
          </dd>
          <dt>{t('evidence.distance')}</dt>
          <dd>
            <AwayFlag away={snapshot.awayFromAddress} />
          </dd>
          <dt>{t('evidence.photos')}</dt>
          <dd>
            {snapshot.photoWithheld ? (
              withheldReasonText(
                snapshot.photoWithheld as NonNullable<DeliveryDetail['photoWithheld']>,
              )
            ) : snapshot.photos.length === 0 ? (
              t('evidence.noPhotos')
            ) : (
              <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                {snapshot.photos.map((photo) => (
                  <li key={photo.id}>
                    <Tooltip title={t('evidence.photoHash', { hash: photo.sha256 })} describeChild>
                      <Box
                        component="code"
                        translate="no"
                        tabIndex={0}
                        sx={{
                          fontFamily: 'ui-monospace, "Roboto Mono", monospace',
                          fontSize: '0.8rem',
                        }}
                      >
                        {shortHash(photo.sha256)}
                      </Box>
                    </Tooltip>
                    <Box component="span" sx={{ color: 'text.secondary' }}>
                      {' '}
                      {t(photo.location ? 'evidence.photoTaken' : 'evidence.photoTakenNoFix', {
                        time: formatDateTime(photo.takenAt),
                      })}
                    </Box>
                  </li>
                ))}
              </Box>
            )}
          </dd>
        </Box>
      )}
    </Paper>
  )
}

function AwayFlag({ away }: { away: EvidenceSnapshot['awayFromAddress'] }) {
  if (away.distanceM === null) {
    return <span>{t('cases:evidence.unknownDistance')}</span>
  }
  return (
    <Stack
      direction="row"
      component="span"
      sx={{
        alignItems: 'center',
        gap: 0.5,
        color: away.flagged ? 'warning.main' : 'text.primary',
        fontWeight: away.flagged ? 500 : 400,
      }}
    >
      {away.flagged ? (
        <LocationOffOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
      ) : (
        <PlaceOutlinedIcon sx={{ fontSize: 18, color: 'success.main' }} aria-hidden />
      )}
      {/* The snapshot keeps how far the fix was beyond its own accuracy, and says so. */}
      {away.flagged
        ? t('cases:evidence.away', { distance: formatMetres(away.distanceM) })
        : t('cases:evidence.atAddress', { distance: formatMetres(away.distanceM) })}
    </Stack>
  )
}

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
import type { CaseDetail, EvidenceSnapshot } from '../../electron/core/api/case-schemas.ts'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { formatMetres } from '../delivery/distance.ts'
import { dropOffSpotText, withheldReasonText } from '../delivery/labels.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { shortHash } from '../words/caseWords.ts'
import { PersonName } from '../ui/PersonName.tsx'

type Fix = NonNullable<EvidenceSnapshot['dropOff']['location']>

function fixText(fix: Fix | null): string {
  if (!fix) return 'No position recorded'
  const place = `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)}`
  return fix.accuracyM === undefined ? place : `${place} (± ${formatMetres(fix.accuracyM)})`
}

export function EvidenceCard({ detail }: { detail: CaseDetail }) {
  const snapshot = detail.snapshot
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="evidence-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Box>
        <Typography variant="h2" id="evidence-heading">
          Evidence when the case was opened
        </Typography>
        {snapshot && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            Recorded{' '}
            <time dateTime={snapshot.takenAt} title={formatDateTimeLong(snapshot.takenAt)}>
              {formatDateTime(snapshot.takenAt)}
            </time>{' '}
            from delivery record version {snapshot.deliveryVersion}
          </Typography>
        )}
      </Box>

      {detail.evidenceChanges.length > 0 && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0.5 }}>
          <AlertTitle sx={{ fontSize: '0.875rem', mb: 0.25 }}>
            The evidence changed since this case was opened:
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2' }}>
            {detail.evidenceChanges.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </Box>
          <Link
            href={routeHref({
              screen: 'delivery',
              deliveryId: detail.deliveryId,
              caseId: detail.id,
            })}
            sx={{ typography: 'body2', display: 'inline-block', mt: 0.5 }}
          >
            See the delivery as it is now
          </Link>
        </Alert>
      )}

      {!snapshot ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          This case was opened on another console, so its evidence was not recorded here.{' '}
          <Link
            href={routeHref({
              screen: 'delivery',
              deliveryId: detail.deliveryId,
              caseId: detail.id,
            })}
          >
            See the delivery as it is now
          </Link>
          .
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
          <dt>Delivered</dt>
          <dd>{snapshot.deliveredAt ? formatDateTime(snapshot.deliveredAt) : 'Not delivered'}</dd>
          <dt>Driver</dt>
          <dd>
            <PersonName id={snapshot.driver.id} fallback={snapshot.driver.name} />{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              ({snapshot.driver.id})
            </Box>
          </dd>
          <dt>Left</dt>
          <dd>{dropOffSpotText(snapshot.dropOff.spot as DeliveryDetail['dropOff']['spot'])}</dd>
          <dt>Drop-off fix</dt>
          <dd style={{ fontVariantNumeric: 'tabular-nums' }}>
            {fixText(snapshot.dropOff.location)}
          </dd>
          <dt>Distance</dt>
          <dd>
            <AwayFlag away={snapshot.awayFromAddress} />
          </dd>
          <dt>Photos</dt>
          <dd>
            {snapshot.photoWithheld ? (
              withheldReasonText(
                snapshot.photoWithheld as NonNullable<DeliveryDetail['photoWithheld']>,
              )
            ) : snapshot.photos.length === 0 ? (
              'No photos'
            ) : (
              <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                {snapshot.photos.map((photo) => (
                  <li key={photo.id}>
                    <Tooltip title={`sha256 ${photo.sha256}`} describeChild>
                      <Box
                        component="code"
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
                      · taken {formatDateTime(photo.takenAt)}
                      {photo.location ? '' : ' · no position'}
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
    return <span>Unknown: the address has no position</span>
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
        ? `Away: ${formatMetres(away.distanceM)} beyond the fix’s accuracy`
        : `At the address (${formatMetres(away.distanceM)} beyond the fix’s accuracy)`}
    </Stack>
  )
}

// The delivery behind a case, as the local copy has it now: the photos (thumbnails, which do not
// count as viewing them), where and when it was left, and how many other claims its customer,
// address and driver have, each a link to those cases. The full viewer is one click away.
import { useQuery } from '@tanstack/react-query'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import OpenInNewOutlinedIcon from '@mui/icons-material/OpenInNewOutlined'
import { useTranslation } from 'react-i18next'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { routeHref } from '../navigation/route.ts'
import { DeliverySummary } from './DeliverySummary.tsx'

type Props = {
  deliveryId: string
  /** The case shown around this card: the photos opened from here are viewed for it. */
  caseId: string
}

export function DeliveryCard({ deliveryId, caseId }: Props) {
  const { t } = useTranslation('cases')
  // Read again when a sync changes the local copy and when the case changes here.
  const read = useQuery(queries.delivery(deliveryId))
  const delivery = read.data
  const error = read.error ? userMessage(read.error) : null

  const deliveryHref = routeHref({ screen: 'delivery', deliveryId, caseId })

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="case-delivery-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" id="case-delivery-heading" sx={{ flex: 1 }}>
          {t('delivery.title')}
        </Typography>
        <Button
          size="small"
          href={deliveryHref}
          endIcon={<OpenInNewOutlinedIcon fontSize="small" />}
        >
          {t('delivery.open')}
        </Button>
      </Stack>

      {delivery === undefined && !error ? (
        <Stack sx={{ gap: 1 }}>
          <Skeleton variant="rounded" height={96} />
          <Skeleton width="70%" />
          <Skeleton width="50%" />
        </Stack>
      ) : error && !delivery ? (
        <Typography variant="body2" sx={{ color: 'error.main' }}>
          {t('delivery.failed', { reason: error })}
        </Typography>
      ) : !delivery ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('delivery.gone')}
        </Typography>
      ) : (
        <DeliverySummary delivery={delivery} deliveryHref={deliveryHref} />
      )}
    </Paper>
  )
}

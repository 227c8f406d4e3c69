// What stands in for the Reports screen: while its code loads, and for anyone who is not a
// supervisor (the link is not shown to them; an address typed by hand lands here).
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'

export function ReportsSkeleton() {
  const { t } = useTranslation('reports')
  return (
    <Box
      component="main"
      role="status"
      aria-label={t('screen.loading')}
      sx={{ gridArea: 'main', p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Skeleton variant="text" width={160} height={40} />
      <Skeleton variant="rounded" height={96} />
      <Skeleton variant="rounded" height={300} />
    </Box>
  )
}

export function SupervisorsOnly() {
  const { t } = useTranslation('reports')
  return (
    <Box component="main" aria-labelledby="reports-heading" sx={{ gridArea: 'main', p: 3 }}>
      <Typography variant="h1" id="reports-heading" sx={{ mb: 2 }}>
        {t('screen.title')}
      </Typography>
      <Alert severity="info" sx={{ maxWidth: 640 }}>
        {t('screen.supervisorsOnly')}
      </Alert>
    </Box>
  )
}

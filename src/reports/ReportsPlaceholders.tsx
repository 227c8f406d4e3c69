// What stands in for the Reports screen: while its code loads, and for anyone who is not a
// supervisor (the link is not shown to them; an address typed by hand lands here).
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'

export function ReportsSkeleton() {
  return (
    <Box
      component="main"
      role="status"
      aria-label="Loading the reports"
      sx={{ gridArea: 'main', p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Skeleton variant="text" width={160} height={40} />
      <Skeleton variant="rounded" height={96} />
      <Skeleton variant="rounded" height={300} />
    </Box>
  )
}

export function SupervisorsOnly() {
  return (
    <Box component="main" aria-labelledby="reports-heading" sx={{ gridArea: 'main', p: 3 }}>
      <Typography variant="h1" id="reports-heading" sx={{ mb: 2 }}>
        Reports
      </Typography>
      <Alert severity="info" sx={{ maxWidth: 640 }}>
        Reports and exports are for supervisors. Ask a supervisor if you need one.
      </Alert>
    </Box>
  )
}

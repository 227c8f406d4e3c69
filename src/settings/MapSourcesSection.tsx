// Settings → Map tiles: where the map's tiles come from, in the order the map asks for them: map
// files (MBTiles), then the online tile server, then the tiles already viewed. Each change is sent
// to the core at once and the list is read back from it.
import { useId, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Snackbar from '@mui/material/Snackbar'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { MapFileList } from './MapFileList.tsx'
import { TileCacheControls } from './TileCacheControls.tsx'
import { TileServerForm } from './TileServerForm.tsx'
import { useMapSources } from './useMapSources.ts'

export default function MapSourcesSection() {
  const { t } = useTranslation(['settings', 'common'])
  const state = useMapSources()
  const { sources, settings, loadError, busy, actionError, done } = state
  const headingId = useId()
  const [snackbarAt, setSnackbarAt] = useState<number | null>(null)
  const [previousDone, setPreviousDone] = useState(done)
  if (previousDone !== done) {
    setPreviousDone(done)
    if (done) setSnackbarAt(done.at)
  }

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: 2.5, typography: 'body2', display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('maps.title')}
        </Typography>
        {busy && (
          <Stack
            direction="row"
            role="status"
            sx={{ alignItems: 'center', gap: 1, color: 'text.secondary' }}
          >
            <CircularProgress size={14} aria-hidden="true" />
            {busy}
          </Stack>
        )}
      </Stack>
      <Box component="p" sx={{ m: 0, color: 'text.secondary' }}>
        {t('maps.intro')}
      </Box>

      {loadError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={state.reload}>
              {t('screen.retry')}
            </Button>
          }
        >
          {t('maps.readFailed', { reason: loadError })}
        </Alert>
      ) : sources === null || settings === null ? (
        <Box role="status" aria-label={t('maps.loading')}>
          <Skeleton variant="rounded" height={64} />
          <Skeleton variant="rounded" height={120} sx={{ mt: 1.5 }} />
          <Skeleton variant="rounded" height={64} sx={{ mt: 1.5 }} />
        </Box>
      ) : (
        <>
          {actionError && (
            <Alert
              severity="error"
              onClose={state.clearActionError}
              closeText={t('common:action.close')}
            >
              {actionError}
            </Alert>
          )}
          <Step number={1} title={t('maps.filesStep')}>
            <MapFileList sources={sources} settings={settings} state={state} />
          </Step>
          <Step number={2} title={t('maps.serverStep')}>
            <TileServerForm sources={sources} state={state} />
          </Step>
          <Step number={3} title={t('maps.cacheStep')}>
            <TileCacheControls sources={sources} settings={settings} state={state} />
          </Step>
        </>
      )}

      <Snackbar
        open={snackbarAt !== null}
        autoHideDuration={5000}
        onClose={(_event, reason) => {
          if (reason !== 'clickaway') setSnackbarAt(null)
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        sx={{ bottom: { xs: 56, sm: 56 } }}
      >
        <Alert
          severity="success"
          variant="filled"
          onClose={() => setSnackbarAt(null)}
          closeText={t('common:action.close')}
          sx={{
            boxShadow: 3,
            color: 'success.contrastText',
            '& .MuiAlert-icon': { color: 'inherit' },
          }}
        >
          {done?.message}
        </Alert>
      </Snackbar>
    </Paper>
  )
}

function Step(props: { number: number; title: string; children: ReactNode }) {
  const { t } = useTranslation(['settings', 'common'])
  const id = useId()
  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{ borderTop: 1, borderColor: 'divider', pt: 2, display: 'grid', gap: 1.25 }}
    >
      <Typography variant="h3" id={id}>
        <Box component="span" sx={{ color: 'text.secondary', mr: 1 }} aria-hidden="true">
          {t('maps.stepNumber', { number: props.number })}
        </Box>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  )
}

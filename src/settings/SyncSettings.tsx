// Settings › Sync: how often Porchlight syncs on its own, and whether the desktop app says when
// changes made offline were sent. A change is saved as soon as it is
// chosen; a snackbar says it was, an alert with Try again that it was not.
import { useId, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import InputLabel from '@mui/material/InputLabel'
import MenuItem from '@mui/material/MenuItem'
import Select from '@mui/material/Select'
import Skeleton from '@mui/material/Skeleton'
import Snackbar from '@mui/material/Snackbar'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import { useTranslation } from 'react-i18next'
import { SettingsSection } from './SettingsSection.tsx'
import { syncIntervalLabel, syncIntervalOptions, syncIntervalSentence } from './syncIntervals.ts'
import { useSettings } from './useSettings.ts'

export function SyncSettings() {
  const { t } = useTranslation(['settings', 'common'])
  const { settings, loadError, saving, lastSave, save, reload } = useSettings()
  const labelId = useId()
  const helpId = useId()
  const notifyHelpId = useId()
  // The select stays enabled while saving: disabling it would throw the keyboard focus away.
  // The snackbar is closed by a timer or by the person; a new save opens it again.
  const [snackbarFor, setSnackbarFor] = useState<object | null>(null)
  const [previousSave, setPreviousSave] = useState(lastSave)
  if (previousSave !== lastSave) {
    setPreviousSave(lastSave)
    if (lastSave?.status === 'saved') setSnackbarFor(lastSave)
  }

  const minutes = settings?.syncIntervalMinutes ?? null

  return (
    <SettingsSection id="settings-sync" title={t('sync.title')}>
      {loadError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={reload}>
              {t('screen.retry')}
            </Button>
          }
        >
          {t('screen.readFailed', { reason: loadError })}
        </Alert>
      ) : minutes === null ? (
        <Box role="status" aria-label={t('screen.loading')}>
          <Skeleton variant="rounded" height={40} sx={{ maxWidth: 320 }} />
          <Skeleton variant="text" sx={{ maxWidth: 480, mt: 0.5 }} />
        </Box>
      ) : (
        <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1.5 }}>
          <FormControl size="small" sx={{ width: 320 }}>
            <InputLabel id={labelId}>{t('sync.interval')}</InputLabel>
            <Select
              labelId={labelId}
              label={t('sync.interval')}
              value={minutes}
              onChange={(event) => {
                const next = Number(event.target.value)
                if (next !== minutes) save({ syncIntervalMinutes: next })
              }}
              slotProps={{ input: { 'aria-describedby': helpId } }}
              sx={{ bgcolor: 'background.paper' }}
            >
              {syncIntervalOptions(minutes).map((option) => (
                <MenuItem key={option} value={option}>
                  {syncIntervalLabel(option)}
                </MenuItem>
              ))}
            </Select>
            <FormHelperText id={helpId} sx={{ mx: 0 }}>
              {t('sync.intervalHint')}
            </FormHelperText>
          </FormControl>
          {saving && (
            <Stack
              direction="row"
              sx={{ alignItems: 'center', gap: 1, height: 40, typography: 'body2' }}
            >
              <CircularProgress size={14} aria-hidden="true" />
              {t('common:action.saving')}
            </Stack>
          )}
        </Stack>
      )}
      {settings && (
        <FormControlLabel
          sx={{ mt: 2, alignItems: 'flex-start' }}
          control={
            <Switch
              checked={settings.notifyAfterOutage}
              onChange={(event) => save({ notifyAfterOutage: event.target.checked })}
              slotProps={{ input: { 'aria-describedby': notifyHelpId } }}
            />
          }
          label={
            <Box sx={{ pt: 1 }}>
              {t('sync.notify')}
              <FormHelperText id={notifyHelpId} sx={{ mx: 0 }}>
                {t('sync.notifyHint')}
              </FormHelperText>
            </Box>
          }
        />
      )}

      {lastSave?.status === 'failed' && (
        <Alert
          severity="error"
          sx={{ mt: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => save(lastSave.patch)}>
              {t('common:action.retry')}
            </Button>
          }
        >
          {t('sync.notSaved', { reason: lastSave.message })}
        </Alert>
      )}

      <Snackbar
        open={snackbarFor !== null}
        autoHideDuration={5000}
        onClose={(_event, reason) => {
          if (reason !== 'clickaway') setSnackbarFor(null)
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        sx={{ bottom: { xs: 56, sm: 56 } }}
      >
        <Alert
          severity="success"
          variant="filled"
          onClose={() => setSnackbarFor(null)}
          closeText={t('common:action.close')}
          // MUI's filled text is white; on the dark theme's light green that is unreadable.
          sx={{
            boxShadow: 3,
            color: 'success.contrastText',
            '& .MuiAlert-icon': { color: 'inherit' },
          }}
        >
          {lastSave?.status === 'saved' &&
            t('sync.saved', {
              what:
                'notifyAfterOutage' in lastSave.patch
                  ? lastSave.settings.notifyAfterOutage
                    ? t('sync.notifyOn')
                    : t('sync.notifyOff')
                  : syncIntervalSentence(lastSave.settings.syncIntervalMinutes),
            })}
        </Alert>
      </Snackbar>
    </SettingsSection>
  )
}

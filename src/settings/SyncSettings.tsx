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
import { SettingsSection } from './SettingsSection.tsx'
import { syncIntervalLabel, syncIntervalOptions, syncIntervalSentence } from './syncIntervals.ts'
import { useSettings } from './useSettings.ts'

export function SyncSettings() {
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
    <SettingsSection id="settings-sync" title="Sync">
      {loadError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={reload}>
              Retry
            </Button>
          }
        >
          The settings could not be read. {loadError}
        </Alert>
      ) : minutes === null ? (
        <Box role="status" aria-label="Loading the settings">
          <Skeleton variant="rounded" height={40} sx={{ maxWidth: 320 }} />
          <Skeleton variant="text" sx={{ maxWidth: 480, mt: 0.5 }} />
        </Box>
      ) : (
        <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1.5 }}>
          <FormControl size="small" sx={{ width: 320 }}>
            <InputLabel id={labelId}>Sync automatically</InputLabel>
            <Select
              labelId={labelId}
              label="Sync automatically"
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
              How often Porchlight fetches new deliveries, cases and photos while you are signed in.
              Sync now in the status bar works whatever you choose.
            </FormHelperText>
          </FormControl>
          {saving && (
            <Stack
              direction="row"
              sx={{ alignItems: 'center', gap: 1, height: 40, typography: 'body2' }}
            >
              <CircularProgress size={14} aria-hidden="true" />
              Saving…
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
              Tell me when changes made offline are sent
              <FormHelperText id={notifyHelpId} sx={{ mx: 0 }}>
                The desktop app shows a notification when the delivery service is back and your
                queued changes have gone, or when one needs your decision.
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
              Try again
            </Button>
          }
        >
          The change was not saved. {lastSave.message}
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
          // MUI's filled text is white; on the dark theme's light green that is unreadable.
          sx={{
            boxShadow: 3,
            color: 'success.contrastText',
            '& .MuiAlert-icon': { color: 'inherit' },
          }}
        >
          Saved.{' '}
          {lastSave?.status === 'saved' &&
            ('notifyAfterOutage' in lastSave.patch
              ? lastSave.settings.notifyAfterOutage
                ? 'Porchlight tells you when changes made offline are sent.'
                : 'No notifications after an outage.'
              : syncIntervalSentence(lastSave.settings.syncIntervalMinutes))}
        </Alert>
      </Snackbar>
    </SettingsSection>
  )
}

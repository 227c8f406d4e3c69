// Settings: how often Porchlight syncs on its own, and (read only) which delivery service it talks
// to and who is signed in. A change is saved as soon as it is chosen; a message says whether the
// core stored it.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import CircularProgress from '@mui/material/CircularProgress'
import FormControl from '@mui/material/FormControl'
import FormHelperText from '@mui/material/FormHelperText'
import InputLabel from '@mui/material/InputLabel'
import MenuItem from '@mui/material/MenuItem'
import Select from '@mui/material/Select'
import Skeleton from '@mui/material/Skeleton'
import Snackbar from '@mui/material/Snackbar'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined'
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined'
import type { Session } from '../../electron/core/api/definition.ts'
import { roleLabel } from '../session/roles.ts'
import { RetentionSection } from './RetentionSection.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { SupportSection } from './SupportSection.tsx'
import { syncIntervalLabel, syncIntervalOptions, syncIntervalSentence } from './syncIntervals.ts'
import { useSettings } from './useSettings.ts'

// Loaded when Settings opens: the map section's forms stay out of the first screen's bundle.
const MapSourcesSection = lazy(() => import('./MapSourcesSection.tsx'))

type Props = {
  session: Session
  user: NonNullable<Session['user']>
}

const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'

export function SettingsScreen({ session, user }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  return (
    <Box
      component="main"
      aria-labelledby="settings-heading"
      sx={{ gridArea: 'main', overflow: 'auto', p: 3 }}
    >
      <Stack sx={{ gap: 2.5, maxWidth: 760 }}>
        <Typography
          variant="h1"
          id="settings-heading"
          ref={headingRef}
          tabIndex={-1}
          sx={{ outline: 'none' }}
        >
          Settings
        </Typography>
        <SyncSettings />
        <Suspense fallback={<Skeleton variant="rounded" height={240} aria-hidden />}>
          <MapSourcesSection />
        </Suspense>
        <RetentionSection />
        <SettingsSection id="settings-service" title="Delivery service">
          <FactList>
            <Fact term="Kind">
              {session.demo ? (
                <Chip
                  icon={<ScienceOutlinedIcon />}
                  label="Built-in demo service"
                  color="secondary"
                  variant="outlined"
                  size="small"
                />
              ) : (
                <Chip
                  icon={<CloudOutlinedIcon />}
                  label="Real delivery service"
                  color="primary"
                  variant="outlined"
                  size="small"
                />
              )}
              <Muted>
                {session.demo
                  ? 'Sample deliveries made up on this computer. No real customer is shown.'
                  : 'Live deliveries and photos of real customers.'}
              </Muted>
            </Fact>
            <Fact term="Address">
              <Box
                component="span"
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
              >
                {session.serviceUrl}
              </Box>
            </Fact>
          </FactList>
          <Muted>
            The service is chosen when Porchlight is installed or started; ask your administrator to
            change it.
          </Muted>
        </SettingsSection>
        <SettingsSection id="settings-user" title="Signed in as">
          <FactList>
            <Fact term="Name">{user.name}</Fact>
            <Fact term="Role">{roleLabel(user.role)}</Fact>
            <Fact term="User ID">
              <Box component="span" sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}>
                {user.id}
              </Box>
            </Fact>
          </FactList>
        </SettingsSection>
        <SupportSection />
      </Stack>
    </Box>
  )
}

function SyncSettings() {
  const { settings, loadError, saving, lastSave, save, reload } = useSettings()
  const labelId = useId()
  const helpId = useId()
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
            syncIntervalSentence(lastSave.settings.syncIntervalMinutes)}
        </Alert>
      </Snackbar>
    </SettingsSection>
  )
}

function FactList({ children }: { children: ReactNode }) {
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {children}
    </Box>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '96px minmax(0, 1fr)',
        columnGap: 1.5,
        py: 0.75,
        '& + &': { borderTop: 1, borderColor: 'divider' },
      }}
    >
      <Box component="dt" sx={{ color: 'text.secondary' }}>
        {term}
      </Box>
      <Box
        component="dd"
        sx={{ m: 0, minWidth: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
      >
        {children}
      </Box>
    </Box>
  )
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

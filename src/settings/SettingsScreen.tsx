// Settings: how often Porchlight syncs on its own, and (read only) which delivery service it talks
// to and who is signed in. A change is saved as soon as it is chosen; a message says whether the
// core stored it.
import { lazy, Suspense, useEffect, useRef } from 'react'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined'
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined'
import type { Session } from '../../electron/core/api/definition.ts'
import { roleLabel } from '../session/roles.ts'
import { AppearanceSection } from './AppearanceSection.tsx'
import { HelpDeskSection } from './HelpDeskSection.tsx'
import { RetentionSection } from './RetentionSection.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { SupportSection } from './SupportSection.tsx'
import { SyncSettings } from './SyncSettings.tsx'
import { MONOSPACE, FactList, Fact, Muted } from './SettingsFacts.tsx'

// Loaded when Settings opens: the map section's forms stay out of the first screen's bundle.
const MapSourcesSection = lazy(() => import('./MapSourcesSection.tsx'))

type Props = {
  session: Session
  user: NonNullable<Session['user']>
}

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
        <AppearanceSection />
        <SyncSettings />
        <Suspense fallback={<Skeleton variant="rounded" height={240} aria-hidden />}>
          <MapSourcesSection />
        </Suspense>
        <HelpDeskSection />
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

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
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { roleLabel } from '../session/roles.ts'
import { AppearanceSection } from './AppearanceSection.tsx'
import { HelpDeskSection } from './HelpDeskSection.tsx'
import { RetentionSection } from './RetentionSection.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { SupportSection } from './SupportSection.tsx'
import { SyncSettings } from './SyncSettings.tsx'
import { FactList, Fact, Muted } from './SettingsFacts.tsx'
import { MONOSPACE } from '../ui/monospace.ts'

// Loaded when Settings opens: the map section's forms stay out of the first screen's bundle.
const MapSourcesSection = lazy(() => import('./MapSourcesSection.tsx'))

type Props = {
  session: Session
  user: NonNullable<Session['user']>
}

export function SettingsScreen({ session, user }: Props) {
  const { t } = useTranslation('settings')
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
          {t('screen.title')}
        </Typography>
        <AppearanceSection />
        <SyncSettings />
        <Suspense fallback={<Skeleton variant="rounded" height={240} aria-hidden />}>
          <MapSourcesSection />
        </Suspense>
        <HelpDeskSection />
        <RetentionSection />
        <SettingsSection id="settings-service" title={t('service.title')}>
          <FactList>
            <Fact term={t('service.kind')}>
              {session.demo ? (
                <Chip
                  icon={<ScienceOutlinedIcon />}
                  label={t('service.demo')}
                  color="secondary"
                  variant="outlined"
                  size="small"
                />
              ) : (
                <Chip
                  icon={<CloudOutlinedIcon />}
                  label={t('service.real')}
                  color="primary"
                  variant="outlined"
                  size="small"
                />
              )}
              <Muted>{session.demo ? t('service.demoHint') : t('service.realHint')}</Muted>
            </Fact>
            <Fact term={t('service.address')}>
              <Box
                component="span"
                translate="no"
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
              >
                {session.serviceUrl}
              </Box>
            </Fact>
          </FactList>
          <Muted>{t('service.chosenHint')}</Muted>
        </SettingsSection>
        <SettingsSection id="settings-user" title={t('user.title')}>
          <FactList>
            <Fact term={t('user.name')}>
              <span translate="no">{user.name}</span>
            </Fact>
            <Fact term={t('user.role')}>{roleLabel(user.role)}</Fact>
            <Fact term={t('user.id')}>
              <Box
                component="span"
                translate="no"
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}
              >
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

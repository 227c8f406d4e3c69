// The signed-in frame: app bar on top, navigation on the left, the current screen in the middle,
// sync status along the bottom. It owns what must outlive a screen: the search and sync state.
import { lazy, Suspense, useCallback, useState } from 'react'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { KeyboardShortcutsHelp } from './KeyboardShortcutsDialog.tsx'
import { useMenuCommand } from './useMenuCommand.ts'
import { DeliveryScreenSkeleton } from '../delivery/DeliveryScreenSkeleton.tsx'
import { SearchScreen } from '../search/SearchScreen.tsx'
import { useDeliverySearch } from '../search/useDeliverySearch.ts'
import { ReportsSkeleton, SupervisorsOnly } from '../reports/ReportsPlaceholders.tsx'
import { DemoChip } from '../session/DemoChip.tsx'
import { SessionNotice } from '../session/SessionNotice.tsx'
import { UserMenu } from '../session/UserMenu.tsx'
import { StatusBar } from '../sync/StatusBar.tsx'
import { useSyncStatus } from '../sync/useSyncStatus.ts'
import { BrandMark } from '../ui/BrandMark.tsx'
import { ScreenSkeleton } from './ScreenSkeleton.tsx'
import { UpdateNotice } from './UpdateNotice.tsx'
import { SideNavigation } from './SideNavigation.tsx'
import { navigate, useRoute } from '../navigation/route.ts'
import { useCommandShortcut } from '../navigation/shortcuts.ts'

// Each screen but search (the first one) is its own chunk, loaded when it is first opened, so
// starting the app loads only what search needs. Reports and their chart library load only when
// a supervisor opens them.
const DeliveryScreen = lazy(() => import('../delivery/DeliveryScreen.tsx'))
const ReportsScreen = lazy(() => import('../reports/ReportsScreen.tsx'))
const CasesScreen = lazy(() =>
  import('../cases/CasesScreen.tsx').then((m) => ({ default: m.CasesScreen })),
)
const CaseScreen = lazy(() =>
  import('../cases/CaseScreen.tsx').then((m) => ({ default: m.CaseScreen })),
)
const SyncReportScreen = lazy(() =>
  import('../sync/SyncReportScreen.tsx').then((m) => ({ default: m.SyncReportScreen })),
)
const SettingsScreen = lazy(() =>
  import('../settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
)

type Props = {
  session: Session
  user: NonNullable<Session['user']>
  onSignedOut: (session: Session) => void
}

export function Workspace({ session, user, onSignedOut }: Props) {
  const { t } = useTranslation('app')
  const route = useRoute()
  const sync = useSyncStatus()
  const status = sync.status
  const search = useDeliverySearch()
  const [focusRequest, setFocusRequest] = useState(0)

  const focusSearch = useCallback(() => {
    navigate({ screen: 'search' })
    setFocusRequest((n) => n + 1)
  }, [])
  useCommandShortcut('k', focusSearch)
  useMenuCommand('search', focusSearch)
  useMenuCommand('sync-now', sync.syncNow)

  const openDelivery = useCallback((deliveryId: string) => {
    navigate({ screen: 'delivery', deliveryId })
  }, [])

  return (
    <Box
      sx={{
        height: '100vh',
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr)',
        gridTemplateRows: 'auto minmax(0, 1fr) auto',
        gridTemplateAreas: '"bar bar" "nav main" "status status"',
        bgcolor: 'background.default',
        // A fixed frame: the window never scrolls; each screen's main region scrolls within it.
        '& > main': { position: 'relative', minWidth: 0, minHeight: 0, overflow: 'auto' },
      }}
    >
      <AppBar
        position="static"
        sx={{
          gridArea: 'bar',
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
          <BrandMark />
          <Typography component="div" sx={{ fontWeight: 500, fontSize: '1.1rem' }}>
            {t('name')}
          </Typography>
          {session.demo && <DemoChip />}
          {session.notice && <SessionNotice text={session.notice} />}
          <Box sx={{ flex: 1 }} />
          <UserMenu user={user} onSignedOut={onSignedOut} />
        </Toolbar>
      </AppBar>

      <SideNavigation route={route} role={user.role} onSearch={focusSearch} />

      {route.screen === 'cases' ? (
        <Suspense fallback={<ScreenSkeleton label={t('loading.cases')} />}>
          <CasesScreen filters={route.filters} user={user} />
        </Suspense>
      ) : route.screen === 'case' ? (
        <Suspense fallback={<ScreenSkeleton label={t('loading.case')} />}>
          <CaseScreen key={route.caseId} caseId={route.caseId} user={user} />
        </Suspense>
      ) : route.screen === 'sync-report' ? (
        <Suspense fallback={<ScreenSkeleton label={t('loading.syncReport')} />}>
          <SyncReportScreen sync={sync} />
        </Suspense>
      ) : route.screen === 'reports' ? (
        user.role === 'supervisor' ? (
          <Suspense fallback={<ReportsSkeleton />}>
            <ReportsScreen />
          </Suspense>
        ) : (
          <SupervisorsOnly />
        )
      ) : route.screen === 'settings' ? (
        <Suspense fallback={<ScreenSkeleton label={t('loading.settings')} />}>
          <SettingsScreen session={session} user={user} />
        </Suspense>
      ) : route.screen === 'delivery' ? (
        <Suspense fallback={<DeliveryScreenSkeleton />}>
          <DeliveryScreen
            key={route.deliveryId}
            deliveryId={route.deliveryId}
            caseId={route.caseId ?? null}
            meId={user.id}
            onBack={focusSearch}
          />
        </Suspense>
      ) : (
        <SearchScreen
          search={search}
          focusRequest={focusRequest}
          cachedDeliveries={status?.cached.deliveries ?? null}
          onOpen={openDelivery}
        />
      )}

      <StatusBar sync={sync} />
      <KeyboardShortcutsHelp />
      <UpdateNotice />
    </Box>
  )
}

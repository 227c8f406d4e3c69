// The signed-in frame: app bar on top, navigation on the left, the current screen in the middle,
// sync status along the bottom. It owns what must outlive a screen: the search and sync state.
import { lazy, Suspense, useCallback, useState } from 'react'
import type { MouseEvent, ReactNode } from 'react'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import AssessmentOutlinedIcon from '@mui/icons-material/AssessmentOutlined'
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined'
import SearchIcon from '@mui/icons-material/Search'
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined'
import type { Session } from '../../electron/core/api/definition.ts'
import { CaseScreen } from '../cases/CaseScreen.tsx'
import { CasesNavItem } from '../cases/CasesNavItem.tsx'
import { CasesScreen } from '../cases/CasesScreen.tsx'
import { KeyboardShortcutsHelp } from './KeyboardShortcutsDialog.tsx'
import { useMenuCommand } from './useMenuCommand.ts'
import { DeliveryScreenSkeleton } from '../delivery/DeliveryScreenSkeleton.tsx'
import { SearchScreen } from '../search/SearchScreen.tsx'
import { useDeliverySearch } from '../search/useDeliverySearch.ts'
import { ReportsSkeleton, SupervisorsOnly } from '../reports/ReportsPlaceholders.tsx'
import { DemoChip } from '../session/DemoChip.tsx'
import { SessionNotice } from '../session/SessionNotice.tsx'
import { UserMenu } from '../session/UserMenu.tsx'
import { SettingsScreen } from '../settings/SettingsScreen.tsx'
import { StatusBar } from '../sync/StatusBar.tsx'
import { SyncReportScreen } from '../sync/SyncReportScreen.tsx'
import { useSyncStatus } from '../sync/useSyncStatus.ts'
import { BrandMark } from '../ui/BrandMark.tsx'
import { UpdateNotice } from './UpdateNotice.tsx'
import { navigate, routeHref, useRoute } from '../navigation/route.ts'
import type { Route } from '../navigation/route.ts'
import { shortcutLabel, useCommandShortcut } from '../navigation/shortcuts.ts'

const DeliveryScreen = lazy(() => import('../delivery/DeliveryScreen.tsx'))
// Reports and their chart library load only when a supervisor opens them.
const ReportsScreen = lazy(() => import('../reports/ReportsScreen.tsx'))

type Props = {
  session: Session
  user: NonNullable<Session['user']>
  onSignedOut: (session: Session) => void
}

export function Workspace({ session, user, onSignedOut }: Props) {
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
            Porchlight
          </Typography>
          {session.demo && <DemoChip />}
          {session.notice && <SessionNotice text={session.notice} />}
          <Box sx={{ flex: 1 }} />
          <UserMenu user={user} onSignedOut={onSignedOut} />
        </Toolbar>
      </AppBar>

      <Box
        component="nav"
        aria-label="Main"
        sx={{
          gridArea: 'nav',
          width: 200,
          borderRight: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          py: 1,
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        <List dense disablePadding sx={{ px: 1 }}>
          <ListItem disablePadding>
            <ListItemButton
              component="a"
              href={routeHref({ screen: 'search' })}
              selected={route.screen === 'search' || route.screen === 'delivery'}
              aria-current={route.screen === 'search' ? 'page' : undefined}
              onClick={(event: MouseEvent) => {
                event.preventDefault()
                focusSearch()
              }}
              sx={{ borderRadius: 1 }}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>
                <SearchIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary="Search" />
              <Box component="kbd" aria-hidden sx={{ ml: 1 }}>
                {shortcutLabel('K')}
              </Box>
            </ListItemButton>
          </ListItem>
          <CasesNavItem current={route} />
          {user.role === 'supervisor' && (
            <NavItem
              route={{ screen: 'reports' }}
              current={route}
              icon={<AssessmentOutlinedIcon fontSize="small" />}
              label="Reports"
            />
          )}
          <NavItem
            route={{ screen: 'sync-report' }}
            current={route}
            icon={<FactCheckOutlinedIcon fontSize="small" />}
            label="Sync report"
          />
        </List>
        <List dense disablePadding sx={{ px: 1, mt: 'auto' }}>
          <NavItem
            route={{ screen: 'settings' }}
            current={route}
            icon={<SettingsOutlinedIcon fontSize="small" />}
            label="Settings"
          />
        </List>
      </Box>

      {route.screen === 'cases' ? (
        <CasesScreen filters={route.filters} user={user} />
      ) : route.screen === 'case' ? (
        <CaseScreen key={route.caseId} caseId={route.caseId} user={user} />
      ) : route.screen === 'sync-report' ? (
        <SyncReportScreen sync={sync} />
      ) : route.screen === 'reports' ? (
        user.role === 'supervisor' ? (
          <Suspense fallback={<ReportsSkeleton />}>
            <ReportsScreen />
          </Suspense>
        ) : (
          <SupervisorsOnly />
        )
      ) : route.screen === 'settings' ? (
        <SettingsScreen session={session} user={user} />
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

/** A place in the left navigation: a plain link to its hash route, marked when it is open. */
function NavItem(props: { route: Route; current: Route; icon: ReactNode; label: string }) {
  const here = props.current.screen === props.route.screen
  return (
    <ListItem disablePadding>
      <ListItemButton
        component="a"
        href={routeHref(props.route)}
        selected={here}
        aria-current={here ? 'page' : undefined}
        sx={{ borderRadius: 1 }}
      >
        <ListItemIcon sx={{ minWidth: 36 }}>{props.icon}</ListItemIcon>
        <ListItemText primary={props.label} />
      </ListItemButton>
    </ListItem>
  )
}

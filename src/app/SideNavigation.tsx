// The side navigation: Search, Cases, Reports (supervisors), Sync report and Settings. Full width
// (icons and labels) or an icon rail (labels as tooltips): narrower windows get the rail, and the
// toggle at its foot switches and is remembered (src/navigation/navigationWidth.ts).
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Divider from '@mui/material/Divider'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import Tooltip from '@mui/material/Tooltip'
import AssessmentOutlinedIcon from '@mui/icons-material/AssessmentOutlined'
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined'
import KeyboardDoubleArrowLeftIcon from '@mui/icons-material/KeyboardDoubleArrowLeft'
import KeyboardDoubleArrowRightIcon from '@mui/icons-material/KeyboardDoubleArrowRight'
import SearchIcon from '@mui/icons-material/Search'
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { CasesNavItem } from '../cases/CasesNavItem.tsx'
import { useNavigationWidth } from '../navigation/navigationWidth.ts'
import { routeHref } from '../navigation/route.ts'
import type { Route } from '../navigation/route.ts'
import { shortcutLabel } from '../navigation/shortcuts.ts'
import { NavLink } from '../ui/NavLink.tsx'

type Props = {
  route: Route
  role: NonNullable<Session['user']>['role']
  /** Search is not a plain link: it also puts the cursor in the search box. */
  onSearch: () => void
}

export function SideNavigation({ route, role, onSearch }: Props) {
  const { t } = useTranslation('app')
  const { width, toggle } = useNavigationWidth()
  const rail = width === 'rail'
  const place = (target: Route, label: string, icon: ReactNode) => (
    <NavLink
      href={routeHref(target)}
      label={label}
      icon={icon}
      selected={route.screen === target.screen}
      current={route.screen === target.screen}
      rail={rail}
    />
  )
  const toggleLabel = rail ? t('nav.expand') : t('nav.collapse')
  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      data-width={width}
      sx={{
        gridArea: 'nav',
        // Full width fits the longest label (other languages run longer), within bounds.
        width: rail ? 64 : 'auto',
        minWidth: rail ? 64 : 200,
        maxWidth: rail ? 64 : 280,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        py: 1,
        display: 'flex',
        flexDirection: 'column',
        overflowX: 'hidden',
        overflowY: 'auto',
        transition: (theme) =>
          theme.transitions.create(['min-width', 'max-width'], { duration: 150 }),
      }}
    >
      <List dense disablePadding sx={{ px: 1 }}>
        <NavLink
          href={routeHref({ screen: 'search' })}
          label={t('nav.search')}
          icon={<SearchIcon fontSize="small" />}
          selected={route.screen === 'search' || route.screen === 'delivery'}
          current={route.screen === 'search'}
          rail={rail}
          keyHint={shortcutLabel('K')}
          hint={rail ? t('nav.searchHint', { shortcut: shortcutLabel('K') }) : undefined}
          onClick={(event) => {
            event.preventDefault()
            onSearch()
          }}
        />
        <CasesNavItem current={route} rail={rail} />
        {role === 'supervisor' &&
          place(
            { screen: 'reports' },
            t('nav.reports'),
            <AssessmentOutlinedIcon fontSize="small" />,
          )}
        {place(
          { screen: 'sync-report' },
          t('nav.syncReport'),
          <FactCheckOutlinedIcon fontSize="small" />,
        )}
      </List>
      <List dense disablePadding sx={{ px: 1, mt: 'auto' }}>
        {place(
          { screen: 'settings' },
          t('nav.settings'),
          <SettingsOutlinedIcon fontSize="small" />,
        )}
      </List>
      <Divider sx={{ my: 0.5 }} />
      <Box sx={{ px: 1, display: 'flex', justifyContent: rail ? 'center' : 'flex-end' }}>
        <Tooltip title={toggleLabel} placement="right">
          <IconButton
            size="small"
            onClick={toggle}
            aria-label={toggleLabel}
            sx={{ color: 'text.secondary' }}
          >
            {rail ? (
              <KeyboardDoubleArrowRightIcon fontSize="small" />
            ) : (
              <KeyboardDoubleArrowLeftIcon fontSize="small" />
            )}
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  )
}

// "Cases" in the left navigation, with a badge for the open cases assigned to the person at the
// keyboard. The badge is part of the link's name, so a screen reader hears "Cases, 3 waiting on
// you".
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import type { Route } from '../navigation/route.ts'
import { routeHref } from '../navigation/route.ts'
import { formatCount } from '../format/numbers.ts'
import { lastQueueFilters } from '../navigation/lastQueue.ts'
import { useCaseCounts } from './useCaseCounts.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

export function CasesNavItem({ current }: { current: Route }) {
  const counts = useCaseCounts()
  const waiting = counts?.waitingOnMe ?? 0
  const conflicts = counts?.conflicts ?? 0
  const here = current.screen === 'cases' || current.screen === 'case'
  const parts = ['Cases']
  if (waiting > 0) parts.push(`${formatCount(waiting)} waiting on you`)
  if (conflicts > 0)
    parts.push(`${formatCount(conflicts)} ${conflicts === 1 ? 'needs' : 'need'} your decision`)
  return (
    <ListItem disablePadding>
      <Tooltip
        describeChild
        placement="right"
        title={
          waiting > 0
            ? `${formatCount(waiting)} open ${waiting === 1 ? 'case is' : 'cases are'} assigned to you`
            : ''
        }
        disableHoverListener={waiting === 0}
      >
        <ListItemButton
          component="a"
          // The queue as it was last left, filters and all.
          href={routeHref({
            screen: 'cases',
            filters: current.screen === 'cases' ? current.filters : lastQueueFilters(),
          })}
          selected={here}
          aria-current={current.screen === 'cases' ? 'page' : undefined}
          sx={{ borderRadius: 1 }}
        >
          <ListItemIcon sx={{ minWidth: 36 }}>
            <InboxOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary={
              <>
                Cases
                {parts.length > 1 && (
                  <Box component="span" sx={visuallyHidden}>
                    {`, ${parts.slice(1).join(', ')}`}
                  </Box>
                )}
              </>
            }
          />
          {conflicts > 0 && (
            <Box
              aria-hidden
              sx={{
                ml: 0.5,
                px: 0.75,
                minWidth: 22,
                height: 20,
                borderRadius: 10,
                display: 'grid',
                placeItems: 'center',
                fontSize: '0.75rem',
                fontWeight: 700,
                bgcolor: 'error.main',
                color: 'background.paper',
              }}
            >
              !
            </Box>
          )}
          {waiting > 0 && (
            <Box
              aria-hidden
              sx={{
                ml: 0.5,
                px: 0.75,
                minWidth: 22,
                height: 20,
                borderRadius: 10,
                display: 'grid',
                placeItems: 'center',
                fontSize: '0.75rem',
                fontWeight: 700,
                bgcolor: 'secondary.main',
                color: 'secondary.contrastText',
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {formatCount(waiting)}
            </Box>
          )}
        </ListItemButton>
      </Tooltip>
    </ListItem>
  )
}

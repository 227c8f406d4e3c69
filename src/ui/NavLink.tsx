// One place in the side navigation: a plain link to its hash route, marked when it is open. In the
// icon rail the label is kept for screen readers and shown as a tooltip; a badge sits on the icon.
import type { MouseEvent, ReactNode } from 'react'
import Badge from '@mui/material/Badge'
import Box from '@mui/material/Box'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Tooltip from '@mui/material/Tooltip'
import { visuallyHidden } from './visuallyHidden.ts'

export type NavLinkProps = {
  href: string
  label: string
  icon: ReactNode
  /** This place is open (its item is highlighted). */
  selected: boolean
  /** This place is the page itself (aria-current). */
  current: boolean
  rail: boolean
  /** Said after the label to screen readers: ", 3 waiting on you". */
  spokenExtra?: string
  /** Shown at the end of the item (full width) or on the icon (rail); hidden from screen readers. */
  badge?: ReactNode
  /** A key hint shown beside the label, full width only. */
  keyHint?: string
  /** The tooltip, when it should say more than the label. */
  hint?: string
  onClick?: (event: MouseEvent) => void
}

export function NavLink(props: NavLinkProps) {
  const { rail, badge } = props
  const name = (
    <>
      {props.label}
      {props.spokenExtra && (
        <Box component="span" sx={visuallyHidden}>
          {props.spokenExtra}
        </Box>
      )}
    </>
  )
  const tooltip = rail ? (props.hint ?? props.label) : (props.hint ?? '')
  return (
    <ListItem disablePadding>
      <Tooltip
        describeChild
        placement="right"
        title={tooltip}
        disableHoverListener={!tooltip}
        disableFocusListener={!tooltip}
      >
        <ListItemButton
          component="a"
          href={props.href}
          selected={props.selected}
          aria-current={props.current ? 'page' : undefined}
          onClick={props.onClick}
          sx={{ borderRadius: 1, ...(rail && { justifyContent: 'center', px: 1 }) }}
        >
          <ListItemIcon sx={{ minWidth: rail ? 0 : 36 }}>
            {rail && badge ? (
              <Badge badgeContent={badge} overlap="circular" sx={badgeSx}>
                {props.icon}
              </Badge>
            ) : (
              props.icon
            )}
          </ListItemIcon>
          {rail ? (
            <Box component="span" sx={visuallyHidden}>
              {name}
            </Box>
          ) : (
            <>
              <ListItemText primary={name} />
              {props.keyHint && (
                <Box component="kbd" aria-hidden sx={{ ml: 1 }}>
                  {props.keyHint}
                </Box>
              )}
              {badge}
            </>
          )}
        </ListItemButton>
      </Tooltip>
    </ListItem>
  )
}

// The badge's own element is a plain box: what it holds (a count pill) brings its own look.
const badgeSx = {
  '& .MuiBadge-badge': { p: 0, minWidth: 0, height: 'auto', bgcolor: 'transparent', top: 2 },
} as const

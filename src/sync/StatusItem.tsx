// One item of the status bar. Items never overlap: each one clips its own words with an ellipsis
// when the bar is short of room, and they give way in the order of their `giveWay` weight (the
// higher, the sooner). An item that matters least can leave the bar entirely below a width of the
// bar (`dropBelow`, a container query on the bar), taking its separator with it.
import type { HTMLAttributes, ReactNode, Ref } from 'react'
import Box from '@mui/material/Box'
import type { SxProps, Theme } from '@mui/material/styles'

/** The bar's container name, for the container queries of the items in it. */
export const STATUS_BAR_CONTAINER = 'statusbar'

export const statusBarContainerSx = {
  containerType: 'inline-size',
  containerName: STATUS_BAR_CONTAINER,
} as const

type Props = Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
  /** Passed on, so a Tooltip can wrap the item (React 19 hands `ref` over as a prop). */
  ref?: Ref<HTMLDivElement>
  children: ReactNode
  /** How readily it shrinks beside the others: 0 never, 1 last, higher sooner. */
  giveWay?: number
  /** Below this width of the bar (px) the item leaves it; its words are elsewhere too. */
  dropBelow?: number
  /** A line on its left, to part it from the item before it. */
  separated?: boolean
  sx?: SxProps<Theme>
}

export function StatusItem(props: Props) {
  const { children, giveWay = 1, dropBelow, separated, sx, ...rest } = props
  return (
    <Box
      {...rest}
      sx={[
        {
          display: 'flex',
          alignItems: 'center',
          gap: 0.75,
          minWidth: giveWay === 0 ? 'auto' : 0,
          flexShrink: giveWay,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
        },
        separated === true && { borderLeft: 1, borderColor: 'divider', pl: 1.5, my: 0.75 },
        dropBelow !== undefined && {
          [`@container ${STATUS_BAR_CONTAINER} (max-width: ${dropBelow - 0.02}px)`]: {
            display: 'none',
          },
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </Box>
  )
}

/** Words that end in an ellipsis when their item is squeezed (the tooltip holds the whole). */
export function Clipped({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
      {children}
    </Box>
  )
}

// What the queue's cells show: the order (the row's one link, with "Away" when the drop-off was
// far from the address), the customer with the city under the name where the city has no column,
// and whether this console still has work on the case to send.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import Tooltip from '@mui/material/Tooltip'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { routeHref } from '../navigation/route.ts'
import { plural } from '../format/numbers.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

export function OrderCell(props: {
  item: CaseListItem
  /** The grid's roving tab index: 0 only in the focused cell. */
  tabIndex: 0 | -1
  onOpen: () => void
}) {
  const { item, tabIndex, onOpen } = props
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, flexWrap: 'wrap' }}>
      <Link
        href={routeHref({ screen: 'case', caseId: item.id })}
        underline="hover"
        tabIndex={tabIndex}
        onClick={(event) => {
          event.preventDefault()
          event.stopPropagation()
          onOpen()
        }}
        aria-label={`Open the case on order ${item.orderId}`}
        sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}
      >
        {item.orderId}
      </Link>
      {item.awayFromAddress && (
        <Tooltip
          describeChild
          title="The drop-off or a photo was farther from the address than allowed."
        >
          <Chip
            size="small"
            variant="outlined"
            color="warning"
            icon={<LocationOffOutlinedIcon />}
            label="Away"
            tabIndex={-1}
            sx={{ height: 20, fontSize: '0.7rem', '& .MuiChip-icon': { fontSize: 14 } }}
          />
        </Tooltip>
      )}
    </Box>
  )
}

export function CustomerCell({ item, showCity }: { item: CaseListItem; showCity: boolean }) {
  return (
    <Box sx={{ minWidth: 0, lineHeight: 1.35 }}>
      <Box sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {item.customerName ?? <Muted>Not in the local copy</Muted>}
      </Box>
      {showCity && item.city && (
        <Box
          sx={{
            color: 'text.secondary',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {item.city}
        </Box>
      )}
    </Box>
  )
}

export function SyncState({ item }: { item: CaseListItem }) {
  if (item.hasConflict) {
    return (
      <Box
        component="span"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          color: 'error.main',
          fontWeight: 500,
          lineHeight: 1.3,
        }}
      >
        <SyncProblemOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
        Needs your decision
      </Box>
    )
  }
  if (item.pendingChanges > 0) {
    return (
      <Tooltip
        describeChild
        title={`${plural(item.pendingChanges, 'change', 'changes')} made here, not yet accepted by the delivery service.`}
      >
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            color: 'warning.main',
            lineHeight: 1.3,
          }}
        >
          <CloudUploadOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
          Not sent yet
        </Box>
      </Tooltip>
    )
  }
  // Most rows have nothing to send: keep the column quiet so the exceptions stand out.
  return (
    <Box component="span" sx={visuallyHidden}>
      Up to date
    </Box>
  )
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

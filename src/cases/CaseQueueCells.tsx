// One case in the queue: the order (the row's one link), customer, city, reason, status, assignee,
// the first-action timer, and whether this console still has work on it to send.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import TableCell from '@mui/material/TableCell'
import TableRow from '@mui/material/TableRow'
import Tooltip from '@mui/material/Tooltip'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { routeHref } from '../navigation/route.ts'
import { plural } from '../format/numbers.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import { REASON_LABELS } from '../words/caseWords.ts'
import { Assignee } from '../ui/Assignee.tsx'
import { FirstActionTimer } from './FirstActionTimer.tsx'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

export type RowProps = {
  item: CaseListItem
  meId: string
  now: number
  selected: boolean
  linkRef: (element: HTMLAnchorElement | null) => void
  onOpen: () => void
  onFocus: () => void
}

export function CaseRow({ item, meId, now, selected, linkRef, onOpen, onFocus }: RowProps) {
  return (
    <TableRow
      hover
      selected={selected}
      aria-selected={selected}
      onClick={onOpen}
      sx={{
        cursor: 'pointer',
        '&.Mui-selected': {
          boxShadow: (theme) => `inset 3px 0 0 ${(theme.vars ?? theme).palette.primary.main}`,
        },
      }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Link
            ref={linkRef}
            href={routeHref({ screen: 'case', caseId: item.id })}
            underline="hover"
            tabIndex={selected ? 0 : -1}
            onFocus={onFocus}
            onClick={(event) => {
              event.preventDefault()
              event.stopPropagation()
              onOpen()
            }}
            aria-label={`Open the case on order ${item.orderId}`}
            sx={{ fontWeight: 500 }}
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
        </Stack>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {item.customerName ?? <Muted>Not in the local copy</Muted>}
        {item.city && (
          <Box component="span" className="queue-city-inline" sx={{ color: 'text.secondary' }}>
            {item.city}
          </Box>
        )}
      </TableCell>
      <TableCell className="queue-city" sx={{ whiteSpace: 'nowrap' }}>
        {item.city ?? <Muted>—</Muted>}
      </TableCell>
      <TableCell className="queue-reason" sx={{ whiteSpace: 'nowrap' }}>
        {REASON_LABELS[item.reason]}
      </TableCell>
      <TableCell>
        <CaseStatusChip status={item.status} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: item.assigneeId === meId ? 500 : 400 }}>
        {item.assigneeId === null ? (
          <Muted>Unassigned</Muted>
        ) : (
          <Assignee id={item.assigneeId} meId={meId} />
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <FirstActionTimer
          openedAt={item.openedAt}
          firstActionDueAt={item.firstActionDueAt}
          firstActionAt={item.firstActionAt}
          now={now}
          stacked
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <SyncState item={item} />
      </TableCell>
    </TableRow>
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
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'warning.main' }}
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

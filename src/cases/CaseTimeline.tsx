// Everything that happened on a case, oldest first: what, who, when, and whether the delivery
// service has it yet ("Sent", "Waiting to be sent", "Conflict", "Refused: …").
import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined'
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined'
import ChatBubbleOutlineOutlinedIcon from '@mui/icons-material/ChatBubbleOutlineOutlined'
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined'
import ConfirmationNumberOutlinedIcon from '@mui/icons-material/ConfirmationNumberOutlined'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import DoNotDisturbOnOutlinedIcon from '@mui/icons-material/DoNotDisturbOnOutlined'
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined'
import ReplayOutlinedIcon from '@mui/icons-material/ReplayOutlined'
import SwapHorizOutlinedIcon from '@mui/icons-material/SwapHorizOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined'
import type { TimelineEntry } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { sendStateText } from '../words/caseWords.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { AudienceTag } from '../ui/AudienceTag.tsx'
import { CopyTextButton } from '../ui/CopyTextButton.tsx'

const KINDS: Record<TimelineEntry['kind'], { label: string; icon: ReactElement }> = {
  opened: { label: 'Opened', icon: <FolderOpenOutlinedIcon fontSize="small" /> },
  note: { label: 'Note', icon: <ChatBubbleOutlineOutlinedIcon fontSize="small" /> },
  status: { label: 'Status', icon: <SwapHorizOutlinedIcon fontSize="small" /> },
  assigned: { label: 'Assignment', icon: <AssignmentIndOutlinedIcon fontSize="small" /> },
  resolved: { label: 'Resolved', icon: <TaskAltOutlinedIcon fontSize="small" /> },
  reopened: { label: 'Reopened', icon: <ReplayOutlinedIcon fontSize="small" /> },
  ticket: { label: 'Ticket', icon: <ConfirmationNumberOutlinedIcon fontSize="small" /> },
}

const SEND_LOOKS: Record<TimelineEntry['send'], { colour: string; icon: ReactElement }> = {
  sent: { colour: 'success.main', icon: <CloudDoneOutlinedIcon sx={{ fontSize: 16 }} /> },
  pending: { colour: 'warning.main', icon: <CloudUploadOutlinedIcon sx={{ fontSize: 16 }} /> },
  conflict: { colour: 'error.main', icon: <SyncProblemOutlinedIcon sx={{ fontSize: 16 }} /> },
  failed: { colour: 'error.main', icon: <BlockOutlinedIcon sx={{ fontSize: 16 }} /> },
  discarded: {
    colour: 'text.secondary',
    icon: <DoNotDisturbOnOutlinedIcon sx={{ fontSize: 16 }} />,
  },
}

type Props = {
  entries: TimelineEntry[]
  meId: string
  /** Set when a note was just added: once the timeline is longer than this, its newest entry
   * takes the focus (so a screen reader reads what was added), and `onFocused` is called. */
  focusNewestAfter?: number | null
  onFocused?: () => void
}

export function CaseTimeline({ entries, meId, focusNewestAfter = null, onFocused }: Props) {
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (focusNewestAfter === null || entries.length <= focusNewestAfter) return
    list.current?.querySelector<HTMLElement>(':scope > li:last-child')?.focus()
    onFocused?.()
  }, [entries.length, focusNewestAfter, onFocused])

  if (entries.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Nothing has happened on this case yet.
      </Typography>
    )
  }
  return (
    <Box component="ol" ref={list} aria-label="Timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {entries.map((entry, index) => (
        <TimelineItem
          key={entry.id}
          entry={entry}
          meId={meId}
          last={index === entries.length - 1}
        />
      ))}
    </Box>
  )
}

function TimelineItem({
  entry,
  meId,
  last,
}: {
  entry: TimelineEntry
  meId: string
  last: boolean
}) {
  const kind = KINDS[entry.kind]
  const send = SEND_LOOKS[entry.send]
  const who = entry.actorId ? (
    <PersonName id={entry.actorId} youId={meId} fallback={entry.actorName ?? undefined} />
  ) : (
    'The delivery service'
  )
  const isNote = entry.kind === 'note'
  const discarded = entry.send === 'discarded'
  return (
    <Box
      component="li"
      tabIndex={-1}
      sx={{
        display: 'grid',
        gridTemplateColumns: '32px minmax(0, 1fr)',
        columnGap: 1.5,
        borderRadius: 1,
      }}
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
        <Box
          aria-hidden
          sx={{
            width: 30,
            height: 30,
            borderRadius: '50%',
            display: 'grid',
            placeItems: 'center',
            border: 1,
            borderColor: 'divider',
            bgcolor: entry.kind === 'resolved' ? 'success.main' : 'background.paper',
            color: entry.kind === 'resolved' ? 'background.paper' : 'text.secondary',
          }}
        >
          {kind.icon}
        </Box>
        {!last && <Box aria-hidden sx={{ flex: 1, width: '1px', bgcolor: 'divider', my: 0.5 }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2, minWidth: 0 }}>
        <Stack
          direction="row"
          sx={{
            alignItems: 'baseline',
            columnGap: 1,
            rowGap: 0.25,
            flexWrap: 'wrap',
            minHeight: 30,
          }}
        >
          <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
            {kind.label}
          </Typography>
          {entry.audience && <AudienceTag audience={entry.audience} />}
          <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
            {who} ·{' '}
            <time dateTime={entry.at} title={formatDateTimeLong(entry.at)}>
              {formatDateTime(entry.at)}
            </time>
          </Typography>
          <Box
            component="span"
            sx={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              ml: 'auto',
              typography: 'caption',
              fontWeight: 500,
              color: send.colour,
              alignSelf: 'center',
            }}
          >
            <Box component="span" aria-hidden sx={{ display: 'inline-flex' }}>
              {send.icon}
            </Box>
            {sendStateText(entry.send, entry.error)}
          </Box>
        </Stack>
        <Typography
          variant="body2"
          sx={{
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            textDecoration: discarded ? 'line-through' : 'none',
            color: discarded ? 'text.secondary' : 'text.primary',
            ...(isNote && {
              mt: 0.5,
              px: 1.5,
              py: 1,
              borderRadius: 1,
              bgcolor: 'action.hover',
            }),
          }}
        >
          {entry.text}
        </Typography>
        {entry.audience === 'customer' && !discarded && (
          <Box sx={{ mt: 0.5 }}>
            <CopyTextButton
              text={entry.text}
              label="Copy reply"
              doneLabel="Reply copied"
              title="Copy this reply, to paste into your message to the customer"
              icon={<ContentCopyIcon />}
              size="small"
              variant="text"
            />
          </Box>
        )}
        {entry.send === 'conflict' && entry.error && (
          <Typography variant="caption" sx={{ color: 'error.main' }}>
            {entry.error}
          </Typography>
        )}
      </Box>
    </Box>
  )
}

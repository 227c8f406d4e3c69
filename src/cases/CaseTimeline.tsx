// Everything that happened on a case, oldest first: what, who, when, and whether the delivery
// service has it yet ("Sent", "Waiting to be sent", "Conflict", "Refused: …"). The window words
// each change itself, in the language it speaks; notes and reasons are shown as they were written.
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
import { useTranslation } from 'react-i18next'
import type { CaseChange, TimelineEntry } from '../../electron/core/api/case-schemas.ts'
import { TIMELINE_WORDS } from '../../electron/core/api/display-words.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { formatDateTime, formatDateTimeLong } from '../format/time.ts'
import { sendStateText } from '../words/caseWords.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { AudienceTag } from '../ui/AudienceTag.tsx'
import { CopyTextButton } from '../ui/CopyTextButton.tsx'
import { usePeople } from '../ui/usePeople.ts'

const ICONS: Record<TimelineEntry['kind'], ReactElement> = {
  opened: <FolderOpenOutlinedIcon fontSize="small" />,
  note: <ChatBubbleOutlineOutlinedIcon fontSize="small" />,
  status: <SwapHorizOutlinedIcon fontSize="small" />,
  assigned: <AssignmentIndOutlinedIcon fontSize="small" />,
  resolved: <TaskAltOutlinedIcon fontSize="small" />,
  reopened: <ReplayOutlinedIcon fontSize="small" />,
  ticket: <ConfirmationNumberOutlinedIcon fontSize="small" />,
}

/**
 * A change in the words of the language the window speaks: a line of words, and the data it
 * carries (a note, a reason) to show apart, as it was written. On the timeline, whose entries say
 * "Reopened" above, a reopening with a reason is the reason alone (`underKind`).
 */
export function changeWords(
  change: CaseChange,
  nameOf: (id: string) => string,
  underKind = false,
): { line: string | null; quote: string | null } {
  switch (change.kind) {
    case 'opened':
      return { line: TIMELINE_WORDS.opened(change.reason), quote: change.note }
    case 'note':
      return { line: null, quote: change.body }
    case 'status':
      return { line: TIMELINE_WORDS.status(change.status), quote: null }
    case 'assigned':
      return {
        line: TIMELINE_WORDS.assigned(
          change.assigneeId === null ? null : nameOf(change.assigneeId),
        ),
        quote: null,
      }
    case 'resolved':
      return { line: TIMELINE_WORDS.resolved(change.code), quote: change.note }
    case 'reopened':
      return {
        line: change.reason && underKind ? null : TIMELINE_WORDS.reopened(),
        quote: change.reason,
      }
    case 'ticket':
      return {
        line: change.ticket
          ? t('cases:timeline.ticketSet', { ticket: change.ticket })
          : t('cases:timeline.ticketCleared'),
        quote: null,
      }
  }
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
  const { t } = useTranslation('cases')
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (focusNewestAfter === null || entries.length <= focusNewestAfter) return
    list.current?.querySelector<HTMLElement>(':scope > li:last-child')?.focus()
    onFocused?.()
  }, [entries.length, focusNewestAfter, onFocused])

  if (entries.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('timeline.empty')}
      </Typography>
    )
  }
  return (
    <Box
      component="ol"
      ref={list}
      aria-label={t('timeline.label')}
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
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
  const { t } = useTranslation('cases')
  const { nameOf } = usePeople()
  const send = SEND_LOOKS[entry.send]
  const who = entry.actorId ? (
    <PersonName id={entry.actorId} youId={meId} fallback={entry.actorName ?? undefined} />
  ) : (
    t('timeline.service')
  )
  const words = changeWords(entry.change, (id) => nameOf(id).name, true)
  const discarded = entry.send === 'discarded'
  const struck = {
    textDecoration: discarded ? 'line-through' : 'none',
    color: discarded ? 'text.secondary' : 'text.primary',
  }
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
          {ICONS[entry.kind]}
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
            {t(`timeline.kind.${entry.kind}`)}
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
        {words.line && (
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere', ...struck }}>
            {words.line}
          </Typography>
        )}
        {words.quote && (
          <Typography
            variant="body2"
            translate="no"
            sx={{
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              ...struck,
              mt: 0.5,
              px: 1.5,
              py: 1,
              borderRadius: 1,
              bgcolor: 'action.hover',
            }}
          >
            {words.quote}
          </Typography>
        )}
        {entry.audience === 'customer' && !discarded && (
          <Box sx={{ mt: 0.5 }}>
            <CopyTextButton
              text={words.quote ?? entry.text}
              label={t('timeline.copyReply')}
              doneLabel={t('timeline.replyCopied')}
              title={t('timeline.copyReplyHint')}
              icon={<ContentCopyIcon />}
              size="small"
              variant="text"
            />
          </Box>
        )}
        {entry.send === 'conflict' && (
          <Typography variant="caption" sx={{ color: 'error.main' }}>
            {t('timeline.conflict')}
          </Typography>
        )}
      </Box>
    </Box>
  )
}

// One case, to work it: who has it, where it stands against its first-action target, the actions
// (assign, status, note, resolve, reopen), everything that happened with its send state, and the
// evidence it was opened on. Every action is stored locally at once and sent when the service can
// be reached; the case is read again every few seconds so other agents' work shows up live.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined'
import PersonAddAltOutlinedIcon from '@mui/icons-material/PersonAddAltOutlined'
import PersonRemoveOutlinedIcon from '@mui/icons-material/PersonRemoveOutlined'
import ReplayOutlinedIcon from '@mui/icons-material/ReplayOutlined'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { navigate, routeHref } from '../app/route.ts'
import { shortcutLabel, useKeyShortcut } from '../app/shortcuts.ts'
import { plural } from '../format/numbers.ts'
import { formatDateTime, formatDateTimeLong, useNow } from '../format/time.ts'
import { firstName, othersWaitingText } from '../session/othersWork.ts'
import { announceCaseChange } from './caseChanges.ts'
import { CaseStatusChip } from './CaseStatusChip.tsx'
import { CaseTimeline } from './CaseTimeline.tsx'
import { assigneeLabel, REASON_LABELS, RESOLUTION_LABELS, STATUS_LABELS } from './caseWords.ts'
import type { ResolutionCode } from './caseWords.ts'
import { ConflictPanel } from './ConflictPanel.tsx'
import { DeliveryCard } from './DeliveryCard.tsx'
import { EvidenceCard } from './EvidenceCard.tsx'
import { FirstActionTimer } from './FirstActionTimer.tsx'
import { lastQueueFilters } from './lastQueue.ts'
import { ResolveDialog } from './ResolveDialog.tsx'
import { usePolled } from './usePolled.ts'
import { visuallyHidden } from './visuallyHidden.ts'

type Props = {
  caseId: string
  user: NonNullable<Session['user']>
}

type WorkingStatus = 'open' | 'investigating' | 'awaiting_customer'
const WORKING_STATUSES: WorkingStatus[] = ['open', 'investigating', 'awaiting_customer']

const HEADING_ID = 'case-heading'

export function CaseScreen({ caseId, user }: Props) {
  const read = useCallback(() => api.getCase({ caseId }), [caseId])
  const polled = usePolled(read, caseId)
  const detail = polled.data
  const now = useNow(15_000)
  const [resolving, setResolving] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [note, setNote] = useState('')
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const queueHref = routeHref({ screen: 'cases', filters: lastQueueFilters() })
  const loaded = detail !== null

  // Arriving on a case puts the reader at its heading.
  useEffect(() => {
    if (loaded) headingRef.current?.focus()
  }, [loaded, caseId])

  const show = (next: CaseDetail, words: string) => {
    polled.replace(next)
    announceCaseChange()
    setAnnouncement(
      next.pendingChanges > 0 ? `${words} It will be sent to the delivery service.` : words,
    )
  }

  /** Runs an action; its refusal is shown above the timeline, in words. */
  const act = (name: string, call: () => Promise<CaseDetail>, words: string) => {
    if (busy) return
    setBusy(name)
    setActionError(null)
    call().then(
      (next) => {
        show(next, words)
        setBusy(null)
      },
      (error: unknown) => {
        setActionError(userMessage(error))
        setBusy(null)
      },
    )
  }

  const focusNote = () => {
    noteRef.current?.focus()
    noteRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }

  const addNote = () => {
    const body = note.trim()
    if (!body) {
      focusNote()
      return
    }
    act(
      'note',
      () =>
        api.addCaseNote({ caseId, body }).then((next) => {
          setNote('')
          return next
        }),
      'Note added.',
    )
  }

  const resolved = detail?.status === 'resolved'
  const mine = detail?.assigneeId === user.id
  const supervisor = user.role === 'supervisor'

  const assignToMe = () =>
    act('assign', () => api.assignCase({ caseId, to: 'me' }), 'Assigned to you.')

  useKeyShortcut(
    ['n'],
    (event) => {
      event.preventDefault()
      focusNote()
    },
    loaded,
  )
  useKeyShortcut(
    ['s'],
    (event) => {
      event.preventDefault()
      setResolving(true)
    },
    loaded && !resolved,
  )
  useKeyShortcut(
    ['a'],
    (event) => {
      event.preventDefault()
      assignToMe()
    },
    loaded && !mine,
  )
  useKeyShortcut(['Escape'], () => navigate({ screen: 'cases', filters: lastQueueFilters() }))

  if (!detail) {
    return (
      <Frame>
        <BackLink href={queueHref} />
        {polled.error ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={polled.refresh}>
                Retry
              </Button>
            }
          >
            The case could not be read. {polled.error}
          </Alert>
        ) : polled.loading ? (
          <CaseSkeleton />
        ) : (
          <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
            <SearchOffIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
            <Typography variant="h1" sx={{ color: 'text.primary', mt: 1 }}>
              This case is not in the local copy
            </Typography>
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              It may have been deleted on the delivery service, or the link is wrong.
            </Typography>
          </Box>
        )}
      </Frame>
    )
  }

  const assignee = assigneeLabel(detail.assigneeId, user.id)

  return (
    <Frame>
      <BackLink href={queueHref} />

      <Box component="header" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography
            variant="h1"
            id={HEADING_ID}
            ref={headingRef}
            tabIndex={-1}
            sx={{ outline: 'none' }}
          >
            Case on order{' '}
            <Tooltip describeChild title="Open the delivery: photo, map and facts">
              <Link
                href={routeHref({
                  screen: 'delivery',
                  deliveryId: detail.deliveryId,
                  caseId: detail.id,
                })}
                underline="hover"
              >
                {detail.orderId}
              </Link>
            </Tooltip>
          </Typography>
          <CaseStatusChip status={detail.status} size="medium" />
          {detail.snapshot?.awayFromAddress.flagged && (
            <Stack
              direction="row"
              sx={{ alignItems: 'center', gap: 0.5, color: 'warning.main', typography: 'body2' }}
            >
              <LocationOffOutlinedIcon fontSize="small" aria-hidden />
              Delivered away from the address
            </Stack>
          )}
        </Stack>
        <Stack
          direction="row"
          component="dl"
          sx={{
            m: 0,
            columnGap: 3,
            rowGap: 1,
            flexWrap: 'wrap',
            typography: 'body2',
            '& > div': { display: 'flex', flexDirection: 'column' },
            '& dt': { color: 'text.secondary', typography: 'caption' },
            '& dd': { m: 0 },
          }}
        >
          <div>
            <dt>Customer</dt>
            <dd>{detail.customerName ?? 'Not in the local copy'}</dd>
          </div>
          <div>
            <dt>Reason</dt>
            <dd>{REASON_LABELS[detail.reason]}</dd>
          </div>
          <div>
            <dt>Assignee</dt>
            <dd style={{ fontWeight: mine ? 500 : 400 }}>{assignee}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>
              <time dateTime={detail.openedAt} title={formatDateTimeLong(detail.openedAt)}>
                {formatDateTime(detail.openedAt)}
              </time>{' '}
              by {detail.openedBy === user.id ? 'you' : detail.openedBy}
            </dd>
          </div>
          <div>
            <dt>Age and first action</dt>
            <dd>
              <FirstActionTimer
                openedAt={detail.openedAt}
                firstActionDueAt={detail.firstActionDueAt}
                firstActionAt={detail.firstActionAt}
                now={now}
              />
            </dd>
          </div>
        </Stack>
      </Box>

      <Paper
        variant="outlined"
        role="group"
        aria-label="Case actions"
        sx={{
          px: 1.5,
          py: 1,
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          flexWrap: 'wrap',
        }}
      >
        {!mine && (
          <Button
            startIcon={<PersonAddAltOutlinedIcon />}
            onClick={assignToMe}
            loading={busy === 'assign'}
            loadingPosition="start"
            aria-keyshortcuts="A"
          >
            Assign to me <Kbd>A</Kbd>
          </Button>
        )}
        {detail.assigneeId !== null && (
          <Button
            startIcon={<PersonRemoveOutlinedIcon />}
            onClick={() =>
              act('unassign', () => api.assignCase({ caseId, to: 'nobody' }), 'Unassigned.')
            }
            loading={busy === 'unassign'}
            loadingPosition="start"
          >
            Unassign
          </Button>
        )}
        {!resolved && (
          <TextField
            select
            size="small"
            label="Status"
            value={detail.status}
            disabled={busy !== null}
            onChange={(event) => {
              const status = event.target.value as WorkingStatus
              if (status !== detail.status) {
                act(
                  'status',
                  () => api.changeCaseStatus({ caseId, status }),
                  `Status changed to ${STATUS_LABELS[status].toLowerCase()}.`,
                )
              }
            }}
            sx={{ minWidth: 190, mx: 0.5 }}
          >
            {WORKING_STATUSES.map((status) => (
              <MenuItem key={status} value={status}>
                {STATUS_LABELS[status]}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button startIcon={<NoteAddOutlinedIcon />} onClick={focusNote} aria-keyshortcuts="N">
          Add note <Kbd>N</Kbd>
        </Button>
        {!resolved && (
          <Button
            variant="contained"
            startIcon={<TaskAltOutlinedIcon />}
            onClick={() => setResolving(true)}
            aria-keyshortcuts="S"
          >
            Resolve… <Kbd inverse>S</Kbd>
          </Button>
        )}
        {resolved && supervisor && (
          <Button
            variant="outlined"
            startIcon={<ReplayOutlinedIcon />}
            loading={busy === 'reopen'}
            loadingPosition="start"
            onClick={() => act('reopen', () => api.reopenCase({ caseId }), 'Case reopened.')}
          >
            Reopen
          </Button>
        )}
        {detail.pendingChanges > 0 && (
          <Tooltip
            describeChild
            title="Stored on this computer. Porchlight sends them as soon as the delivery service can be reached."
          >
            <Stack
              direction="row"
              tabIndex={0}
              sx={{
                ml: 'auto',
                alignItems: 'center',
                gap: 0.5,
                color: 'warning.main',
                typography: 'body2',
                fontWeight: 500,
              }}
            >
              <CloudUploadOutlinedIcon fontSize="small" aria-hidden />
              {plural(detail.pendingChanges, 'change', 'changes')} waiting to be sent
            </Stack>
          </Tooltip>
        )}
      </Paper>

      {detail.waitingForOthers.length > 0 && (
        <Alert severity="info" variant="outlined">
          {othersWaitingText(detail.waitingForOthers)} on this computer.{' '}
          {detail.waitingForOthers.length === 1
            ? `They are sent only with ${firstName(detail.waitingForOthers[0]!.name)}'s own sign-in, and only ${firstName(detail.waitingForOthers[0]!.name)} sees what they say. Your own changes to this case are sent without waiting for them.`
            : 'Each person’s changes are sent only with their own sign-in, and only they see what they say. Your own changes to this case are sent without waiting for them.'}
        </Alert>
      )}
      {actionError && (
        <Alert severity="error" onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      {polled.error && (
        <Alert severity="warning" variant="outlined">
          The case could not be refreshed; it shows what was read a moment ago. {polled.error}
        </Alert>
      )}

      {detail.conflict && (
        <ConflictPanel
          key={detail.conflict.eventId}
          conflict={detail.conflict}
          meId={user.id}
          onChoose={(choice) =>
            api
              .resolveConflict({ caseId, eventId: detail.conflict!.eventId, choice })
              .then((next) =>
                show(
                  next,
                  choice === 'apply-again'
                    ? 'Your change will be applied again.'
                    : 'Your change was discarded.',
                ),
              )
          }
        />
      )}

      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.5fr) minmax(340px, 1fr)' },
          gap: 2.5,
          alignItems: 'start',
        }}
      >
        <Paper
          component="section"
          variant="outlined"
          aria-labelledby="timeline-heading"
          sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
        >
          <Typography variant="h2" id="timeline-heading">
            Timeline
          </Typography>
          <CaseTimeline entries={detail.timeline} meId={user.id} />
          <Box
            component="form"
            aria-label="Add a note"
            onSubmit={(event) => {
              event.preventDefault()
              addNote()
            }}
            sx={{ display: 'flex', flexDirection: 'column', gap: 1, pt: 1 }}
          >
            <TextField
              label="Note"
              placeholder="What did you check, find or tell the customer?"
              multiline
              minRows={2}
              maxRows={12}
              value={note}
              inputRef={noteRef}
              onChange={(event) => setNote(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault()
                  addNote()
                }
              }}
              slotProps={{ htmlInput: { maxLength: 4000, 'aria-keyshortcuts': 'N' } }}
            />
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
              <Button
                type="submit"
                variant="outlined"
                disabled={!note.trim()}
                loading={busy === 'note'}
              >
                Add note
              </Button>
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                <kbd>{shortcutLabel('Enter')}</kbd> adds it
              </Typography>
            </Stack>
          </Box>
        </Paper>

        <Stack sx={{ gap: 2.5 }}>
          {detail.resolution && <ResolutionCard detail={detail} meId={user.id} />}
          <EvidenceCard detail={detail} />
          <DeliveryCard
            deliveryId={detail.deliveryId}
            caseId={detail.id}
            refreshKey={`${detail.serverVersion ?? ''}|${detail.evidenceChanges.join('|')}`}
          />
        </Stack>
      </Box>

      {resolving && !resolved && (
        <ResolveDialog
          orderId={detail.orderId}
          customerName={detail.customerName}
          onClose={() => setResolving(false)}
          onResolve={(code: ResolutionCode, resolutionNote) =>
            api
              .resolveCase(
                resolutionNote ? { caseId, code, note: resolutionNote } : { caseId, code },
              )
              .then((next) => show(next, `Case resolved: ${RESOLUTION_LABELS[code]}.`))
          }
        />
      )}

      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {announcement}
      </Box>
    </Frame>
  )
}

function ResolutionCard({ detail, meId }: { detail: CaseDetail; meId: string }) {
  const resolution = detail.resolution
  if (!resolution) return null
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="resolution-heading"
      sx={{ p: 2, borderColor: 'success.main', display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="h2" id="resolution-heading">
        Resolution: {RESOLUTION_LABELS[resolution.code]}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        By {resolution.resolvedBy === meId ? 'you' : resolution.resolvedBy},{' '}
        <time dateTime={resolution.resolvedAt} title={formatDateTimeLong(resolution.resolvedAt)}>
          {formatDateTime(resolution.resolvedAt)}
        </time>
      </Typography>
      {resolution.note && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {resolution.note}
        </Typography>
      )}
    </Paper>
  )
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Box
      component="main"
      aria-labelledby={HEADING_ID}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {children}
    </Box>
  )
}

function BackLink({ href }: { href: string }) {
  return (
    <Box>
      <Button
        href={href}
        size="small"
        startIcon={<ArrowBackIcon />}
        sx={{ ml: -1 }}
        aria-keyshortcuts="Escape"
      >
        Cases
      </Button>
    </Box>
  )
}

function Kbd({ children, inverse = false }: { children: ReactNode; inverse?: boolean }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{
        ml: 0.75,
        ...(inverse && {
          bgcolor: 'transparent !important',
          color: 'inherit !important',
          borderColor: 'currentColor !important',
          opacity: 0.85,
        }),
      }}
    >
      {children}
    </Box>
  )
}

function CaseSkeleton() {
  return (
    <Box aria-label="Loading the case" role="progressbar" sx={{ display: 'grid', gap: 2 }}>
      <Skeleton variant="text" width={360} height={44} />
      <Skeleton variant="text" width={620} />
      <Skeleton variant="rounded" height={52} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1.5fr 1fr', gap: 2.5 }}>
        <Skeleton variant="rounded" height={320} />
        <Skeleton variant="rounded" height={320} />
      </Box>
    </Box>
  )
}

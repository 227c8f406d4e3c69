// One case, to work it: who has it, where it stands against its first-action target, the actions
// (assign, status, note, resolve, reopen), everything that happened with its send state, and the
// evidence it was opened on. Every action is stored locally at once and sent when the service can
// be reached; the case is read again every few seconds so other agents' work shows up live.
import { useEffect, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { useTranslation } from 'react-i18next'
import type { NoteAudience } from '../../electron/core/api/case-schemas.ts'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { CASE_POLL_MS, queries } from '../api/queries.ts'
import { useNow } from '../format/time.ts'
import { lastQueueFilters } from '../navigation/lastQueue.ts'
import { navigate, routeHref } from '../navigation/route.ts'
import { useKeyShortcut } from '../navigation/shortcuts.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'
import { CaseActionBar } from './CaseActionBar.tsx'
import { BackToCases, CaseFrame, CaseNotFound, CaseSkeleton } from './CaseFrame.tsx'
import { CaseHeader } from './CaseHeader.tsx'
import { CaseNotes } from './CaseNotes.tsx'
import { ConflictPanel } from './ConflictPanel.tsx'
import { OthersWaitingNotice } from './OthersWaitingNotice.tsx'
import { DeliveryCard } from './DeliveryCard.tsx'
import { EvidenceCard } from './EvidenceCard.tsx'
import { ResolutionCard } from './ResolutionCard.tsx'
import { ResolveDialog } from './ResolveDialog.tsx'
import { TicketDialog } from './TicketDialog.tsx'
import { useCaseActions } from './useCaseActions.ts'

type Props = {
  caseId: string
  user: NonNullable<Session['user']>
}

export function CaseScreen({ caseId, user }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const read = useQuery({ ...queries.case(caseId), refetchInterval: CASE_POLL_MS })
  const detail = read.data ?? null
  const readError = read.error ? userMessage(read.error) : null
  const now = useNow(15_000)
  const actions = useCaseActions()
  const [resolving, setResolving] = useState(false)
  const [editingTicket, setEditingTicket] = useState(false)
  const ticketTemplate = useQuery(queries.settings()).data?.ticketUrlTemplate ?? null
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const queueHref = routeHref({ screen: 'cases', filters: lastQueueFilters() })
  const loaded = detail !== null

  // Arriving on a case puts the reader at its heading.
  useEffect(() => {
    if (loaded) headingRef.current?.focus()
  }, [loaded, caseId])

  const focusNote = () => {
    noteRef.current?.focus()
    noteRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }
  const addNote = (body: string, audience: NoteAudience, added: () => void) => {
    if (!body) return focusNote()
    const call = () =>
      api.addCaseNote({ caseId, body, audience }).then((next) => {
        added()
        return next
      })
    actions.act(
      'note',
      call,
      audience === 'customer' ? t('announce.replyAdded') : t('announce.noteAdded'),
    )
  }
  const assignToMe = () =>
    actions.act('assign', () => api.assignCase({ caseId, to: 'me' }), t('announce.assigned'))

  const resolved = detail?.status === 'resolved'
  const mine = detail?.assigneeId === user.id
  useCaseKeys({
    loaded,
    resolved,
    mine,
    focusNote,
    assignToMe,
    resolve: () => setResolving(true),
    editTicket: () => setEditingTicket(true),
  })

  if (!detail) {
    return (
      <CaseFrame>
        <BackToCases href={queueHref} />
        {readError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void read.refetch()}>
                {t('common:action.retry')}
              </Button>
            }
          >
            {t('case.readFailed', { reason: readError })}
          </Alert>
        ) : read.isPending ? (
          <CaseSkeleton />
        ) : (
          <CaseNotFound />
        )}
      </CaseFrame>
    )
  }

  return (
    <CaseFrame>
      <BackToCases href={queueHref} />
      <CaseHeader
        detail={detail}
        meId={user.id}
        now={now}
        headingRef={headingRef}
        ticketTemplate={ticketTemplate}
        onEditTicket={() => setEditingTicket(true)}
      />
      <CaseActionBar
        detail={detail}
        meId={user.id}
        supervisor={user.role === 'supervisor'}
        actions={actions}
        onAssignToMe={assignToMe}
        onNote={focusNote}
        onResolve={() => setResolving(true)}
      />

      <OthersWaitingNotice others={detail.waitingForOthers} />
      {actions.error && (
        <Alert severity="error" onClose={actions.clearError}>
          {actions.error}
        </Alert>
      )}
      {readError && (
        <Alert severity="warning" variant="outlined">
          {t('case.refreshFailed', { reason: readError })}
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
                actions.show(
                  next,
                  choice === 'apply-again' ? t('announce.applyAgain') : t('announce.discarded'),
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
        <CaseNotes
          detail={detail}
          meId={user.id}
          noteRef={noteRef}
          adding={actions.busy === 'note'}
          onAdd={addNote}
        />
        <Stack sx={{ gap: 2.5 }}>
          {detail.resolution && <ResolutionCard detail={detail} meId={user.id} />}
          <EvidenceCard detail={detail} />
          <DeliveryCard deliveryId={detail.deliveryId} caseId={detail.id} />
        </Stack>
      </Box>

      {resolving && !resolved && (
        <ResolveDialog
          orderId={detail.orderId}
          customerName={detail.customerName}
          onClose={() => setResolving(false)}
          onResolve={(code, resolutionNote) =>
            api
              .resolveCase(
                resolutionNote ? { caseId, code, note: resolutionNote } : { caseId, code },
              )
              .then((next) =>
                actions.show(next, t('announce.resolved', { resolution: RESOLUTION_LABELS[code] })),
              )
          }
        />
      )}

      {editingTicket && (
        <TicketDialog
          orderId={detail.orderId}
          ticket={detail.ticket}
          template={ticketTemplate}
          onClose={() => setEditingTicket(false)}
          onSave={(ticket) =>
            api
              .setCaseTicket({ caseId, ticket })
              .then((next) =>
                actions.show(
                  next,
                  ticket ? t('announce.ticketSet', { ticket }) : t('announce.ticketRemoved'),
                ),
              )
          }
        />
      )}

      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {actions.announcement}
      </Box>
    </CaseFrame>
  )
}

/**
 * N writes a note, S resolves, A assigns to me, T sets the help-desk ticket, Esc goes back to the
 * queue as it was left.
 */
function useCaseKeys(keys: {
  loaded: boolean
  resolved: boolean
  mine: boolean
  focusNote: () => void
  assignToMe: () => void
  resolve: () => void
  editTicket: () => void
}): void {
  const { loaded, resolved, mine } = keys
  const pressed = (action: () => void) => (event: KeyboardEvent) => {
    event.preventDefault()
    action()
  }
  useKeyShortcut(['n'], pressed(keys.focusNote), loaded)
  useKeyShortcut(['s'], pressed(keys.resolve), loaded && !resolved)
  useKeyShortcut(['a'], pressed(keys.assignToMe), loaded && !mine)
  useKeyShortcut(['t'], pressed(keys.editTicket), loaded)
  useKeyShortcut(['Escape'], () => navigate({ screen: 'cases', filters: lastQueueFilters() }))
}

// The Case screen's actions in one row: assign to me (A), unassign, the working status, a note
// (N), resolve (S) and, for supervisors, reopen; and how many changes still wait to be sent.
import { useState } from 'react'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined'
import PersonAddAltOutlinedIcon from '@mui/icons-material/PersonAddAltOutlined'
import PersonRemoveOutlinedIcon from '@mui/icons-material/PersonRemoveOutlined'
import ReplayOutlinedIcon from '@mui/icons-material/ReplayOutlined'
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { api } from '../api/client.ts'
import { Kbd } from '../ui/Kbd.tsx'
import { STATUS_LABELS } from '../words/caseWords.ts'
import { ReopenDialog } from './ReopenDialog.tsx'
import type { CaseActions } from './useCaseActions.ts'

type WorkingStatus = 'open' | 'investigating' | 'awaiting_customer'
const WORKING_STATUSES: WorkingStatus[] = ['open', 'investigating', 'awaiting_customer']

type Props = {
  detail: CaseDetail
  meId: string
  supervisor: boolean
  actions: CaseActions
  onAssignToMe: () => void
  onNote: () => void
  onResolve: () => void
}

export function CaseActionBar(props: Props) {
  const { t } = useTranslation('cases')
  const { detail, meId, supervisor, actions, onAssignToMe, onNote, onResolve } = props
  const { busy, act } = actions
  const [reopening, setReopening] = useState(false)
  const caseId = detail.id
  const resolved = detail.status === 'resolved'
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label={t('actions.label')}
      sx={{ px: 1.5, py: 1, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
    >
      {detail.assigneeId !== meId && (
        <Button
          startIcon={<PersonAddAltOutlinedIcon />}
          onClick={onAssignToMe}
          loading={busy === 'assign'}
          loadingPosition="start"
          aria-keyshortcuts="A"
        >
          {t('actions.assignToMe')} <Kbd>A</Kbd>
        </Button>
      )}
      {detail.assigneeId !== null && (
        <Button
          startIcon={<PersonRemoveOutlinedIcon />}
          onClick={() =>
            act(
              'unassign',
              () => api.assignCase({ caseId, to: 'nobody' }),
              t('announce.unassigned'),
            )
          }
          loading={busy === 'unassign'}
          loadingPosition="start"
        >
          {t('actions.unassign')}
        </Button>
      )}
      {!resolved && (
        <TextField
          select
          size="small"
          label={t('actions.status')}
          value={detail.status}
          disabled={busy !== null}
          onChange={(event) => {
            const status = event.target.value as WorkingStatus
            if (status !== detail.status) {
              act(
                'status',
                () => api.changeCaseStatus({ caseId, status }),
                t('announce.statusChanged', { status: STATUS_LABELS[status] }),
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
      <Button startIcon={<NoteAddOutlinedIcon />} onClick={onNote} aria-keyshortcuts="N">
        {t('actions.addNote')} <Kbd>N</Kbd>
      </Button>
      {!resolved && (
        <Button
          variant="contained"
          startIcon={<TaskAltOutlinedIcon />}
          onClick={onResolve}
          aria-keyshortcuts="S"
        >
          {t('actions.resolve')} <Kbd inverse>S</Kbd>
        </Button>
      )}
      {resolved && supervisor && (
        <Button
          variant="outlined"
          startIcon={<ReplayOutlinedIcon />}
          loading={busy === 'reopen'}
          loadingPosition="start"
          onClick={() => setReopening(true)}
        >
          {t('actions.reopen')}
        </Button>
      )}
      {reopening && (
        <ReopenDialog
          orderId={detail.orderId}
          owner={
            detail.assigneeId === null
              ? null
              : detail.assigneeId === meId
                ? 'you'
                : { id: detail.assigneeId }
          }
          onClose={() => setReopening(false)}
          onReopen={(reason) =>
            api
              .reopenCase({ caseId, note: reason })
              .then((next) => actions.show(next, t('announce.reopened')))
          }
        />
      )}
      {detail.pendingChanges > 0 && <WaitingToBeSent count={detail.pendingChanges} />}
    </Paper>
  )
}

function WaitingToBeSent({ count }: { count: number }) {
  const { t } = useTranslation('cases')
  return (
    <Tooltip describeChild title={t('actions.waitingHint')}>
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
        {t('actions.waiting', { count })}
      </Stack>
    </Tooltip>
  )
}

// Supervisors keep the canned resolution notes here: list, add, edit, delete. Agents only pick
// them in the resolve dialog. The main process refuses changes from anyone but a supervisor; this
// dialog is only offered to them, and shows the refusal in words if it comes anyway.
import { useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import AddOutlinedIcon from '@mui/icons-material/AddOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { CannedNote } from '../../electron/core/api/case-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { CannedNoteEditor } from './CannedNoteEditor.tsx'
import type { Draft } from './CannedNoteEditor.tsx'
import { CannedNoteList } from './CannedNoteList.tsx'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

export function CannedNotesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['cases', 'common'])
  const client = useQueryClient()
  const read = useQuery(queries.cannedNotes())
  const notes = read.data ?? null
  const loadError = read.error ? userMessage(read.error) : null
  const setNotes = (list: CannedNote[]) => client.setQueryData(queries.cannedNotes().queryKey, list)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<CannedNote | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const bodyRef = useRef<HTMLTextAreaElement>(null)

  const save = () => {
    if (!draft) return
    setBusy(true)
    setError(null)
    api.saveCannedNote(draft).then(
      (list) => {
        setNotes(list)
        setAnnouncement(t('cannedNotes.saved', { title: draft.title.trim() }))
        setDraft(null)
        setBusy(false)
      },
      (reason: unknown) => {
        setError(userMessage(reason))
        setBusy(false)
      },
    )
  }

  const remove = (note: CannedNote) => {
    setBusy(true)
    setError(null)
    api.deleteCannedNote({ id: note.id }).then(
      (list) => {
        setNotes(list)
        setAnnouncement(t('cannedNotes.deleted', { title: note.title }))
        setConfirmDelete(null)
        if (draft?.id === note.id) setDraft(null)
        setBusy(false)
      },
      (reason: unknown) => {
        setError(userMessage(reason))
        setBusy(false)
      },
    )
  }

  const insertPlaceholder = (placeholder: string) => {
    if (!draft) return
    const box = bodyRef.current
    const start = box?.selectionStart ?? draft.body.length
    const end = box?.selectionEnd ?? draft.body.length
    const body = draft.body.slice(0, start) + placeholder + draft.body.slice(end)
    setDraft({ ...draft, body })
    requestAnimationFrame(() => {
      box?.focus()
      box?.setSelectionRange(start + placeholder.length, start + placeholder.length)
    })
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="canned-notes-title">
      <DialogTitle id="canned-notes-title">{t('cannedNotes.title')}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          <Trans
            t={t}
            i18nKey="cannedNotes.intro"
            components={{ 0: <code translate="no" />, 1: <code translate="no" /> }}
          />
        </Typography>

        {loadError && (
          <Alert severity="error">{t('cannedNotes.failed', { reason: loadError })}</Alert>
        )}
        {error && (
          <Alert severity="error" onClose={() => setError(null)}>
            {error}
          </Alert>
        )}

        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: draft ? 'minmax(0, 1fr) minmax(0, 1.2fr)' : '1fr',
            gap: 2,
            alignItems: 'start',
          }}
        >
          <CannedNoteList
            notes={notes}
            loading={notes === null && !loadError}
            editingId={draft?.id}
            confirmDelete={confirmDelete}
            busy={busy}
            onEdit={(note) =>
              setDraft({ id: note.id, title: note.title, body: note.body, audience: note.audience })
            }
            onAskDelete={setConfirmDelete}
            onDelete={remove}
          />
          {draft && (
            <CannedNoteEditor
              draft={draft}
              busy={busy}
              bodyRef={bodyRef}
              onChange={setDraft}
              onInsert={insertPlaceholder}
              onSave={save}
              onCancel={() => setDraft(null)}
            />
          )}
        </Box>
        <Box role="status" aria-live="polite" sx={visuallyHidden}>
          {announcement}
        </Box>
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'space-between', px: 3 }}>
        <Button
          startIcon={<AddOutlinedIcon />}
          onClick={() => {
            setConfirmDelete(null)
            setDraft({ title: '', body: '', audience: 'internal' })
          }}
        >
          {t('cannedNotes.add')}
        </Button>
        <Button onClick={onClose}>{t('common:action.close')}</Button>
      </DialogActions>
    </Dialog>
  )
}

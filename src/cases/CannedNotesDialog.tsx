// Supervisors keep the canned resolution notes here: list, add, edit, delete. Agents only pick
// them in the resolve dialog. The main process refuses changes from anyone but a supervisor; this
// dialog is only offered to them, and shows the refusal in words if it comes anyway.
import { useEffect, useRef, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import AddOutlinedIcon from '@mui/icons-material/AddOutlined'
import DeleteOutlineOutlinedIcon from '@mui/icons-material/DeleteOutlineOutlined'
import EditOutlinedIcon from '@mui/icons-material/EditOutlined'
import type { CannedNote } from '../../electron/core/api/case-schemas.ts'
import { fillPlaceholders } from '../../electron/core/api/case-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { formatDateTime } from '../format/time.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

type Draft = { id?: string; title: string; body: string }

const PLACEHOLDERS = ['{orderId}', '{customerName}'] as const
const EXAMPLE = { orderId: 'ORD-104233', customerName: 'Dana Whitfield' }

export function CannedNotesDialog({ onClose }: { onClose: () => void }) {
  const [notes, setNotes] = useState<CannedNote[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<CannedNote | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const bodyRef = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    let current = true
    api.listCannedNotes().then(
      (list) => current && setNotes(list),
      (reason: unknown) => current && setLoadError(userMessage(reason)),
    )
    return () => {
      current = false
    }
  }, [])

  const save = () => {
    if (!draft) return
    setBusy(true)
    setError(null)
    api.saveCannedNote(draft).then(
      (list) => {
        setNotes(list)
        setAnnouncement(`Saved “${draft.title.trim()}”.`)
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
        setAnnouncement(`Deleted “${note.title}”.`)
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
      <DialogTitle id="canned-notes-title">Canned notes</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Agents pick one of these when they resolve a case, then edit it if they need to. Write{' '}
          <code>{'{orderId}'}</code> where the order id goes and <code>{'{customerName}'}</code>{' '}
          where the customer’s name goes; Porchlight fills them in.
        </Typography>

        {loadError && (
          <Alert severity="error">The canned notes could not be read. {loadError}</Alert>
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
          <Paper variant="outlined" component="section" aria-label="Saved canned notes">
            {notes === null && !loadError ? (
              <Box sx={{ p: 2 }}>
                <Skeleton height={40} />
                <Skeleton height={40} />
                <Skeleton height={40} />
              </Box>
            ) : notes && notes.length === 0 ? (
              <Typography variant="body2" sx={{ p: 2, color: 'text.secondary' }}>
                No canned notes yet. Add the replies agents write most often.
              </Typography>
            ) : (
              <List dense disablePadding>
                {notes?.map((note) => (
                  <ListItem
                    key={note.id}
                    divider
                    secondaryAction={
                      confirmDelete?.id === note.id ? (
                        <Stack direction="row" sx={{ gap: 0.5 }}>
                          <Button
                            size="small"
                            color="error"
                            variant="contained"
                            disabled={busy}
                            onClick={() => remove(note)}
                          >
                            Delete
                          </Button>
                          <Button size="small" onClick={() => setConfirmDelete(null)}>
                            Keep
                          </Button>
                        </Stack>
                      ) : (
                        <Stack direction="row">
                          <Tooltip title="Edit">
                            <IconButton
                              aria-label={`Edit “${note.title}”`}
                              onClick={() =>
                                setDraft({ id: note.id, title: note.title, body: note.body })
                              }
                            >
                              <EditOutlinedIcon fontSize="small" />
                            </IconButton>
                          </Tooltip>
                          <Tooltip title="Delete">
                            <IconButton
                              aria-label={`Delete “${note.title}”`}
                              onClick={() => setConfirmDelete(note)}
                            >
                              <DeleteOutlineOutlinedIcon fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        </Stack>
                      )
                    }
                    sx={{
                      pr: confirmDelete?.id === note.id ? 20 : 12,
                      alignItems: 'flex-start',
                      bgcolor: draft?.id === note.id ? 'action.selected' : undefined,
                    }}
                  >
                    <ListItemText
                      primary={note.title}
                      secondary={
                        <>
                          <Box
                            component="span"
                            sx={{
                              display: '-webkit-box',
                              WebkitLineClamp: 2,
                              WebkitBoxOrient: 'vertical',
                              overflow: 'hidden',
                            }}
                          >
                            <WithPlaceholders text={note.body} />
                          </Box>
                          <Box
                            component="span"
                            sx={{ display: 'block', fontSize: '0.7rem', mt: 0.25 }}
                          >
                            Changed {formatDateTime(note.updatedAt)}
                          </Box>
                        </>
                      }
                      slotProps={{ primary: { sx: { fontWeight: 500 } } }}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </Paper>

          {draft && (
            <Box
              component="form"
              aria-label={draft.id ? `Edit “${draft.title}”` : 'New canned note'}
              onSubmit={(event) => {
                event.preventDefault()
                save()
              }}
              sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
            >
              <Typography variant="h2">
                {draft.id ? 'Edit canned note' : 'New canned note'}
              </Typography>
              <TextField
                label="Title"
                value={draft.title}
                autoFocus
                required
                size="small"
                onChange={(event) => setDraft({ ...draft, title: event.target.value })}
                slotProps={{ htmlInput: { maxLength: 80 } }}
              />
              <TextField
                label="Note"
                value={draft.body}
                required
                multiline
                minRows={4}
                maxRows={10}
                inputRef={bodyRef}
                onChange={(event) => setDraft({ ...draft, body: event.target.value })}
                slotProps={{ htmlInput: { maxLength: 4000 } }}
              />
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  Insert:
                </Typography>
                {PLACEHOLDERS.map((p) => (
                  <Button
                    key={p}
                    size="small"
                    variant="outlined"
                    onClick={() => insertPlaceholder(p)}
                    aria-label={`Insert ${p}`}
                    sx={{ fontFamily: 'ui-monospace, monospace', py: 0 }}
                  >
                    {p}
                  </Button>
                ))}
              </Stack>
              {draft.body.trim() && (
                <Box
                  sx={{
                    p: 1.5,
                    borderRadius: 1,
                    bgcolor: 'action.hover',
                    typography: 'body2',
                    whiteSpace: 'pre-wrap',
                  }}
                >
                  <Typography variant="h3" component="p" sx={{ mb: 0.5, color: 'text.secondary' }}>
                    Preview
                  </Typography>
                  {fillPlaceholders(draft.body, EXAMPLE)}
                </Box>
              )}
              <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
                <Button onClick={() => setDraft(null)}>Cancel</Button>
                <Button
                  type="submit"
                  variant="contained"
                  disabled={busy || !draft.title.trim() || !draft.body.trim()}
                >
                  Save
                </Button>
              </Stack>
            </Box>
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
            setDraft({ title: '', body: '' })
          }}
        >
          New canned note
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  )
}

/** The note's text with its placeholders set off, so a supervisor sees what will be filled in. */
function WithPlaceholders({ text }: { text: string }) {
  return text.split(/(\{orderId\}|\{customerName\})/).map((part, index) =>
    index % 2 === 1 ? (
      <Box
        component="span"
        key={index}
        sx={{
          fontFamily: 'ui-monospace, "Roboto Mono", monospace',
          fontSize: '0.8em',
          color: 'primary.main',
        }}
      >
        {part}
      </Box>
    ) : (
      part
    ),
  )
}

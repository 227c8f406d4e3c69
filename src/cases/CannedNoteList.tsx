// The saved canned notes, each with Edit and Delete (Delete asks once more, in the row).
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import DeleteOutlineOutlinedIcon from '@mui/icons-material/DeleteOutlineOutlined'
import EditOutlinedIcon from '@mui/icons-material/EditOutlined'
import { useTranslation } from 'react-i18next'
import type { CannedNote } from '../../electron/core/api/case-schemas.ts'
import { formatDateTime } from '../format/time.ts'
import { AudienceTag } from '../ui/AudienceTag.tsx'

type Props = {
  notes: CannedNote[] | null
  loading: boolean
  /** The note being edited, if any. */
  editingId: string | undefined
  /** The note whose Delete was pressed once. */
  confirmDelete: CannedNote | null
  busy: boolean
  onEdit: (note: CannedNote) => void
  onAskDelete: (note: CannedNote | null) => void
  onDelete: (note: CannedNote) => void
}

export function CannedNoteList(props: Props) {
  const { t } = useTranslation('cases')
  const { notes, loading, editingId, confirmDelete, busy, onEdit, onAskDelete, onDelete } = props
  return (
    <Paper variant="outlined" component="section" aria-label={t('cannedNotes.list')}>
      {loading ? (
        <Box sx={{ p: 2 }}>
          <Skeleton height={40} />
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Box>
      ) : notes && notes.length === 0 ? (
        <Typography variant="body2" sx={{ p: 2, color: 'text.secondary' }}>
          {t('cannedNotes.none')}
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
                      onClick={() => onDelete(note)}
                    >
                      {t('cannedNotes.delete')}
                    </Button>
                    <Button size="small" onClick={() => onAskDelete(null)}>
                      {t('cannedNotes.keep')}
                    </Button>
                  </Stack>
                ) : (
                  <Stack direction="row">
                    <Tooltip title={t('cannedNotes.edit')}>
                      <IconButton
                        aria-label={t('cannedNotes.editNamed', { title: note.title })}
                        onClick={() => onEdit(note)}
                      >
                        <EditOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('cannedNotes.delete')}>
                      <IconButton
                        aria-label={t('cannedNotes.deleteNamed', { title: note.title })}
                        onClick={() => onAskDelete(note)}
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
                bgcolor: editingId === note.id ? 'action.selected' : undefined,
              }}
            >
              <ListItemText
                primary={
                  <>
                    <span translate="no">{note.title}</span>{' '}
                    <AudienceTag audience={note.audience} />
                  </>
                }
                secondary={
                  <>
                    <Box
                      component="span"
                      translate="no"
                      sx={{
                        display: '-webkit-box',
                        WebkitLineClamp: 2,
                        WebkitBoxOrient: 'vertical',
                        overflow: 'hidden',
                      }}
                    >
                      <WithPlaceholders text={note.body} />
                    </Box>
                    <Box component="span" sx={{ display: 'block', fontSize: '0.7rem', mt: 0.25 }}>
                      {t('cannedNotes.changed', { time: formatDateTime(note.updatedAt) })}
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

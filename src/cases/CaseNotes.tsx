// The case's timeline with the note box under it: everything that happened, with its send state,
// and a note to add (Ctrl/Cmd+Enter adds it). N from anywhere on the screen puts the cursor here.
import { useCallback, useState } from 'react'
import type { Ref } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { shortcutLabel } from '../navigation/shortcuts.ts'
import { CaseTimeline } from './CaseTimeline.tsx'

type Props = {
  detail: CaseDetail
  meId: string
  noteRef: Ref<HTMLTextAreaElement>
  /** True while the note is being added. */
  adding: boolean
  /** Adds the note; `added` empties the box once it is stored. An empty note only focuses it. */
  onAdd: (body: string, added: () => void) => void
}

export function CaseNotes({ detail, meId, noteRef, adding, onAdd }: Props) {
  const [note, setNote] = useState('')
  // Once the added note is on the timeline, the focus moves to it.
  const [focusNewestAfter, setFocusNewestAfter] = useState<number | null>(null)
  const focused = useCallback(() => setFocusNewestAfter(null), [])
  const add = () => {
    const before = detail.timeline.length
    onAdd(note.trim(), () => {
      setNote('')
      setFocusNewestAfter(before)
    })
  }
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="timeline-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Typography variant="h2" id="timeline-heading">
        Timeline
      </Typography>
      <CaseTimeline
        entries={detail.timeline}
        meId={meId}
        focusNewestAfter={focusNewestAfter}
        onFocused={focused}
      />
      <Box
        component="form"
        aria-label="Add a note"
        onSubmit={(event) => {
          event.preventDefault()
          add()
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
              add()
            }
          }}
          slotProps={{ htmlInput: { maxLength: 4000, 'aria-keyshortcuts': 'N' } }}
        />
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
          <Button type="submit" variant="outlined" disabled={!note.trim()} loading={adding}>
            Add note
          </Button>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            <kbd>{shortcutLabel('Enter')}</kbd> adds it
          </Typography>
        </Stack>
      </Box>
    </Paper>
  )
}

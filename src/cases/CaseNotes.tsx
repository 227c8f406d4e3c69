// The case's timeline with the note box under it: everything that happened, with its send state,
// and a note to add (Ctrl/Cmd+Enter adds it). N from anywhere on the screen puts the cursor here.
// A canned note starts it ("Canned note", or "/" in an empty box); a note is either internal or a
// reply written for the customer, and says so on the timeline.
import { useCallback, useRef, useState } from 'react'
import type { RefObject } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import type { CaseDetail, NoteAudience } from '../../electron/core/api/case-schemas.ts'
import { shortcutLabel } from '../navigation/shortcuts.ts'
import { AUDIENCE_LABELS } from '../words/noteAudienceWords.ts'
import { CannedNoteMenu } from './CannedNoteMenu.tsx'
import { CaseTimeline } from './CaseTimeline.tsx'

type Props = {
  detail: CaseDetail
  meId: string
  noteRef: RefObject<HTMLTextAreaElement | null>
  /** True while the note is being added. */
  adding: boolean
  /** Adds the note; `added` empties the box once it is stored. An empty note only focuses it. */
  onAdd: (body: string, audience: NoteAudience, added: () => void) => void
}

export function CaseNotes({ detail, meId, noteRef, adding, onAdd }: Props) {
  const { t } = useTranslation('cases')
  const [note, setNote] = useState('')
  const [audience, setAudience] = useState<NoteAudience>('internal')
  const [menuAt, setMenuAt] = useState<HTMLElement | null>(null)
  const box = useRef<HTMLDivElement>(null)
  // Once the added note is on the timeline, the focus moves to it.
  const [focusNewestAfter, setFocusNewestAfter] = useState<number | null>(null)
  const focused = useCallback(() => setFocusNewestAfter(null), [])
  const add = () => {
    const before = detail.timeline.length
    onAdd(note.trim(), audience, () => {
      setNote('')
      setAudience('internal')
      setFocusNewestAfter(before)
    })
  }
  const closeMenu = () => {
    setMenuAt(null)
    requestAnimationFrame(() => noteRef.current?.focus())
  }
  const pick = (text: string, pickedFor: NoteAudience) => {
    setNote(text)
    setAudience(pickedFor)
    closeMenu()
  }
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="timeline-heading"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Typography variant="h2" id="timeline-heading">
        {t('notes.title')}
      </Typography>
      <CaseTimeline
        entries={detail.timeline}
        meId={meId}
        focusNewestAfter={focusNewestAfter}
        onFocused={focused}
      />
      <Box
        component="form"
        aria-label={t('notes.form')}
        onSubmit={(event) => {
          event.preventDefault()
          add()
        }}
        sx={{ display: 'flex', flexDirection: 'column', gap: 1, pt: 1 }}
      >
        <TextField
          label={t('notes.note')}
          placeholder={t('notes.placeholder')}
          multiline
          minRows={2}
          maxRows={12}
          value={note}
          ref={box}
          inputRef={noteRef}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault()
              add()
            } else if (event.key === '/' && note === '') {
              // "/" in an empty box offers the canned notes; elsewhere it is just a slash.
              event.preventDefault()
              setMenuAt(box.current)
            }
          }}
          helperText={t('notes.slashHint')}
          slotProps={{ htmlInput: { maxLength: 4000, 'aria-keyshortcuts': 'N', translate: 'no' } }}
        />
        <ToggleButtonGroup
          exclusive
          size="small"
          value={audience}
          onChange={(_event, next: NoteAudience | null) => next && setAudience(next)}
          aria-label={t('notes.writtenFor')}
          sx={{ alignSelf: 'flex-start' }}
        >
          {(['internal', 'customer'] as const).map((a) => (
            <ToggleButton key={a} value={a} sx={{ textTransform: 'none', py: 0.25 }}>
              {AUDIENCE_LABELS[a]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Button type="submit" variant="outlined" disabled={!note.trim()} loading={adding}>
            {audience === 'customer' ? t('notes.addReply') : t('notes.addNote')}
          </Button>
          <Button
            endIcon={<ArrowDropDownIcon />}
            aria-haspopup="menu"
            aria-expanded={menuAt !== null}
            aria-keyshortcuts="/"
            onClick={(event) => setMenuAt(event.currentTarget)}
          >
            {t('notes.canned')}
          </Button>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            <Trans
              t={t}
              i18nKey="notes.addKey"
              values={{ key: shortcutLabel('Enter') }}
              components={{ 0: <kbd /> }}
            />
          </Typography>
        </Stack>
        <CannedNoteMenu
          anchor={menuAt}
          orderId={detail.orderId}
          customerName={detail.customerName}
          onPick={pick}
          onClose={closeMenu}
        />
      </Box>
    </Paper>
  )
}

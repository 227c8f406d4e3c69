// Writing a canned note: title, text, buttons that insert {orderId} and {customerName} where the
// cursor is, and a preview with an example order filled in.
import type { Ref } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useTranslation } from 'react-i18next'
import { fillPlaceholders, type NoteAudience } from '../../electron/core/api/case-schemas.ts'
import { AUDIENCE_LABELS } from '../words/noteAudienceWords.ts'

/** A canned note being written: new, or an edit of the one with `id`. */
export type Draft = { id?: string; title: string; body: string; audience: NoteAudience }

export const PLACEHOLDERS = ['{orderId}', '{customerName}'] as const
const EXAMPLE = { orderId: 'ORD-104233', customerName: 'Dana Whitfield' }

type Props = {
  draft: Draft
  busy: boolean
  bodyRef: Ref<HTMLTextAreaElement>
  onChange: (draft: Draft) => void
  onInsert: (placeholder: string) => void
  onSave: () => void
  onCancel: () => void
}

export function CannedNoteEditor(props: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const { draft, busy, bodyRef, onChange, onInsert, onSave, onCancel } = props
  return (
    <Box
      component="form"
      aria-label={
        draft.id ? t('cannedNotes.editNamed', { title: draft.title }) : t('cannedNotes.newTitle')
      }
      onSubmit={(event) => {
        event.preventDefault()
        onSave()
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography variant="h2">
        {draft.id ? t('cannedNotes.editTitle') : t('cannedNotes.newTitle')}
      </Typography>
      <TextField
        label={t('cannedNotes.noteTitle')}
        value={draft.title}
        autoFocus
        required
        size="small"
        onChange={(event) => onChange({ ...draft, title: event.target.value })}
        slotProps={{ htmlInput: { maxLength: 80, translate: 'no' } }}
      />
      <TextField
        label={t('cannedNotes.note')}
        value={draft.body}
        required
        multiline
        minRows={4}
        maxRows={10}
        inputRef={bodyRef}
        onChange={(event) => onChange({ ...draft, body: event.target.value })}
        slotProps={{ htmlInput: { maxLength: 4000, translate: 'no' } }}
      />
      <Box role="radiogroup" aria-labelledby="canned-audience-label">
        <FormLabel id="canned-audience-label" sx={{ typography: 'body2' }}>
          {t('cannedNotes.writtenFor')}
        </FormLabel>
        <RadioGroup
          row
          aria-labelledby="canned-audience-label"
          value={draft.audience}
          onChange={(event) => onChange({ ...draft, audience: event.target.value as NoteAudience })}
        >
          {(['internal', 'customer'] as const).map((audience) => (
            <FormControlLabel
              key={audience}
              value={audience}
              control={<Radio size="small" />}
              label={AUDIENCE_LABELS[audience]}
            />
          ))}
        </RadioGroup>
      </Box>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('cannedNotes.insert')}
        </Typography>
        {PLACEHOLDERS.map((p) => (
          <Button
            key={p}
            size="small"
            variant="outlined"
            onClick={() => onInsert(p)}
            aria-label={t('cannedNotes.insertNamed', { placeholder: p })}
            sx={{ fontFamily: 'ui-monospace, monospace', py: 0 }}
          >
            <span translate="no">{p}</span>
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
            {t('cannedNotes.preview')}
          </Typography>
          <span translate="no">{fillPlaceholders(draft.body, EXAMPLE)}</span>
        </Box>
      )}
      <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common:action.cancel')}</Button>
        <Button
          type="submit"
          variant="contained"
          disabled={busy || !draft.title.trim() || !draft.body.trim()}
        >
          {t('common:action.save')}
        </Button>
      </Stack>
    </Box>
  )
}

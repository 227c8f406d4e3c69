// The queue's text filter: words to find in the order number, the customer's name or the notes.
// The box answers at once; the URL (and so the queue) follows after a pause in typing. The first
// words are a new step in the history, their refinements replace it. Esc empties the box.
import { useEffect, useState } from 'react'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import SearchIcon from '@mui/icons-material/Search'
import { useTranslation } from 'react-i18next'
import type { CaseFilters } from '../navigation/caseFilters.ts'

/** How long typing may pause before the queue is filtered by what was typed. */
const FIND_DELAY_MS = 300

export function CaseFindBox(props: {
  text: string | null
  onChange: (patch: Partial<CaseFilters>, how?: 'push' | 'replace') => void
}) {
  const { t } = useTranslation('cases')
  const { text, onChange } = props
  const [draft, setDraft] = useState(text ?? '')
  const [shown, setShown] = useState(text)
  if (shown !== text) {
    // Changed from outside (a chip removed, Clear filters, Back): the box says so.
    setShown(text)
    if ((text ?? '') !== draft.trim()) setDraft(text ?? '')
  }
  const wanted = draft.trim() || null
  useEffect(() => {
    if (wanted === text) return
    const timer = setTimeout(
      () => onChange({ text: wanted }, text && wanted ? 'replace' : 'push'),
      FIND_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [wanted, text, onChange])

  return (
    <TextField
      size="small"
      type="search"
      label={t('filters.find')}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && draft) {
          event.stopPropagation()
          setDraft('')
        }
      }}
      sx={{ width: 280 }}
      slotProps={{
        htmlInput: { maxLength: 100, translate: 'no' },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" aria-hidden />
            </InputAdornment>
          ),
        },
      }}
    />
  )
}

// The canned notes as a menu, for the note box: "Canned note" beside "Add note", or "/" typed in
// an empty note box. Each says who it is written for. Picking one hands back its text with this
// order and customer filled in; Esc closes the menu and the focus goes back to the note box.
import { useQuery } from '@tanstack/react-query'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import { useTranslation } from 'react-i18next'
import { fillPlaceholders } from '../../electron/core/api/case-schemas.ts'
import type { NoteAudience } from '../../electron/core/api/case-schemas.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { AudienceTag } from '../ui/AudienceTag.tsx'

type Props = {
  /** Where the menu opens; null while it is closed. */
  anchor: HTMLElement | null
  orderId: string
  customerName: string | null
  onPick: (text: string, audience: NoteAudience) => void
  onClose: () => void
}

export function CannedNoteMenu({ anchor, orderId, customerName, onPick, onClose }: Props) {
  const { t } = useTranslation('cases')
  const read = useQuery({ ...queries.cannedNotes(), enabled: anchor !== null })
  const notes = read.data ?? null
  const values = { orderId, customerName: customerName ?? t('cannedMenu.theCustomer') }
  return (
    <Menu
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      slotProps={{ list: { 'aria-label': t('cannedMenu.label'), dense: true } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      {read.error ? (
        <MenuItem disabled>{t('cannedMenu.failed', { reason: userMessage(read.error) })}</MenuItem>
      ) : notes === null ? (
        <MenuItem disabled>{t('cannedMenu.loading')}</MenuItem>
      ) : notes.length === 0 ? (
        <MenuItem disabled>{t('cannedMenu.none')}</MenuItem>
      ) : (
        notes.map((note) => (
          <MenuItem
            key={note.id}
            onClick={() => onPick(fillPlaceholders(note.body, values), note.audience)}
            // The note's text runs on in one line, cut with an ellipsis (its start says which).
            sx={{ maxWidth: 460, gap: 1.5, overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            <ListItemText
              translate="no"
              primary={note.title}
              secondary={fillPlaceholders(note.body, values)}
              slotProps={{
                secondary: { noWrap: true },
                primary: { sx: { fontWeight: 500 } },
              }}
            />
            <AudienceTag audience={note.audience} />
          </MenuItem>
        ))
      )}
    </Menu>
  )
}

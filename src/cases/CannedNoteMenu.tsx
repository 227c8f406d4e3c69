// The canned notes as a menu, for the note box: "Canned note" beside "Add note", or "/" typed in
// an empty note box. Each says who it is written for. Picking one hands back its text with this
// order and customer filled in; Esc closes the menu and the focus goes back to the note box.
import { useQuery } from '@tanstack/react-query'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
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
  const read = useQuery({ ...queries.cannedNotes(), enabled: anchor !== null })
  const notes = read.data ?? null
  const values = { orderId, customerName: customerName ?? 'the customer' }
  return (
    <Menu
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      slotProps={{ list: { 'aria-label': 'Canned notes', dense: true } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      {read.error ? (
        <MenuItem disabled>The canned notes could not be read. {userMessage(read.error)}</MenuItem>
      ) : notes === null ? (
        <MenuItem disabled>Loading the canned notes…</MenuItem>
      ) : notes.length === 0 ? (
        <MenuItem disabled>No canned notes yet; a supervisor can add them.</MenuItem>
      ) : (
        notes.map((note) => (
          <MenuItem
            key={note.id}
            onClick={() => onPick(fillPlaceholders(note.body, values), note.audience)}
            sx={{ maxWidth: 460, gap: 1.5 }}
          >
            <ListItemText
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

// A small tag saying who a note is written for. Internal notes are the usual case and carry a
// quiet tag; a reply for the customer stands out, so nobody mistakes one for the other.
import Chip from '@mui/material/Chip'
import type { NoteAudience } from '../../electron/core/api/case-schemas.ts'
import { AUDIENCE_TAGS } from '../words/noteAudienceWords.ts'

export function AudienceTag({ audience }: { audience: NoteAudience }) {
  return (
    <Chip
      component="span"
      size="small"
      label={AUDIENCE_TAGS[audience]}
      color={audience === 'customer' ? 'info' : 'default'}
      variant="outlined"
      sx={{ height: 20, fontSize: '0.7rem', verticalAlign: 'text-bottom' }}
    />
  )
}

// Who a note is written for, in one wording everywhere (the note box, the timeline, the canned
// notes): the team's internal notes, or text written to be sent to the customer.
import type { NoteAudience } from '../../electron/core/api/case-schemas.ts'

export const AUDIENCE_LABELS: Record<NoteAudience, string> = {
  internal: 'Internal note',
  customer: 'Reply to the customer',
}

/** Shorter, for a tag beside a note or a canned note's title. */
export const AUDIENCE_TAGS: Record<NoteAudience, string> = {
  internal: 'Internal',
  customer: 'Customer reply',
}

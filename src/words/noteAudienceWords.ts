// Who a note is written for, in one wording everywhere (the note box, the timeline, the canned
// notes): the team's internal notes, or text written to be sent to the customer. Live tables:
// each word is read from the catalogue, in the language spoken, when it is taken.
import type { NoteAudience } from '../../electron/core/api/case-schemas.ts'
import { t, wordsByCode } from '../../electron/core/messages/messages.ts'

const NOTE_AUDIENCES: readonly NoteAudience[] = ['internal', 'customer']

export const AUDIENCE_LABELS: Readonly<Record<NoteAudience, string>> = wordsByCode(
  NOTE_AUDIENCES,
  (audience) => (audience === 'customer' ? t('app:audience.customer') : t('app:audience.internal')),
)

/** Shorter, for a tag beside a note or a canned note's title. */
export const AUDIENCE_TAGS: Readonly<Record<NoteAudience, string>> = wordsByCode(
  NOTE_AUDIENCES,
  (audience) =>
    audience === 'customer' ? t('app:audience.tagCustomer') : t('app:audience.tagInternal'),
)

// Words the core wrote for people (a refusal, a sync error, a map file's problem): they come from
// the catalogue too, in the language the core speaks, which is the one Settings choose. Only the
// window speaks the pseudo-locale (`?locale=en-XA`), so there they are marked as localised the way
// the format helpers' dates are; in every real language they are shown as they came.
import { localized } from '../../electron/core/messages/messages.ts'

export function fromCore(text: string): string {
  return localized(text)
}

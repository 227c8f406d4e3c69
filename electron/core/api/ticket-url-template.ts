// The help desk's ticket address, as a URL template with one {ticket}
// (`https://example.zendesk.com/agent/tickets/{ticket}`): it turns a case's ticket number into a
// link to the ticket, and a ticket's address pasted into the search box back into its number.
// Pure, with no Node imports: the settings schema (and so the renderer's form) and the core both
// read it.
import { TICKET_PATTERN } from '../contract/schemas.ts'
import { t } from '../messages/messages.ts'

export const TICKET_PLACEHOLDER = '{ticket}'
export const TICKET_TEMPLATE_EXAMPLE = 'https://example.zendesk.com/agent/tickets/{ticket}'
/** Longest template taken; a real help desk's address is far shorter. */
export const MAX_TICKET_TEMPLATE_LENGTH = 500

// C0 and C1 controls, DEL, spaces, and the invisible or direction-changing characters.
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/

/**
 * What is wrong with a ticket URL template, in words, or null when it can be used: an http or
 * https address with a host, {ticket} exactly once (in the path, query or fragment, never the
 * host) and no other placeholder, no user name or password, no spaces or control characters.
 */
export function ticketUrlTemplateProblem(template: string): string | null {
  if (template.length > MAX_TICKET_TEMPLATE_LENGTH) {
    return t('settings:template.tooLong', { max: MAX_TICKET_TEMPLATE_LENGTH })
  }
  if (UNSAFE_CHARACTER.test(template)) return t('settings:template.noSpaces')
  const placeholders = template.match(/\{[^}]*\}/g) ?? []
  if (placeholders.filter((p) => p === TICKET_PLACEHOLDER).length !== 1) {
    return t('settings:template.placeholderOnce', {
      placeholder: TICKET_PLACEHOLDER,
      example: TICKET_TEMPLATE_EXAMPLE,
    })
  }
  const other = placeholders.find((p) => p !== TICKET_PLACEHOLDER)
  if (other !== undefined) return t('settings:template.unknownPlaceholder', { placeholder: other })
  let one: URL
  let another: URL
  try {
    one = new URL(template.replace(TICKET_PLACEHOLDER, '4521'))
    another = new URL(template.replace(TICKET_PLACEHOLDER, 'SF-7'))
  } catch {
    return t('settings:template.notWeb')
  }
  if (one.protocol !== 'https:' && one.protocol !== 'http:') {
    return t('settings:template.httpOrHttps')
  }
  if (one.hostname === '' || one.host !== another.host) {
    return t('settings:template.needsHost', { placeholder: TICKET_PLACEHOLDER })
  }
  if (one.username !== '' || one.password !== '') {
    return t('settings:template.noCredentials')
  }
  return null
}

/** The ticket's address: its number put in place of {ticket}, escaped for a URL. */
export function ticketUrl(template: string, ticket: string): string {
  return template.replace(TICKET_PLACEHOLDER, encodeURIComponent(ticket))
}

/**
 * The ticket number in `text` when it is the template's address of a ticket (as pasted from the
 * help desk), else null. The part before {ticket} is compared without regard to case; when
 * nothing follows {ticket} in the template, a further path, query or fragment is ignored (a
 * ticket's page has sub-pages: `…/tickets/4521/events`).
 */
export function ticketFromUrl(template: string, text: string): string | null {
  const pasted = text.trim()
  if (pasted.length > 2048 || UNSAFE_CHARACTER.test(pasted)) return null
  const at = template.indexOf(TICKET_PLACEHOLDER)
  if (at < 0) return null
  const before = template.slice(0, at)
  const after = template.slice(at + TICKET_PLACEHOLDER.length)
  if (pasted.slice(0, before.length).toLowerCase() !== before.toLowerCase()) return null
  let middle = pasted.slice(before.length)
  if (after === '') middle = middle.split(/[/?#]/, 1)[0] ?? ''
  else if (middle.endsWith(after)) middle = middle.slice(0, -after.length)
  else return null
  let ticket: string
  try {
    ticket = decodeURIComponent(middle)
  } catch {
    return null
  }
  return TICKET_PATTERN.test(ticket) ? ticket : null
}

/**
 * The forms one ticket goes by: as written, and with or without a leading `#` (help desks show
 * `#4521` and put `4521` in the address). Cases are compared without regard to letter case.
 */
export function ticketForms(ticket: string): [string, string] {
  const bare = ticket.startsWith('#') ? ticket.slice(1) : ticket
  return [ticket, bare === ticket ? `#${ticket}` : bare]
}

/** Whether two ticket numbers name the same ticket (`#SF-12`, `sf-12`). */
export function sameTicket(a: string, b: string): boolean {
  const key = (t: string) => (t.startsWith('#') ? t.slice(1) : t).toLowerCase()
  return key(a) === key(b)
}

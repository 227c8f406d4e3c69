// Porchlight links: `porchlight://delivery/<order id | tracking number | delivery id>` and
// `porchlight://case/<case id>`, pasted into a help-desk ticket and opened from it. A link comes
// from outside (another program's command line, a web page, the clipboard), so it is read
// strictly: one of the two forms exactly, or refused with words that say why. Nothing else in a
// link (a query, a fragment, a port, more path, escapes, spaces, control characters) is ever
// followed. The shell opens links; the renderer makes them ("Copy link") and reads pasted ones.

export const LINK_SCHEME = 'porchlight'

/** Longest link read at all; the longest valid one is far shorter. */
export const MAX_LINK_LENGTH = 200

/** Order ids, tracking numbers and delivery ids: letters, digits, `.`, `_`, `-`. */
const DELIVERY_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// C0 and C1 controls, DEL, and the invisible or direction-changing characters.
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/

export type LinkTarget = { kind: 'delivery'; key: string } | { kind: 'case'; caseId: string }

export type ParsedLink = { ok: true; target: LinkTarget } | { ok: false; reason: string }

const refuse = (reason: string): ParsedLink => ({ ok: false, reason })

/** Whether `text` is meant as a Porchlight link (it starts with the scheme), valid or not. */
export function looksLikePorchlightLink(text: string): boolean {
  return text.slice(0, LINK_SCHEME.length + 1).toLowerCase() === `${LINK_SCHEME}:`
}

export function parsePorchlightLink(text: string): ParsedLink {
  if (text.length > MAX_LINK_LENGTH) {
    return refuse(`The link is longer than ${MAX_LINK_LENGTH} characters.`)
  }
  if (!looksLikePorchlightLink(text)) return refuse('This is not a Porchlight link.')
  if (UNSAFE_CHARACTER.test(text)) {
    return refuse('The link holds spaces or invisible characters.')
  }
  const rest = text.slice(LINK_SCHEME.length + 1)
  if (!rest.startsWith('//')) return refuse('A Porchlight link starts with porchlight://.')
  if (/[?#]/.test(rest)) return refuse('A Porchlight link has no ? or # part.')
  if (rest.includes('%')) return refuse('A Porchlight link has no %-escapes.')
  const parts = rest.slice(2).replace(/\/$/, '').split('/')
  const [place, id, ...more] = parts
  const kind = place?.toLowerCase()
  if (kind !== 'delivery' && kind !== 'case') {
    return refuse('A Porchlight link opens a delivery or a case, and this one names neither.')
  }
  if (!id) {
    return refuse(
      kind === 'case' ? 'The link names no case.' : 'The link names no order or tracking number.',
    )
  }
  if (more.length > 0) return refuse('The link has more parts than a Porchlight link has.')
  if (kind === 'case') {
    if (!CASE_ID.test(id)) return refuse('The case id in the link is not a Porchlight case id.')
    return { ok: true, target: { kind, caseId: id.toLowerCase() } }
  }
  if (!DELIVERY_KEY.test(id)) {
    return refuse(
      'The order or tracking number in the link is not one: up to 64 letters, digits, dots, ' +
        'dashes and underscores.',
    )
  }
  return { ok: true, target: { kind, key: id } }
}

export function porchlightLink(target: LinkTarget): string {
  return target.kind === 'case'
    ? `${LINK_SCHEME}://case/${target.caseId}`
    : `${LINK_SCHEME}://delivery/${target.key}`
}

/** The console's own address (the URL hash) for a link's target. */
export function linkHash(target: LinkTarget): string {
  return target.kind === 'case'
    ? `#/case/${target.caseId}`
    : `#/delivery/${encodeURIComponent(target.key)}`
}

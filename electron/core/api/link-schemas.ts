// Porchlight links: `porchlight://delivery/<order id | tracking number | delivery id>` and
// `porchlight://case/<case id>`, pasted into a help-desk ticket and opened from it. A link comes
// from outside (another program's command line, a web page, the clipboard), so it is read
// strictly: one of the two forms exactly, or refused with words that say why. Nothing else in a
// link (a query, a fragment, a port, more path, escapes, spaces, control characters) is ever
// followed. The shell opens links; the renderer makes them ("Copy link") and reads pasted ones.
// The reasons are the search namespace's words (people meet them pasting a link into the search
// box), in the language the process speaks.
import { t } from '../messages/messages.ts'

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
    return refuse(t('search:link.tooLong', { max: MAX_LINK_LENGTH }))
  }
  if (!looksLikePorchlightLink(text)) return refuse(t('search:link.notALink'))
  if (UNSAFE_CHARACTER.test(text)) return refuse(t('search:link.unsafe'))
  const rest = text.slice(LINK_SCHEME.length + 1)
  if (!rest.startsWith('//')) {
    return refuse(t('search:link.noSlashes', { start: `${LINK_SCHEME}://` }))
  }
  if (/[?#]/.test(rest)) return refuse(t('search:link.query'))
  if (rest.includes('%')) return refuse(t('search:link.escapes'))
  const parts = rest.slice(2).replace(/\/$/, '').split('/')
  const [place, id, ...more] = parts
  const kind = place?.toLowerCase()
  if (kind !== 'delivery' && kind !== 'case') {
    return refuse(t('search:link.neither'))
  }
  if (!id) return refuse(kind === 'case' ? t('search:link.noCase') : t('search:link.noDelivery'))
  if (more.length > 0) return refuse(t('search:link.tooManyParts'))
  if (kind === 'case') {
    if (!CASE_ID.test(id)) return refuse(t('search:link.badCaseId'))
    return { ok: true, target: { kind, caseId: id.toLowerCase() } }
  }
  if (!DELIVERY_KEY.test(id)) {
    return refuse(t('search:link.badDeliveryKey', { max: 64 }))
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

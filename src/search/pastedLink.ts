// A porchlight:// link typed or pasted into the search box opens its delivery or case instead of
// being searched for; one that cannot be opened says why.
import {
  linkHash,
  looksLikePorchlightLink,
  parsePorchlightLink,
} from '../../electron/core/api/link-schemas.ts'

export type PastedLink =
  { kind: 'none' } | { kind: 'open'; hash: string } | { kind: 'refused'; reason: string }

export function readPastedLink(text: string): PastedLink {
  const trimmed = text.trim()
  if (!looksLikePorchlightLink(trimmed)) return { kind: 'none' }
  const parsed = parsePorchlightLink(trimmed)
  return parsed.ok
    ? { kind: 'open', hash: linkHash(parsed.target) }
    : { kind: 'refused', reason: parsed.reason }
}

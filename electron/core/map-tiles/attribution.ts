// Map attributions arrive as HTML (MBTiles metadata says so, and tile servers document theirs that
// way). They come from files and settings we do not control, so the map shows them as plain text:
// tags are dropped, the common entities decoded, and the length bounded.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  middot: '·',
  ndash: '–',
  mdash: '—',
}

export const MAX_ATTRIBUTION_LENGTH = 300

export function plainAttribution(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number.parseInt(name.slice(1), 10)
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
          ? String.fromCodePoint(code)
          : ''
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? entity
    })
    // Control characters (and stray angle brackets left by broken markup) have no place in it.
    .replace(/[\p{Cc}<>]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > MAX_ATTRIBUTION_LENGTH
    ? `${text.slice(0, MAX_ATTRIBUTION_LENGTH - 1).trimEnd()}…`
    : text
}

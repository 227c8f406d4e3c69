// Which links Porchlight hands to the person's browser: only web pages (http or https) with a
// host and without credentials in them. Anything else (file:, javascript:, custom schemes that
// would start another program, our own app: and photo: addresses) is refused. Both the API handler
// and the Electron shell check, so neither trusts the other's input.

/** The normalised URL to open, or null when it must not be opened. */
export function externalLinkToOpen(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}

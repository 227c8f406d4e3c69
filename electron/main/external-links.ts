// Opens a web page the person clicked in their own browser. The renderer asks through the API
// (openExternalLink, checked there); this checks again at the last step, because shell.openExternal
// with anything but http(s) can start other programs.
import { shell } from 'electron'
import { externalLinkToOpen } from '../core/security/external-links.ts'

export async function openInBrowser(url: string): Promise<void> {
  const target = externalLinkToOpen(url)
  if (target === null) throw new Error('Porchlight only opens web links (http or https).')
  await shell.openExternal(target, { activate: true })
}

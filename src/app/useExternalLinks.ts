// Web links in the console (the map's attribution, links in notes) open in the person's browser.
// Inside Electron the window never navigates away or opens windows of its own: a click on an
// http(s) link to another site is turned into the openExternalLink call, which the preload lets
// through only during a click, and the core and the shell check before the browser opens it.
import { useEffect } from 'react'
import { api, runsInElectron } from '../api/client.ts'

/** The http(s) address a click on `target` would leave the console for, or null. */
export function externalHref(target: EventTarget | null, here: string): string | null {
  if (!(target instanceof Element)) return null
  const anchor = target.closest('a[href]')
  if (!(anchor instanceof HTMLAnchorElement)) return null
  let url: URL
  try {
    url = new URL(anchor.href, here)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  return url.origin === new URL(here).origin ? null : url.href
}

export function useExternalLinks(): void {
  useEffect(() => {
    if (!runsInElectron) return
    const onClick = (event: MouseEvent) => {
      const href = externalHref(event.target, window.location.href)
      if (href === null) return
      event.preventDefault()
      api.openExternalLink({ url: href }).catch((error: unknown) => {
        console.warn('porchlight: a link could not be opened', error)
      })
    }
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [])
}

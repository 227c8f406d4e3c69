// The online tile server's address, as a URL template with {z}, {x} and {y}. Checked here, where
// both the settings schema (and so the renderer's form) and the core read it: no Node imports.
import { t } from '../messages/messages.ts'

export const OPENSTREETMAP_TEMPLATE = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
export const OPENSTREETMAP_ATTRIBUTION = '© OpenStreetMap contributors'
export const OPENSTREETMAP_MAX_ZOOM = 19

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * What is wrong with a tile URL template, in words, or null when it can be used. It must be an
 * https address (plain http only on this computer, for testing a local server) with {z}, {x} and
 * {y} once each and no other placeholder, and no user name or password in it.
 */
export function tileUrlTemplateProblem(template: string): string | null {
  const placeholders = template.match(/\{[^}]*\}/g) ?? []
  for (const name of ['{z}', '{x}', '{y}']) {
    if (placeholders.filter((p) => p === name).length !== 1) {
      return t('settings:template.placeholderOnce', {
        placeholder: name,
        example: OPENSTREETMAP_TEMPLATE,
      })
    }
  }
  const other = placeholders.find((p) => !['{z}', '{x}', '{y}'].includes(p))
  if (other !== undefined) return t('settings:template.unknownPlaceholder', { placeholder: other })
  let url: URL
  try {
    url = new URL(expandTemplate(template, { z: 0, x: 0, y: 0 }))
  } catch {
    return t('settings:template.notWeb')
  }
  if (url.username !== '' || url.password !== '') {
    return t('settings:template.noCredentials')
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null
  return t('settings:template.httpsOnly')
}

export function expandTemplate(template: string, address: { z: number; x: number; y: number }) {
  return template
    .replace('{z}', String(address.z))
    .replace('{x}', String(address.x))
    .replace('{y}', String(address.y))
}

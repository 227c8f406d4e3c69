// Where the agent is, kept in the URL hash so Back/Forward (and a reload in browser mode) work and
// no router library is needed. Reports will join these.
import { useSyncExternalStore } from 'react'
import { caseFiltersQuery, parseCaseFilters } from './caseFilters.ts'
import type { CaseFilters } from './caseFilters.ts'

export type Route =
  | { screen: 'search' }
  /** `caseId`: the case the agent came from; photo views are recorded against it. */
  | { screen: 'delivery'; deliveryId: string; caseId?: string }
  | { screen: 'sync-report' }
  | { screen: 'settings' }
  /** Supervisors only; the core refuses the report calls to anyone else. */
  | { screen: 'reports' }
  | { screen: 'cases'; filters: CaseFilters }
  | { screen: 'case'; caseId: string }

const FIXED_SCREENS = {
  '#/sync-report': 'sync-report',
  '#/settings': 'settings',
  '#/reports': 'reports',
} as const

export function parseRoute(hash: string): Route {
  if (Object.hasOwn(FIXED_SCREENS, hash)) {
    return { screen: FIXED_SCREENS[hash as keyof typeof FIXED_SCREENS] }
  }
  const cases = /^#\/cases(?:\?(.*))?$/.exec(hash)
  if (cases) return { screen: 'cases', filters: parseCaseFilters(cases[1] ?? '') }
  const oneCase = /^#\/case\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    hash,
  )
  if (oneCase?.[1]) return { screen: 'case', caseId: oneCase[1].toLowerCase() }
  const match =
    /^#\/delivery\/([^/?#]+)(?:\?case=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?$/i.exec(
      hash,
    )
  if (match?.[1]) {
    try {
      const deliveryId = decodeURIComponent(match[1])
      return match[2]
        ? { screen: 'delivery', deliveryId, caseId: match[2].toLowerCase() }
        : { screen: 'delivery', deliveryId }
    } catch {
      return { screen: 'search' }
    }
  }
  return { screen: 'search' }
}

export function routeHref(route: Route): string {
  if (route.screen === 'cases') {
    const query = caseFiltersQuery(route.filters)
    return query ? `#/cases?${query}` : '#/cases'
  }
  if (route.screen === 'case') return `#/case/${encodeURIComponent(route.caseId)}`
  if (route.screen === 'delivery') {
    const forCase = route.caseId ? `?case=${encodeURIComponent(route.caseId)}` : ''
    return `#/delivery/${encodeURIComponent(route.deliveryId)}${forCase}`
  }
  return `#/${route.screen}`
}

export function navigate(route: Route): void {
  const href = routeHref(route)
  if (window.location.hash !== href) window.location.hash = href
}

/** Like navigate, but in place of the current history entry (a filter refined as it is typed). */
export function replaceRoute(route: Route): void {
  const href = routeHref(route)
  if (window.location.hash === href) return
  const oldURL = window.location.href
  window.history.replaceState(window.history.state, '', href)
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const currentHash = (): string => window.location.hash

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash)
  return parseRoute(hash)
}

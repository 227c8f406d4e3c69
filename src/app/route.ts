// Where the agent is, kept in the URL hash so Back/Forward (and a reload in browser mode) work and
// no router library is needed. Only two places exist yet; Cases and Reports will join them.
import { useSyncExternalStore } from 'react'

export type Route = { screen: 'search' } | { screen: 'delivery'; deliveryId: string }

export function parseRoute(hash: string): Route {
  const match = /^#\/delivery\/([^/?#]+)$/.exec(hash)
  if (match?.[1]) {
    try {
      return { screen: 'delivery', deliveryId: decodeURIComponent(match[1]) }
    } catch {
      return { screen: 'search' }
    }
  }
  return { screen: 'search' }
}

export function routeHref(route: Route): string {
  return route.screen === 'delivery'
    ? `#/delivery/${encodeURIComponent(route.deliveryId)}`
    : '#/search'
}

export function navigate(route: Route): void {
  const href = routeHref(route)
  if (window.location.hash !== href) window.location.hash = href
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

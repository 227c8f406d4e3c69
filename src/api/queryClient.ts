// The renderer's one cache of what it has read from the core (TanStack Query). Screens read through
// it (src/api/queries.ts) and get loading and error states, a read shared by everything that shows
// it, answers to an older question never shown over a newer one, and polling where they poll.
import { focusManager, QueryClient } from '@tanstack/react-query'
import { refreshWhenSyncChangesTheCopy } from './refreshOnSync.ts'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core is on this computer: a failure is shown at once, in words, with its Retry.
      retry: false,
      // The calls go to the core, never straight to the network: offline is no reason to wait.
      networkMode: 'always',
      // Only the session check reads again when the window comes back (see App).
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Polls go on while the window is behind others, as they always have.
      refetchIntervalInBackground: true,
    },
    mutations: { networkMode: 'always', retry: false },
  },
})

refreshWhenSyncChangesTheCopy(queryClient)

// "The window came back": when it is shown again, and when it is brought to the front (an Electron
// window behind another one is still visible, so visibility alone would not tell).
focusManager.setEventListener((setFocused) => {
  const onChange = () => setFocused(document.visibilityState !== 'hidden')
  window.addEventListener('visibilitychange', onChange)
  window.addEventListener('focus', onChange)
  return () => {
    window.removeEventListener('visibilitychange', onChange)
    window.removeEventListener('focus', onChange)
  }
})

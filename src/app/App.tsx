// The top of the renderer: find out who is signed in, then show either the sign-in screen or the
// workspace. The session is the only state that lives this high.
import { useCallback, useEffect } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { SignInScreen } from '../session/SignInScreen.tsx'
import { useExternalLinks } from './useExternalLinks.ts'
import { Workspace } from './Workspace.tsx'
import { navigate, parseRoute } from '../navigation/route.ts'

const SESSION_CHECK_MS = 30_000

export function App() {
  const { t } = useTranslation(['app', 'common'])
  const client = useQueryClient()
  // The window's title (the task bar, the window switcher) in the language spoken.
  const title = t('name')
  useEffect(() => {
    document.title = title
  }, [title])
  useExternalLinks()
  // The main process can end the session on its own (the service refused the saved token and
  // signing in again failed). Check now and then, and whenever the window comes back to the front.
  const read = useQuery({
    ...queries.session(),
    refetchInterval: (query) => (query.state.data?.user ? SESSION_CHECK_MS : false),
    refetchOnWindowFocus: (query) => query.state.data?.user != null,
  })
  const showSession = useCallback(
    (session: Session) => client.setQueryData(queries.session().queryKey, session),
    [client],
  )

  const onSignedIn = useCallback(
    (session: Session) => {
      // A link that brought the agent here (a case, a filtered queue) survives signing in.
      if (parseRoute(window.location.hash).screen === 'search') navigate({ screen: 'search' })
      showSession(session)
    },
    [showSession],
  )

  const onSignedOut = useCallback(
    (session: Session) => {
      // The workspace goes first, so none of its reads asks again on the way out.
      void client.cancelQueries()
      showSession(session)
    },
    [client, showSession],
  )

  // A failed check changes nothing: what was read last stays, and the next check will tell.
  const session = read.data
  const signedOut = session != null && session.user == null
  useEffect(() => {
    // Nothing read for the person who signed out stays in the cache for the next one.
    if (signedOut) {
      const sessionKey = queries.session().queryKey[0]
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey })
    }
  }, [client, signedOut])
  if (!session && (read.isFetching || !read.error)) {
    return (
      <Box
        role="status"
        sx={{
          height: '100vh',
          display: 'grid',
          placeItems: 'center',
          alignContent: 'center',
          gap: 2,
        }}
      >
        <CircularProgress aria-hidden="true" />
        <Typography sx={{ color: 'text.secondary' }}>{t('start.starting')}</Typography>
      </Box>
    )
  }

  if (!session) {
    return (
      <Box component="main" sx={{ height: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
        <Box sx={{ width: '100%', maxWidth: 520 }}>
          <Typography variant="h1" sx={{ mb: 2 }}>
            {t('start.failed')}
          </Typography>
          <Alert
            severity="error"
            action={
              <Button color="inherit" onClick={() => void read.refetch()}>
                {t('common:action.retry')}
              </Button>
            }
          >
            {userMessage(read.error)}
          </Alert>
        </Box>
      </Box>
    )
  }

  if (!session.user) return <SignInScreen session={session} onSignedIn={onSignedIn} />
  return <Workspace session={session} user={session.user} onSignedOut={onSignedOut} />
}

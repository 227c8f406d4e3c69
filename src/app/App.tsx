// The top of the renderer: find out who is signed in, then show either the sign-in screen or the
// workspace. The session is the only state that lives this high.
import { useCallback, useEffect, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Typography from '@mui/material/Typography'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { SignInScreen } from '../session/SignInScreen.tsx'
import { useExternalLinks } from './useExternalLinks.ts'
import { Workspace } from './Workspace.tsx'
import { navigate, parseRoute } from '../navigation/route.ts'

const SESSION_CHECK_MS = 30_000

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; session: Session }

export function App() {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  useExternalLinks()

  const loadSession = useCallback(() => {
    setState({ status: 'loading' })
    api.getSession().then(
      (session) => setState({ status: 'ready', session }),
      (error: unknown) => setState({ status: 'failed', message: userMessage(error) }),
    )
  }, [])

  useEffect(() => {
    let current = true
    api.getSession().then(
      (session) => current && setState({ status: 'ready', session }),
      (error: unknown) => current && setState({ status: 'failed', message: userMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [])

  // The main process can end the session on its own (the service refused the saved token and
  // signing in again failed). Check now and then, and whenever the window comes back to the front.
  const signedIn = state.status === 'ready' && state.session.user !== null
  useEffect(() => {
    if (!signedIn) return
    let current = true
    const check = () => {
      api.getSession().then(
        (session) => {
          if (current && session.user === null) setState({ status: 'ready', session })
        },
        () => {
          // A failed check changes nothing: the next one, or the next call, will tell.
        },
      )
    }
    const timer = window.setInterval(check, SESSION_CHECK_MS)
    window.addEventListener('focus', check)
    return () => {
      current = false
      window.clearInterval(timer)
      window.removeEventListener('focus', check)
    }
  }, [signedIn])

  const onSignedIn = useCallback((session: Session) => {
    // A link that brought the agent here (a case, a filtered queue) survives signing in.
    if (parseRoute(window.location.hash).screen === 'search') navigate({ screen: 'search' })
    setState({ status: 'ready', session })
  }, [])

  if (state.status === 'loading') {
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
        <Typography sx={{ color: 'text.secondary' }}>Starting Porchlight…</Typography>
      </Box>
    )
  }

  if (state.status === 'failed') {
    return (
      <Box component="main" sx={{ height: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
        <Box sx={{ maxWidth: 520 }}>
          <Typography variant="h1" sx={{ mb: 2 }}>
            Porchlight could not start
          </Typography>
          <Alert
            severity="error"
            action={
              <Button color="inherit" onClick={loadSession}>
                Try again
              </Button>
            }
          >
            {state.message}
          </Alert>
        </Box>
      </Box>
    )
  }

  const { session } = state
  if (!session.user) return <SignInScreen session={session} onSignedIn={onSignedIn} />
  return (
    <Workspace
      session={session}
      user={session.user}
      onSignedOut={(next) => setState({ status: 'ready', session: next })}
    />
  )
}

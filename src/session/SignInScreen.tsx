import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import VisibilityIcon from '@mui/icons-material/Visibility'
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { BrandMark } from '../ui/BrandMark.tsx'
import { DemoChip } from './DemoChip.tsx'
import { roleLabel } from './roles.ts'

type Props = {
  session: Session
  onSignedIn: (session: Session) => void
}

export function SignInScreen({ session, onSignedIn }: Props) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [showPassword, setShowPassword] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submitRef = useRef<HTMLButtonElement>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (submitting) return
    setSubmitting(true)
    setError(null)
    api.signIn({ username, password }).then(
      (next) => {
        if (next.user) {
          onSignedIn(next)
        } else {
          setSubmitting(false)
          setError('Sign-in did not complete. Please try again.')
        }
      },
      (reason: unknown) => {
        setSubmitting(false)
        setError(userMessage(reason))
      },
    )
  }

  const fillDemoAccount = (account: Session['demoAccounts'][number]) => {
    setUsername(account.username)
    setPassword(account.password)
    setError(null)
    submitRef.current?.focus()
  }

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 3,
        bgcolor: 'background.default',
      }}
    >
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: 4 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 3 }}>
          <BrandMark />
          <Typography sx={{ fontWeight: 500, fontSize: '1.1rem' }}>Porchlight</Typography>
          {session.demo && <DemoChip sx={{ ml: 'auto' }} />}
        </Stack>
        <Typography variant="h1" sx={{ mb: 0.5 }}>
          Sign in
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 3 }}>
          Use your delivery service account.
        </Typography>

        <Box component="form" noValidate onSubmit={submit} aria-label="Sign in">
          <Stack sx={{ gap: 2 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              label="User name"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              disabled={submitting}
              slotProps={{ htmlInput: { maxLength: 128, spellCheck: false } }}
            />
            <TextField
              label="Password"
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              disabled={submitting}
              slotProps={{
                htmlInput: { maxLength: 1024 },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        aria-label={showPassword ? 'Hide password' : 'Show password'}
                        aria-pressed={showPassword}
                        onClick={() => setShowPassword((shown) => !shown)}
                        edge="end"
                        disabled={submitting}
                      >
                        {showPassword ? <VisibilityOffIcon /> : <VisibilityIcon />}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Button
              ref={submitRef}
              type="submit"
              variant="contained"
              size="large"
              loading={submitting}
              loadingPosition="start"
              disableElevation
            >
              {submitting ? 'Signing in…' : 'Sign in'}
            </Button>
          </Stack>
        </Box>

        {session.demo && session.demoAccounts.length > 0 && (
          <Box component="section" aria-labelledby="demo-accounts-heading" sx={{ mt: 3 }}>
            <Divider sx={{ mb: 2 }} />
            <Typography variant="h2" id="demo-accounts-heading">
              Demo accounts
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              Choose one to fill in its user name and password.
            </Typography>
            <List dense disablePadding sx={{ mt: 1 }}>
              {session.demoAccounts.map((account) => (
                <ListItem
                  key={account.username}
                  disableGutters
                  secondaryAction={
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => fillDemoAccount(account)}
                      disabled={submitting}
                      aria-label={`Use demo account ${account.username} (${account.role})`}
                    >
                      Use
                    </Button>
                  }
                >
                  <ListItemText primary={account.username} secondary={roleLabel(account.role)} />
                </ListItem>
              ))}
            </List>
          </Box>
        )}
        <Typography
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', mt: 3, overflowWrap: 'anywhere' }}
        >
          {session.demo
            ? 'Connected to the built-in demo delivery service.'
            : `Delivery service: ${session.serviceUrl}`}
        </Typography>
      </Paper>
    </Box>
  )
}

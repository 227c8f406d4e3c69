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
import { Trans, useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, ApiError, userMessage } from '../api/client.ts'
import { BrandMark } from '../ui/BrandMark.tsx'
import { DemoChip } from './DemoChip.tsx'
import { roleLabel } from './roles.ts'

type Props = {
  session: Session
  onSignedIn: (session: Session) => void
}

/** The core's refusals whose words need nothing from the core: said in the window's language. */
const REFUSALS = { 'bad-credentials': 'badCredentials', offline: 'offline' } as const

export function SignInScreen({ session, onSignedIn }: Props) {
  const { t } = useTranslation(['session', 'app'])
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [showPassword, setShowPassword] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** A field left empty at the last try, said under that field. */
  const [missing, setMissing] = useState<'username' | 'password' | null>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  /** Why a sign-in failed: the catalogue's words for a refusal it knows, else the core's. */
  const signInProblem = (reason: unknown): string => {
    if (reason instanceof ApiError && Object.hasOwn(REFUSALS, reason.code)) {
      return t(`signIn.${REFUSALS[reason.code as keyof typeof REFUSALS]}`)
    }
    return userMessage(reason)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (submitting) return
    setError(null)
    // Said here, in the window's words, before anything is asked of the core.
    const empty = username.trim() === '' ? 'username' : password === '' ? 'password' : null
    setMissing(empty)
    if (empty) {
      ;(empty === 'username' ? usernameRef : passwordRef).current?.focus()
      return
    }
    setSubmitting(true)
    api.signIn({ username, password }).then(
      (next) => {
        if (next.user) {
          onSignedIn(next)
        } else {
          setSubmitting(false)
          setError(t('signIn.incomplete'))
        }
      },
      (reason: unknown) => {
        setSubmitting(false)
        setError(signInProblem(reason))
      },
    )
  }

  const fillDemoAccount = (account: DemoAccount) => {
    setUsername(account.username)
    setPassword(account.password)
    setError(null)
    setMissing(null)
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
          <Typography sx={{ fontWeight: 500, fontSize: '1.1rem' }}>{t('app:name')}</Typography>
          {session.demo && <DemoChip sx={{ ml: 'auto' }} />}
        </Stack>
        <Typography variant="h1" sx={{ mb: 0.5 }}>
          {t('signIn.title')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 3 }}>
          {t('signIn.intro')}
        </Typography>

        <Box component="form" noValidate onSubmit={submit} aria-label={t('signIn.title')}>
          <Stack sx={{ gap: 2 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              label={t('signIn.userName')}
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(event) => {
                setUsername(event.target.value)
                if (missing === 'username') setMissing(null)
              }}
              error={missing === 'username'}
              helperText={missing === 'username' ? t('signIn.enterUserName') : undefined}
              inputRef={usernameRef}
              disabled={submitting}
              slotProps={{ htmlInput: { maxLength: 128, spellCheck: false } }}
            />
            <TextField
              label={t('signIn.password')}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.target.value)
                if (missing === 'password') setMissing(null)
              }}
              error={missing === 'password'}
              helperText={missing === 'password' ? t('signIn.enterPassword') : undefined}
              inputRef={passwordRef}
              disabled={submitting}
              slotProps={{
                htmlInput: { maxLength: 1024 },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        aria-label={
                          showPassword ? t('signIn.hidePassword') : t('signIn.showPassword')
                        }
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
              {submitting ? t('signIn.submitting') : t('signIn.submit')}
            </Button>
          </Stack>
        </Box>

        {session.demo && session.demoAccounts.length > 0 && (
          <DemoAccounts
            accounts={session.demoAccounts}
            disabled={submitting}
            onChoose={fillDemoAccount}
          />
        )}
        <Typography
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', mt: 3, overflowWrap: 'anywhere' }}
        >
          {session.demo ? (
            t('signIn.demoService')
          ) : (
            <Trans
              t={t}
              i18nKey="signIn.service"
              values={{ url: session.serviceUrl }}
              components={{ 0: <span translate="no" /> }}
            />
          )}
        </Typography>
      </Paper>
    </Box>
  )
}

type DemoAccount = Session['demoAccounts'][number]

/** The demo's accounts, each a button that fills in its user name and password. */
function DemoAccounts(props: {
  accounts: readonly DemoAccount[]
  disabled: boolean
  onChoose: (account: DemoAccount) => void
}) {
  const { t } = useTranslation('session')
  return (
    <Box component="section" aria-labelledby="demo-accounts-heading" sx={{ mt: 3 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h2" id="demo-accounts-heading">
        {t('signIn.demoAccounts')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('signIn.demoAccountsHint')}
      </Typography>
      <List dense disablePadding sx={{ mt: 1 }}>
        {props.accounts.map((account) => (
          <ListItem
            key={account.username}
            disableGutters
            secondaryAction={
              <Button
                size="small"
                variant="outlined"
                onClick={() => props.onChoose(account)}
                disabled={props.disabled}
                aria-label={t('signIn.useDemoAccount', {
                  username: account.username,
                  role: roleLabel(account.role),
                })}
              >
                {t('signIn.use')}
              </Button>
            }
          >
            <ListItemText
              primary={<span translate="no">{account.username}</span>}
              secondary={roleLabel(account.role)}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  )
}

// The local cache's health, above everything else on screen. A cache found damaged at start has
// already been replaced when the window opens: a dialog says what was saved and what was lost.
// One found damaged while Porchlight runs stops every call; this screen then takes the window's
// place and offers the one way on, "Recover now".
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { CacheHealth } from '../../electron/core/api/cache-schemas.ts'
import { api, userMessage } from '../api/client.ts'

/** Damage met at run time shows within this long, whatever screen is open. */
const CHECK_MS = 3_000

export function CacheGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app')
  const [health, setHealth] = useState<CacheHealth | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const current = useRef(true)

  const check = useCallback(() => {
    api.getCacheHealth().then(
      (next) => current.current && setHealth(next),
      () => {
        // Unreachable for a moment (browser mode restarting): the next check will tell.
      },
    )
  }, [])

  useEffect(() => {
    current.current = true
    check()
    const timer = window.setInterval(check, CHECK_MS)
    window.addEventListener('focus', check)
    return () => {
      current.current = false
      window.clearInterval(timer)
      window.removeEventListener('focus', check)
    }
  }, [check])

  const recover = useCallback(() => {
    setBusy(true)
    setFailure(null)
    setHealth({ state: 'recovering' })
    api.recoverCache().then(
      (next) => {
        setBusy(false)
        setHealth(next)
        if (next.state === 'damaged') setFailure(next.message)
      },
      (error: unknown) => {
        setBusy(false)
        setFailure(userMessage(error))
        check()
      },
    )
  }, [check])

  const dismiss = useCallback(() => {
    api.dismissCacheRecovery().then(
      (next) => setHealth(next),
      (error: unknown) => setFailure(userMessage(error)),
    )
  }, [])

  if (health?.state === 'damaged' || health?.state === 'recovering') {
    return (
      <CacheDamagedScreen
        message={health.state === 'damaged' ? health.message : null}
        recovering={busy || health.state === 'recovering'}
        failure={failure}
        onRecover={recover}
      />
    )
  }
  const recovery = health?.state === 'ok' ? health.recovery : null
  return (
    <>
      {children}
      <Dialog
        open={recovery !== null}
        aria-labelledby="cache-recovered-title"
        aria-describedby="cache-recovered-summary"
      >
        <DialogTitle id="cache-recovered-title">{t('cache.replacedTitle')}</DialogTitle>
        <DialogContent>
          {recovery && recovery.unsentChangesLost > 0 && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('cache.changesLost', { count: recovery.unsentChangesLost })}
            </Alert>
          )}
          <DialogContentText id="cache-recovered-summary">{recovery?.summary}</DialogContentText>
          {failure && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={dismiss} autoFocus>
            {t('cache.ok')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  )
}

function CacheDamagedScreen(props: {
  message: string | null
  recovering: boolean
  failure: string | null
  onRecover: () => void
}) {
  const { t } = useTranslation('app')
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Box sx={{ width: '100%', maxWidth: 560 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>
          {t('cache.damagedTitle')}
        </Typography>
        {props.message && <Typography sx={{ mb: 3 }}>{props.message}</Typography>}
        {props.failure && (
          <Alert severity="error" sx={{ mb: 3 }}>
            {props.failure}
          </Alert>
        )}
        {props.recovering ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <CircularProgress size={24} aria-hidden="true" sx={{ flexShrink: 0 }} />
            {/* The words are the live region; the turning spinner beside them is not. */}
            <Typography role="status" sx={{ minWidth: 0 }}>
              {t('cache.recovering')}
            </Typography>
          </Box>
        ) : (
          <Button variant="contained" onClick={props.onRecover} autoFocus>
            {t('cache.recoverNow')}
          </Button>
        )}
      </Box>
    </Box>
  )
}

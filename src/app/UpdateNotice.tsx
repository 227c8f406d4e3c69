// Offers to restart into a downloaded update. The core checks at start and daily (never in demo
// mode); this asks it now and then whether an update is ready.
import { useEffect, useState } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Snackbar from '@mui/material/Snackbar'
import { api } from '../api/client.ts'

const POLL_MS = 15 * 60_000

export function UpdateNotice() {
  const [version, setVersion] = useState<string | null>(null)
  const [dismissed, setDismissed] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    const ask = () =>
      api.getUpdateStatus().then(
        (status) => current && setVersion(status.state === 'ready' ? status.version : null),
        () => undefined,
      )
    void ask()
    const timer = window.setInterval(ask, POLL_MS)
    return () => {
      current = false
      window.clearInterval(timer)
    }
  }, [])

  const open = version !== null && dismissed !== version
  return (
    <Snackbar
      open={open}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      sx={{ bottom: 56 }}
    >
      <Alert
        severity="info"
        variant="outlined"
        sx={{ bgcolor: 'background.paper', boxShadow: 3, alignItems: 'center' }}
        action={
          <>
            <Button color="inherit" size="small" onClick={() => setDismissed(version)}>
              Later
            </Button>
            <Button
              variant="contained"
              size="small"
              onClick={() => void api.restartToUpdate()}
              sx={{ ml: 1 }}
            >
              Restart now
            </Button>
          </>
        }
      >
        Porchlight {version} is ready. Your work is saved; restart to use it, or it installs when
        you next quit.
      </Alert>
    </Snackbar>
  )
}

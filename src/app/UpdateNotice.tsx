// Offers to restart into a downloaded update. The core checks at start and daily (never in demo
// mode); this asks it now and then whether an update is ready.
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Snackbar from '@mui/material/Snackbar'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client.ts'
import { queries } from '../api/queries.ts'

const POLL_MS = 15 * 60_000

export function UpdateNotice() {
  const { t } = useTranslation('app')
  // A failed read changes nothing: the next one will tell.
  const { data: status } = useQuery({ ...queries.updateStatus(), refetchInterval: POLL_MS })
  const version = status?.state === 'ready' ? status.version : null
  const [dismissed, setDismissed] = useState<string | null>(null)

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
              {t('update.later')}
            </Button>
            <Button
              variant="contained"
              size="small"
              onClick={() => void api.restartToUpdate()}
              sx={{ ml: 1 }}
            >
              {t('update.restart')}
            </Button>
          </>
        }
      >
        {t('update.ready', { version: version ?? '' })}
      </Alert>
    </Snackbar>
  )
}

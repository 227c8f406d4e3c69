// The tiles already viewed from the online server, kept for offline use: how much they take, the
// cap (the least recently viewed go first past it), and clearing them after a confirmation.
import { useId, useState } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import LinearProgress from '@mui/material/LinearProgress'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import type { MapSources } from '../../electron/core/api/map-schemas.ts'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client.ts'
import { cacheCapLabel, cacheCapOptions, formatMegabytes } from './useMapSources.ts'
import type { MapSourcesState } from './useMapSources.ts'

type Props = { sources: MapSources; settings: AppSettings; state: MapSourcesState }

export function TileCacheControls({ sources, settings, state }: Props) {
  const { t } = useTranslation(['settings', 'common'])
  const { tiles, bytes, capBytes } = sources.cache
  const [confirming, setConfirming] = useState(false)
  const usageId = useId()
  const titleId = useId()
  const share = capBytes > 0 ? Math.min(100, (bytes / capBytes) * 100) : 0
  const usage =
    tiles === 0
      ? t('tileCache.none')
      : t('tileCache.usage', {
          count: tiles,
          used: formatMegabytes(bytes),
          cap: formatMegabytes(capBytes),
        })

  return (
    <Stack sx={{ gap: 1.25 }}>
      <Box sx={{ color: 'text.secondary' }}>{t('tileCache.intro')}</Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: 'center' }}>
        <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <Box id={usageId}>{usage}</Box>
          <LinearProgress
            variant="determinate"
            value={share}
            aria-labelledby={usageId}
            sx={{ mt: 0.75, height: 6, borderRadius: 3 }}
          />
        </Box>
        <TextField
          select
          label={t('tileCache.cap')}
          size="small"
          value={settings.tileCacheMegabytes}
          onChange={(event) => {
            const next = Number(event.target.value)
            void state.run(
              t('common:action.saving'),
              () => api.updateSettings({ tileCacheMegabytes: next }),
              t('tileCache.capSaved', { size: cacheCapLabel(next) }),
            )
          }}
          sx={{ width: 160 }}
        >
          {cacheCapOptions(settings.tileCacheMegabytes).map((megabytes) => (
            <MenuItem key={megabytes} value={megabytes}>
              {cacheCapLabel(megabytes)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          onClick={() => setConfirming(true)}
          disabled={tiles === 0 || state.busy !== null}
          sx={{ flexShrink: 0 }}
        >
          {t('tileCache.clear')}
        </Button>
      </Stack>

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{t('tileCache.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('tileCache.confirmText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            {t('common:action.cancel')}
          </Button>
          <Button
            color="error"
            onClick={() => {
              setConfirming(false)
              void state.run(
                t('tileCache.clearing'),
                () => api.clearTileCache(),
                t('tileCache.cleared'),
              )
            }}
          >
            {t('tileCache.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  )
}

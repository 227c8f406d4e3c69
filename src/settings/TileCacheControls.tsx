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
import { api } from '../api/client.ts'
import { plural } from '../format/numbers.ts'
import { cacheCapLabel, cacheCapOptions, formatMegabytes } from './useMapSources.ts'
import type { MapSourcesState } from './useMapSources.ts'

type Props = { sources: MapSources; settings: AppSettings; state: MapSourcesState }

export function TileCacheControls({ sources, settings, state }: Props) {
  const { tiles, bytes, capBytes } = sources.cache
  const [confirming, setConfirming] = useState(false)
  const usageId = useId()
  const titleId = useId()
  const share = capBytes > 0 ? Math.min(100, (bytes / capBytes) * 100) : 0
  const usage =
    tiles === 0
      ? 'No tiles kept yet.'
      : `${plural(tiles, 'tile', 'tiles')}, ${formatMegabytes(bytes)} of ${formatMegabytes(capBytes)}.`

  return (
    <Stack sx={{ gap: 1.25 }}>
      <Box sx={{ color: 'text.secondary' }}>
        Tiles from the online server are kept so places you have looked at stay on the map while
        offline. Past the cap, the ones viewed longest ago go first.
      </Box>
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
          label="Keep up to"
          size="small"
          value={settings.tileCacheMegabytes}
          onChange={(event) => {
            const next = Number(event.target.value)
            void state.run(
              'Saving…',
              () => api.updateSettings({ tileCacheMegabytes: next }),
              `Up to ${cacheCapLabel(next)} of tiles will be kept.`,
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
          Clear tiles…
        </Button>
      </Stack>

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>Clear the tiles already viewed?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Places you have looked at will show no online map while offline until you view them
            again online. Map files are not affected.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </Button>
          <Button
            color="error"
            onClick={() => {
              setConfirming(false)
              void state.run('Clearing…', () => api.clearTileCache(), 'The tiles were cleared.')
            }}
          >
            Clear tiles
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  )
}

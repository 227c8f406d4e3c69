// The MBTiles files, in the order the map asks them: each can be switched off and moved up or down;
// files chosen in the desktop app can be removed (the file itself stays where it is). Files in the
// data folder's maps folder are picked up by themselves; the folder is named for browser mode, where
// no file dialog exists.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import Tooltip from '@mui/material/Tooltip'
import AddOutlinedIcon from '@mui/icons-material/AddOutlined'
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward'
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward'
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined'
import RefreshIcon from '@mui/icons-material/Refresh'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import type { MapFileInfo, MapSources } from '../../electron/core/api/map-schemas.ts'
import { api } from '../api/client.ts'
import type { MapSourcesState } from './useMapSources.ts'

const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'

const ORIGIN_LABELS: Record<MapFileInfo['origin'], string> = {
  demo: 'Built in',
  folder: 'Maps folder',
  added: 'Added',
}

type Props = { sources: MapSources; settings: AppSettings; state: MapSourcesState }

export function MapFileList({ sources, settings, state }: Props) {
  const { files } = sources
  const ids = files.map((f) => f.id)

  const move = (file: MapFileInfo, by: -1 | 1) => {
    const from = ids.indexOf(file.id)
    const order = [...ids]
    order.splice(from, 1)
    order.splice(from + by, 0, file.id)
    void state.run(
      'Saving…',
      () => api.updateSettings({ mapFileOrder: order }),
      `${label(file)} is now ${ordinal(from + by + 1)}.`,
    )
  }

  const toggle = (file: MapFileInfo, on: boolean) => {
    const off = new Set(settings.mapFilesOff)
    if (on) off.delete(file.id)
    else off.add(file.id)
    void state.run(
      'Saving…',
      () => api.updateSettings({ mapFilesOff: [...off] }),
      `${label(file)} is ${on ? 'on' : 'off'}.`,
    )
  }

  const add = () =>
    void state.run(
      'Waiting for a file…',
      () => api.addMapFile(),
      (result) => (result.added ? `${label(result.added)} was added.` : null),
    )

  return (
    <Stack sx={{ gap: 1.25 }}>
      {files.length === 0 ? (
        <Box sx={{ color: 'text.secondary' }}>
          No map files yet. Without one, the map needs the online tile server or tiles viewed
          before.
        </Box>
      ) : (
        <Box
          component="ol"
          aria-label="Map files, in the order they are used"
          sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}
        >
          {files.map((file, index) => (
            <Box
              component="li"
              key={file.id}
              sx={{
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                p: 1.25,
                display: 'grid',
                gridTemplateColumns: 'auto minmax(0, 1fr) auto',
                columnGap: 1,
                alignItems: 'start',
              }}
            >
              <Switch
                checked={file.enabled}
                onChange={(event) => toggle(file, event.target.checked)}
                slotProps={{ input: { 'aria-label': `Use ${label(file)}` } }}
                disabled={state.busy !== null}
              />
              <Stack sx={{ gap: 0.25, minWidth: 0, pt: 0.75 }}>
                <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <Box component="span" sx={{ fontWeight: 500, color: 'text.primary' }}>
                    {label(file)}
                  </Box>
                  <Chip label={ORIGIN_LABELS[file.origin]} size="small" variant="outlined" />
                </Stack>
                <Box component="span" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                  {[
                    file.fileName,
                    file.minZoom !== null && file.maxZoom !== null
                      ? `zoom ${file.minZoom}–${file.maxZoom}`
                      : null,
                    file.format,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Box>
                {file.attribution && (
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    {file.attribution}
                  </Box>
                )}
                {file.problem && (
                  <Alert severity="warning" sx={{ mt: 0.5, py: 0 }}>
                    {file.problem}
                  </Alert>
                )}
              </Stack>
              <Stack direction="row" sx={{ gap: 0.25 }}>
                <Tooltip title="Use earlier">
                  <span>
                    <IconButton
                      aria-label={`Move ${label(file)} up`}
                      disabled={index === 0 || state.busy !== null}
                      onClick={() => move(file, -1)}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title="Use later">
                  <span>
                    <IconButton
                      aria-label={`Move ${label(file)} down`}
                      disabled={index === files.length - 1 || state.busy !== null}
                      onClick={() => move(file, 1)}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                {file.origin === 'added' && (
                  <Tooltip title="Stop using this file (the file itself is kept)">
                    <span>
                      <IconButton
                        aria-label={`Remove ${label(file)}`}
                        disabled={state.busy !== null}
                        onClick={() =>
                          void state.run(
                            'Removing…',
                            () => api.removeMapFile({ id: file.id }),
                            `${label(file)} was removed.`,
                          )
                        }
                      >
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                )}
              </Stack>
            </Box>
          ))}
        </Box>
      )}

      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {sources.canAddFiles && (
          <Button
            variant="outlined"
            startIcon={<AddOutlinedIcon />}
            onClick={add}
            disabled={state.busy !== null}
          >
            Add a map file…
          </Button>
        )}
        <Button
          startIcon={<RefreshIcon />}
          onClick={() => void state.run('Looking…', async () => undefined)}
          disabled={state.busy !== null}
        >
          Look in the maps folder again
        </Button>
      </Stack>
      <Box sx={{ color: 'text.secondary' }}>
        {sources.canAddFiles ? 'Map files can also be put in ' : 'Put map files (.mbtiles) in '}
        <Box
          component="span"
          sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
        >
          {sources.mapsFolder}
        </Box>
        ; they are picked up the next time a map opens. Raster tiles only (png, jpg or webp).
      </Box>
    </Stack>
  )
}

function label(file: MapFileInfo): string {
  return file.name ?? file.fileName
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `number ${n}`
}

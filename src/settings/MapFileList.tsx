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
import { Trans, useTranslation } from 'react-i18next'
import type { AppSettings } from '../../electron/core/api/definition.ts'
import type { MapFileInfo, MapSources } from '../../electron/core/api/map-schemas.ts'
import { api } from '../api/client.ts'
import type { MapSourcesState } from './useMapSources.ts'
import { MONOSPACE } from '../ui/monospace.ts'

type Props = { sources: MapSources; settings: AppSettings; state: MapSourcesState }

export function MapFileList({ sources, settings, state }: Props) {
  const { t } = useTranslation(['settings', 'common'])
  const { files } = sources
  const ids = files.map((f) => f.id)

  const move = (file: MapFileInfo, by: -1 | 1) => {
    const from = ids.indexOf(file.id)
    const order = [...ids]
    order.splice(from, 1)
    order.splice(from + by, 0, file.id)
    void state.run(
      t('common:action.saving'),
      () => api.updateSettings({ mapFileOrder: order }),
      t('mapFiles.movedTo', { file: label(file), place: from + by + 1 }),
    )
  }

  const toggle = (file: MapFileInfo, on: boolean) => {
    const off = new Set(settings.mapFilesOff)
    if (on) off.delete(file.id)
    else off.add(file.id)
    void state.run(
      t('common:action.saving'),
      () => api.updateSettings({ mapFilesOff: [...off] }),
      on
        ? t('mapFiles.switchedOn', { file: label(file) })
        : t('mapFiles.switchedOff', { file: label(file) }),
    )
  }

  const add = () =>
    void state.run(
      t('mapFiles.waitingForFile'),
      () => api.addMapFile(),
      (result) => (result.added ? t('mapFiles.added', { file: label(result.added) }) : null),
    )

  return (
    <Stack sx={{ gap: 1.25 }}>
      {files.length === 0 ? (
        <Box sx={{ color: 'text.secondary' }}>{t('mapFiles.none')}</Box>
      ) : (
        <Box
          component="ol"
          aria-label={t('mapFiles.listLabel')}
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
                slotProps={{ input: { 'aria-label': t('mapFiles.use', { file: label(file) }) } }}
                disabled={state.busy !== null}
              />
              <Stack sx={{ gap: 0.25, minWidth: 0, pt: 0.75 }}>
                <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <Box
                    component="span"
                    translate="no"
                    sx={{ fontWeight: 500, color: 'text.primary', minWidth: 0 }}
                  >
                    {label(file)}
                  </Box>
                  <Chip
                    label={t(`mapFiles.origin.${file.origin}`)}
                    size="small"
                    variant="outlined"
                  />
                </Stack>
                <Box component="span" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                  <span translate="no">{file.fileName}</span>
                  {file.minZoom !== null && file.maxZoom !== null && (
                    <> · {t('mapFiles.zoom', { min: file.minZoom, max: file.maxZoom })}</>
                  )}
                  {file.format && (
                    <>
                      {' · '}
                      <span translate="no">{file.format}</span>
                    </>
                  )}
                </Box>
                {file.attribution && (
                  <Box component="span" translate="no" sx={{ color: 'text.secondary' }}>
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
                <Tooltip title={t('mapFiles.useEarlier')}>
                  <span>
                    <IconButton
                      aria-label={t('mapFiles.moveUp', { file: label(file) })}
                      disabled={index === 0 || state.busy !== null}
                      onClick={() => move(file, -1)}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('mapFiles.useLater')}>
                  <span>
                    <IconButton
                      aria-label={t('mapFiles.moveDown', { file: label(file) })}
                      disabled={index === files.length - 1 || state.busy !== null}
                      onClick={() => move(file, 1)}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                {file.origin === 'added' && (
                  <Tooltip title={t('mapFiles.removeHint')}>
                    <span>
                      <IconButton
                        aria-label={t('mapFiles.remove', { file: label(file) })}
                        disabled={state.busy !== null}
                        onClick={() =>
                          void state.run(
                            t('mapFiles.removing'),
                            () => api.removeMapFile({ id: file.id }),
                            t('mapFiles.removed', { file: label(file) }),
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
            {t('mapFiles.add')}
          </Button>
        )}
        <Button
          startIcon={<RefreshIcon />}
          onClick={() => void state.run(t('mapFiles.looking'), async () => undefined)}
          disabled={state.busy !== null}
        >
          {t('mapFiles.lookAgain')}
        </Button>
      </Stack>
      <Box sx={{ color: 'text.secondary' }}>
        <Trans
          t={t}
          i18nKey={sources.canAddFiles ? 'mapFiles.folderAlso' : 'mapFiles.folderOnly'}
          values={{ folder: sources.mapsFolder }}
          components={{
            0: (
              <Box
                component="span"
                translate="no"
                sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
              />
            ),
          }}
        />
      </Box>
    </Stack>
  )
}

function label(file: MapFileInfo): string {
  return file.name ?? file.fileName
}

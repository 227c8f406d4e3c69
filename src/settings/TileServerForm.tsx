// The online tile server: on or off, its address as a URL template, the attribution its terms
// require, and its deepest zoom. Checked here with the core's own schema, so a mistake is named
// under the field it is in before anything is sent.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import { Trans, useTranslation } from 'react-i18next'
import type { MapSources, TileServerSettings } from '../../electron/core/api/map-schemas.ts'
import { OPENSTREETMAP_TILE_SERVER, TileServerSchema } from '../../electron/core/api/map-schemas.ts'
import { api } from '../api/client.ts'
import { formatCount } from '../format/numbers.ts'
import type { MapSourcesState } from './useMapSources.ts'
import { MONOSPACE } from '../ui/monospace.ts'

const ZOOMS = Array.from({ length: 22 }, (_, i) => i + 1)

type Props = { sources: MapSources; state: MapSourcesState }
type Field = 'urlTemplate' | 'attribution' | 'maxZoom'

export function TileServerForm({ sources, state }: Props) {
  const { t } = useTranslation(['settings', 'common'])
  const { fixedBy, ...saved } = sources.tileServer
  const [draft, setDraft] = useState<TileServerSettings>(saved)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const helpId = useId()

  if (fixedBy !== null) {
    return (
      <Stack sx={{ gap: 1 }}>
        <Alert severity="info">
          {fixedBy === 'off' ? t('tileServer.fixedOff') : t('tileServer.fixedSet')}
        </Alert>
        <Box sx={{ color: 'text.secondary' }}>
          {saved.enabled ? (
            <Trans
              t={t}
              i18nKey="tileServer.usedUpTo"
              values={{ address: saved.urlTemplate, zoom: saved.maxZoom }}
              components={{
                0: (
                  <Box
                    component="span"
                    translate="no"
                    sx={{ fontFamily: MONOSPACE, overflowWrap: 'anywhere' }}
                  />
                ),
              }}
            />
          ) : (
            t('tileServer.notUsed')
          )}
        </Box>
      </Stack>
    )
  }

  const changed =
    draft.enabled !== saved.enabled ||
    draft.urlTemplate !== saved.urlTemplate ||
    draft.attribution !== saved.attribution ||
    draft.maxZoom !== saved.maxZoom

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = TileServerSchema.safeParse(draft)
    if (!checked.success) {
      const next: Partial<Record<Field, string>> = {}
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as Field
        next[field] ??= issue.message
      }
      setErrors(next)
      return
    }
    setErrors({})
    void state.run(
      t('common:action.saving'),
      () => api.updateSettings({ tileServer: checked.data }),
      checked.data.enabled ? t('tileServer.saved') : t('tileServer.off'),
    )
  }

  const set = (patch: Partial<TileServerSettings>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setErrors((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) delete next[key as Field]
      return next
    })
  }

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 1.5 }}>
      <FormControlLabel
        control={
          <Switch checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        }
        label={t('tileServer.enabled')}
      />
      <TextField
        label={t('tileServer.address')}
        size="small"
        value={draft.urlTemplate}
        onChange={(e) => set({ urlTemplate: e.target.value })}
        error={errors.urlTemplate !== undefined}
        helperText={
          errors.urlTemplate ?? t('tileServer.addressHint', { z: '{z}', x: '{x}', y: '{y}' })
        }
        slotProps={{
          htmlInput: { spellCheck: false, translate: 'no', style: { fontFamily: MONOSPACE } },
        }}
        disabled={!draft.enabled}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1.5 }}>
        <TextField
          label={t('tileServer.attribution')}
          size="small"
          value={draft.attribution}
          onChange={(e) => set({ attribution: e.target.value })}
          error={errors.attribution !== undefined}
          helperText={errors.attribution ?? t('tileServer.attributionHint')}
          slotProps={{ htmlInput: { translate: 'no' } }}
          disabled={!draft.enabled}
          sx={{ flex: 1 }}
        />
        <TextField
          select
          label={t('tileServer.maxZoom')}
          size="small"
          value={draft.maxZoom}
          onChange={(e) => set({ maxZoom: Number(e.target.value) })}
          disabled={!draft.enabled}
          sx={{ width: 160 }}
        >
          {ZOOMS.map((zoom) => (
            <MenuItem key={zoom} value={zoom}>
              {formatCount(zoom)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Box id={helpId} sx={{ color: 'text.secondary' }}>
        {t('tileServer.help')}
      </Box>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button
          type="submit"
          variant="contained"
          disabled={!changed || state.busy !== null}
          aria-describedby={helpId}
        >
          {t('tileServer.save')}
        </Button>
        <Button onClick={() => set(OPENSTREETMAP_TILE_SERVER)} disabled={state.busy !== null}>
          {t('tileServer.useOpenStreetMap')}
        </Button>
      </Stack>
    </Box>
  )
}

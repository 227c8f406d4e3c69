// The period and filters of a report: a preset or custom dates, then place, reason, resolution,
// driver, agent and the location flag. Every control is a labelled field, reachable by Tab.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import type { ReportOptions } from '../../electron/core/api/report-schemas.ts'
import {
  REASON_LABELS,
  REASON_ORDER,
  RESOLUTION_LABELS,
  RESOLUTION_ORDER,
} from '../words/caseWords.ts'
import { PersonName } from '../ui/PersonName.tsx'
import {
  PERIOD_PRESETS,
  presetDays,
  type PeriodPreset,
  type ReportChoices,
} from './reportPeriod.ts'

type Props = {
  choices: ReportChoices
  options: ReportOptions | null
  onChange: (next: ReportChoices) => void
  onClear: () => void
}

export function ReportFilterBar({ choices, options, onChange, onClear }: Props) {
  const set = (patch: Partial<ReportChoices>) => onChange({ ...choices, ...patch })
  const filtered =
    choices.area !== '' ||
    choices.reason !== '' ||
    choices.resolution !== '' ||
    choices.driverId !== '' ||
    choices.agentId !== '' ||
    choices.locationFlag !== 'any'
  const regions = [...new Set((options?.areas ?? []).map((a) => a.region).filter(Boolean))]

  return (
    <Box
      role="group"
      aria-label="Report period and filters"
      sx={{
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
        alignItems: 'start',
      }}
    >
      <Choice
        label="Period"
        value={choices.preset}
        onChange={(value) => {
          const preset = value as PeriodPreset
          set(preset === 'custom' ? { preset } : { preset, ...presetDays(preset) })
        }}
      >
        {PERIOD_PRESETS.map((p) => (
          <MenuItem key={p.value} value={p.value}>
            {p.label}
          </MenuItem>
        ))}
      </Choice>
      <TextField
        size="small"
        type="date"
        label="From"
        value={choices.from}
        onChange={(e) => e.target.value && set({ preset: 'custom', from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: choices.to } }}
      />
      <TextField
        size="small"
        type="date"
        label="To"
        value={choices.to}
        onChange={(e) => e.target.value && set({ preset: 'custom', to: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: choices.from } }}
      />
      <Choice label="City or region" value={choices.area} onChange={(area) => set({ area })}>
        <MenuItem value="">Everywhere</MenuItem>
        {regions.map((region) => [
          <MenuItem key={`r-${region}`} value={`region:${region}`}>
            All of {region}
          </MenuItem>,
          ...(options?.areas ?? [])
            .filter((a) => a.region === region)
            .map((a) => (
              <MenuItem
                key={`c-${a.city}-${region}`}
                value={`city:${a.city}|${region}`}
                sx={{ pl: 4 }}
              >
                {a.city}, {region}
              </MenuItem>
            )),
        ])}
        {(options?.areas ?? [])
          .filter((a) => !a.region)
          .map((a) => (
            <MenuItem key={`c-${a.city}`} value={`city:${a.city}`}>
              {a.city}
            </MenuItem>
          ))}
      </Choice>
      <Choice label="Reason" value={choices.reason} onChange={(reason) => set({ reason })}>
        <MenuItem value="">Any reason</MenuItem>
        {REASON_ORDER.map((r) => (
          <MenuItem key={r} value={r}>
            {REASON_LABELS[r]}
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label="Resolution"
        value={choices.resolution}
        onChange={(resolution) => set({ resolution })}
      >
        <MenuItem value="">Any resolution</MenuItem>
        <MenuItem value="unresolved">Not resolved yet</MenuItem>
        {RESOLUTION_ORDER.map((r) => (
          <MenuItem key={r} value={r}>
            {RESOLUTION_LABELS[r]}
          </MenuItem>
        ))}
      </Choice>
      <Choice label="Driver" value={choices.driverId} onChange={(driverId) => set({ driverId })}>
        <MenuItem value="">Any driver</MenuItem>
        {(options?.drivers ?? []).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            <PersonName id={d.id} fallback={d.name} />
          </MenuItem>
        ))}
      </Choice>
      <Choice label="Agent" value={choices.agentId} onChange={(agentId) => set({ agentId })}>
        <MenuItem value="">Any agent</MenuItem>
        {(options?.agents ?? []).map((a) => (
          <MenuItem key={a.id} value={a.id}>
            <PersonName id={a.id} fallback={a.name ?? undefined} />
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label="Location flag"
        value={choices.locationFlag}
        onChange={(value) => set({ locationFlag: value as ReportChoices['locationFlag'] })}
      >
        <MenuItem value="any">Any delivery</MenuItem>
        <MenuItem value="away">Delivered away from the address</MenuItem>
        <MenuItem value="not-away">Not flagged</MenuItem>
      </Choice>
      {filtered && (
        <Button
          onClick={onClear}
          startIcon={<FilterListOffOutlinedIcon />}
          sx={{ justifySelf: 'start', mt: 0.25 }}
        >
          Clear filters
        </Button>
      )}
    </Box>
  )
}

function Choice(props: {
  label: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      {props.children}
    </TextField>
  )
}

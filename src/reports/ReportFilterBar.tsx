// The period and filters of a report: a preset or custom dates, then place, reason, resolution,
// driver, agent and the location flag. Every control is a labelled field, reachable by Tab.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import { Trans, useTranslation } from 'react-i18next'
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
  type periodProblem,
} from './reportPeriod.ts'

type Props = {
  choices: ReportChoices
  /** What is wrong with the period, said under "To". */
  problem: ReturnType<typeof periodProblem>
  options: ReportOptions | null
  onChange: (next: ReportChoices) => void
  onClear: () => void
}

export function ReportFilterBar({ choices, problem, options, onChange, onClear }: Props) {
  const { t } = useTranslation('reports')
  const set = (patch: Partial<ReportChoices>) => onChange({ ...choices, ...patch })
  const filtered =
    choices.area !== '' ||
    choices.reason !== '' ||
    choices.resolution !== '' ||
    choices.driverId !== '' ||
    choices.agentId !== '' ||
    choices.locationFlag !== 'any'
  const regions = [...new Set((options?.areas ?? []).flatMap((a) => (a.region ? [a.region] : [])))]

  return (
    <Box
      role="group"
      aria-label={t('filters.label')}
      sx={{
        display: 'grid',
        gap: 1.5,
        // Wide enough for "Any resolution" in the longer languages ("Cualquier resolución").
        gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
        alignItems: 'start',
      }}
    >
      <Choice
        label={t('filters.period')}
        value={choices.preset}
        onChange={(value) => {
          const preset = value as PeriodPreset
          set(preset === 'custom' ? { preset } : { preset, ...presetDays(preset) })
        }}
      >
        {PERIOD_PRESETS.map((preset) => (
          <MenuItem key={preset} value={preset}>
            {t(`filters.preset.${preset}`)}
          </MenuItem>
        ))}
      </Choice>
      <TextField
        size="small"
        type="date"
        label={t('filters.from')}
        value={choices.from}
        onChange={(e) => e.target.value && set({ preset: 'custom', from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: choices.to } }}
      />
      <TextField
        size="small"
        type="date"
        label={t('filters.to')}
        value={choices.to}
        onChange={(e) => e.target.value && set({ preset: 'custom', to: e.target.value })}
        error={problem !== null}
        helperText={problem ? t(`filters.${problem.problem}`, { days: problem.days }) : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: choices.from } }}
      />
      <Choice label={t('filters.area')} value={choices.area} onChange={(area) => set({ area })}>
        <MenuItem value="">{t('filters.everywhere')}</MenuItem>
        {regions.map((region) => [
          <MenuItem key={`r-${region}`} value={`region:${region}`}>
            <span>
              <Trans
                t={t}
                i18nKey="filters.allOfRegion"
                values={{ region }}
                components={{ 0: <span translate="no" /> }}
              />
            </span>
          </MenuItem>,
          ...(options?.areas ?? [])
            .filter((a) => a.region === region)
            .map((a) => (
              <MenuItem
                key={`c-${a.city}-${region}`}
                value={`city:${a.city}|${region}`}
                sx={{ pl: 4 }}
              >
                <span translate="no">
                  {a.city}, {region}
                </span>
              </MenuItem>
            )),
        ])}
        {(options?.areas ?? [])
          .filter((a) => !a.region)
          .map((a) => (
            <MenuItem key={`c-${a.city}`} value={`city:${a.city}`}>
              <span translate="no">{a.city}</span>
            </MenuItem>
          ))}
      </Choice>
      <Choice
        label={t('filters.reason')}
        value={choices.reason}
        onChange={(reason) => set({ reason })}
      >
        <MenuItem value="">{t('filters.anyReason')}</MenuItem>
        {REASON_ORDER.map((r) => (
          <MenuItem key={r} value={r}>
            {REASON_LABELS[r]}
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label={t('filters.resolution')}
        value={choices.resolution}
        onChange={(resolution) => set({ resolution })}
      >
        <MenuItem value="">{t('filters.anyResolution')}</MenuItem>
        <MenuItem value="unresolved">{t('filters.unresolved')}</MenuItem>
        {RESOLUTION_ORDER.map((r) => (
          <MenuItem key={r} value={r}>
            {RESOLUTION_LABELS[r]}
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label={t('filters.driver')}
        value={choices.driverId}
        onChange={(driverId) => set({ driverId })}
      >
        <MenuItem value="">{t('filters.anyDriver')}</MenuItem>
        {(options?.drivers ?? []).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            <PersonName id={d.id} fallback={d.name} />
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label={t('filters.agent')}
        value={choices.agentId}
        onChange={(agentId) => set({ agentId })}
      >
        <MenuItem value="">{t('filters.anyAgent')}</MenuItem>
        {(options?.agents ?? []).map((a) => (
          <MenuItem key={a.id} value={a.id}>
            <PersonName id={a.id} fallback={a.name ?? undefined} />
          </MenuItem>
        ))}
      </Choice>
      <Choice
        label={t('filters.locationFlag')}
        value={choices.locationFlag}
        onChange={(value) => set({ locationFlag: value as ReportChoices['locationFlag'] })}
      >
        <MenuItem value="any">{t('filters.anyDelivery')}</MenuItem>
        <MenuItem value="away">{t('filters.away')}</MenuItem>
        <MenuItem value="not-away">{t('filters.notAway')}</MenuItem>
      </Choice>
      {filtered && (
        <Button
          onClick={onClear}
          startIcon={<FilterListOffOutlinedIcon />}
          sx={{ justifySelf: 'start', mt: 0.25 }}
        >
          {t('filters.clear')}
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

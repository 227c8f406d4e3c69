// The Cases queue's filters: words to find, status chips, assignee, reason, age and sort; and a
// row of chips naming every filter applied (the scope a link brought too: a customer, an address,
// a driver), each removed in one click, beside "Clear filters". Every change goes into the URL.
import Chip from '@mui/material/Chip'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import CheckIcon from '@mui/icons-material/Check'
import { useTranslation } from 'react-i18next'
import { CASE_SORT_LABELS, MIN_AGE_CHOICES } from '../navigation/caseFilters.ts'
import { CaseFindBox } from './CaseFindBox.tsx'
import { AppliedFilters } from './AppliedFilters.tsx'
import type { CaseFilters, CaseSort } from '../navigation/caseFilters.ts'
import { REASON_LABELS, REASON_ORDER, STATUS_LABELS, STATUS_ORDER } from '../words/caseWords.ts'
import { usePeople } from '../ui/usePeople.ts'
import type { CaseReason, CaseStatus } from '../words/caseWords.ts'

export type AssigneeChoice = 'anyone' | 'me' | 'unassigned'

export function CaseFilterBar(props: {
  filters: CaseFilters
  meId: string
  onChange: (patch: Partial<CaseFilters>, how?: 'push' | 'replace') => void
}) {
  const { t } = useTranslation('cases')
  const { filters, onChange } = props
  const { nameOf } = usePeople(props.meId)
  const assigneeChoice =
    filters.assignee === null
      ? 'anyone'
      : filters.assignee === 'me' || filters.assignee === 'unassigned'
        ? filters.assignee
        : null
  const toggleStatus = (status: CaseStatus) => {
    const on = filters.statuses.includes(status)
    onChange({
      statuses: on
        ? filters.statuses.filter((s) => s !== status)
        : STATUS_ORDER.filter((s) => s === status || filters.statuses.includes(s)),
    })
  }

  return (
    <Paper
      variant="outlined"
      role="search"
      aria-label={t('filters.label')}
      sx={{ px: 2, py: 1.5, display: 'flex', flexDirection: 'column', gap: 1.25 }}
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', columnGap: 2, rowGap: 1.5, flexWrap: 'wrap' }}
      >
        <CaseFindBox text={filters.text} onChange={onChange} />
        <Stack
          direction="row"
          sx={{ alignItems: 'center', gap: 0.75 }}
          role="group"
          aria-labelledby="status-filter-label"
        >
          <Typography
            id="status-filter-label"
            variant="body2"
            sx={{ color: 'text.secondary', mr: 0.25 }}
          >
            {t('filters.status')}
          </Typography>
          {STATUS_ORDER.map((status) => {
            const on = filters.statuses.includes(status)
            return (
              <Chip
                key={status}
                label={STATUS_LABELS[status]}
                size="small"
                clickable
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                icon={on ? <CheckIcon /> : undefined}
                aria-pressed={on}
                onClick={() => toggleStatus(status)}
              />
            )
          })}
          {filters.statuses.length === 0 && (
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('filters.everyStatus')}
            </Typography>
          )}
        </Stack>

        <ToggleButtonGroup
          size="small"
          exclusive
          value={assigneeChoice}
          aria-label={t('filters.assignee')}
          onChange={(_event, value: AssigneeChoice | null) => {
            if (value) onChange({ assignee: value === 'anyone' ? null : value })
          }}
          sx={{ '& .MuiToggleButton-root': { py: 0.25, px: 1.25 } }}
        >
          <ToggleButton value="anyone">{t('filters.anyone')}</ToggleButton>
          <ToggleButton value="me">{t('filters.me')}</ToggleButton>
          <ToggleButton value="unassigned">{t('filters.unassigned')}</ToggleButton>
        </ToggleButtonGroup>

        <TextField
          select
          size="small"
          label={t('filters.reason')}
          value={filters.reason ?? ''}
          onChange={(event) =>
            onChange({ reason: (event.target.value || null) as CaseReason | null })
          }
          sx={{ minWidth: 150 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{t('filters.anyReason')}</MenuItem>
          {REASON_ORDER.map((reason) => (
            <MenuItem key={reason} value={reason}>
              {REASON_LABELS[reason]}
            </MenuItem>
          ))}
        </TextField>

        <TextField
          select
          size="small"
          label={t('filters.opened')}
          value={filters.minAgeHours === null ? '' : String(filters.minAgeHours)}
          onChange={(event) =>
            onChange({ minAgeHours: event.target.value ? Number(event.target.value) : null })
          }
          sx={{ minWidth: 150 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          {MIN_AGE_CHOICES.some((c) => c.hours === filters.minAgeHours) ? null : (
            <MenuItem value={String(filters.minAgeHours)}>
              {t('filters.hoursOrMore', { count: filters.minAgeHours ?? 0 })}
            </MenuItem>
          )}
          {MIN_AGE_CHOICES.map((choice) => (
            <MenuItem key={choice.label} value={choice.hours === null ? '' : String(choice.hours)}>
              {choice.label}
            </MenuItem>
          ))}
        </TextField>

        <TextField
          select
          size="small"
          label={t('filters.sort')}
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as CaseSort })}
          sx={{ minWidth: 150 }}
        >
          {(Object.keys(CASE_SORT_LABELS) as CaseSort[]).map((sort) => (
            <MenuItem key={sort} value={sort}>
              {CASE_SORT_LABELS[sort]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      <AppliedFilters filters={filters} nameOf={nameOf} onChange={onChange} />
    </Paper>
  )
}

// The row of chips under the queue's filters: every filter applied, in words (the scope a link
// brought too: a customer, an address, a driver), each removed in one click, and "Clear filters".
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import { DEFAULT_CASE_FILTERS, MIN_AGE_CHOICES, isFiltered } from '../navigation/caseFilters.ts'
import type { CaseFilters } from '../navigation/caseFilters.ts'
import { REASON_LABELS, STATUS_LABELS } from '../words/caseWords.ts'

type Applied = { label: string; clear: Partial<CaseFilters> }

/** Every filter that narrows the queue, in words, with what removes it. */
function appliedFilters(filters: CaseFilters, nameOf: (id: string) => { name: string }): Applied[] {
  const applied: Applied[] = []
  if (filters.text) applied.push({ label: `Words “${filters.text}”`, clear: { text: null } })
  if (isFiltered({ ...DEFAULT_CASE_FILTERS, statuses: filters.statuses })) {
    applied.push({
      label:
        filters.statuses.length === 0
          ? 'Every status'
          : `Status ${filters.statuses.map((s) => STATUS_LABELS[s]).join(' or ')}`,
      clear: { statuses: DEFAULT_CASE_FILTERS.statuses },
    })
  }
  if (filters.assignee) {
    applied.push({
      label:
        filters.assignee === 'me'
          ? 'Assigned to me'
          : filters.assignee === 'unassigned'
            ? 'Unassigned'
            : `Assigned to ${nameOf(filters.assignee).name}`,
      clear: { assignee: null },
    })
  }
  if (filters.reason)
    applied.push({ label: `Reason ${REASON_LABELS[filters.reason]}`, clear: { reason: null } })
  if (filters.minAgeHours !== null) {
    const choice = MIN_AGE_CHOICES.find((c) => c.hours === filters.minAgeHours)
    applied.push({
      label: `Opened ${choice ? choice.label : `${filters.minAgeHours} hours or more`} ago`,
      clear: { minAgeHours: null },
    })
  }
  if (filters.customer)
    applied.push({ label: `Customer ${filters.customer}`, clear: { customer: null } })
  if (filters.address)
    applied.push({ label: `Address ${filters.address}`, clear: { address: null } })
  if (filters.driver)
    applied.push({ label: `Driver ${nameOf(filters.driver).name}`, clear: { driver: null } })
  return applied
}

export function AppliedFilters(props: {
  filters: CaseFilters
  nameOf: (id: string) => { name: string }
  onChange: (patch: Partial<CaseFilters>) => void
}) {
  const { filters, onChange } = props
  const applied = appliedFilters(filters, props.nameOf)
  if (applied.length === 0) return null
  return (
    <Stack
      direction="row"
      sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
      role="group"
      aria-labelledby="applied-filters-label"
    >
      <Typography id="applied-filters-label" variant="body2" sx={{ color: 'text.secondary' }}>
        Showing only
      </Typography>
      {applied.map((a) => (
        <Chip
          key={a.label}
          label={a.label}
          size="small"
          color="secondary"
          variant="outlined"
          onDelete={() => onChange(a.clear)}
          onClick={() => onChange(a.clear)}
          aria-label={`${a.label} — remove this filter`}
        />
      ))}
      <Button
        size="small"
        startIcon={<FilterListOffOutlinedIcon />}
        onClick={() => onChange({ ...DEFAULT_CASE_FILTERS, sort: filters.sort })}
      >
        Clear filters
      </Button>
    </Stack>
  )
}

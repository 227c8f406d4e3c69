// The row of chips under the queue's filters: every filter applied, in words (the scope a link
// brought too: a customer, an address, a driver), each removed in one click, and "Clear filters".
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import FilterListOffOutlinedIcon from '@mui/icons-material/FilterListOffOutlined'
import { useTranslation } from 'react-i18next'
import { currentLocale, localized, t } from '../../electron/core/messages/messages.ts'
import { DEFAULT_CASE_FILTERS, MIN_AGE_CHOICES, isFiltered } from '../navigation/caseFilters.ts'
import type { CaseFilters } from '../navigation/caseFilters.ts'
import { REASON_LABELS, STATUS_LABELS } from '../words/caseWords.ts'

/** `title`: a person's id, on hover and as the chip's description, as every name has it. */
type Applied = { label: string; clear: Partial<CaseFilters>; title?: string }
type NameOf = (id: string) => { name: string; title: string }

/** "Open or Investigating": the statuses as the language spoken lists alternatives. */
function eitherOf(words: string[]): string {
  return localized(new Intl.ListFormat(currentLocale(), { type: 'disjunction' }).format(words))
}

/** Every filter that narrows the queue, in words, with what removes it. */
function appliedFilters(filters: CaseFilters, nameOf: NameOf): Applied[] {
  const applied: Applied[] = []
  if (filters.text)
    applied.push({ label: t('cases:applied.words', { text: filters.text }), clear: { text: null } })
  if (isFiltered({ ...DEFAULT_CASE_FILTERS, statuses: filters.statuses })) {
    applied.push({
      label:
        filters.statuses.length === 0
          ? t('cases:applied.everyStatus')
          : t('cases:applied.statuses', {
              statuses: eitherOf(filters.statuses.map((s) => STATUS_LABELS[s])),
            }),
      clear: { statuses: DEFAULT_CASE_FILTERS.statuses },
    })
  }
  if (filters.assignee) {
    applied.push({
      label:
        filters.assignee === 'me'
          ? t('cases:applied.assignedToMe')
          : filters.assignee === 'unassigned'
            ? t('cases:applied.unassigned')
            : t('cases:applied.assignedTo', { name: nameOf(filters.assignee).name }),
      clear: { assignee: null },
      ...(filters.assignee === 'me' || filters.assignee === 'unassigned'
        ? {}
        : { title: nameOf(filters.assignee).title }),
    })
  }
  if (filters.reason)
    applied.push({
      label: t('cases:applied.reason', { reason: REASON_LABELS[filters.reason] }),
      clear: { reason: null },
    })
  if (filters.minAgeHours !== null) {
    const choice = MIN_AGE_CHOICES.find((c) => c.hours === filters.minAgeHours)
    const age = choice
      ? choice.label
      : t('cases:filters.hoursOrMore', { count: filters.minAgeHours })
    applied.push({ label: t('cases:applied.opened', { age }), clear: { minAgeHours: null } })
  }
  if (filters.customer)
    applied.push({
      label: t('cases:applied.customer', { customer: filters.customer }),
      clear: { customer: null },
    })
  if (filters.address)
    applied.push({
      label: t('cases:applied.address', { address: filters.address }),
      clear: { address: null },
    })
  if (filters.driver)
    applied.push({
      label: t('cases:applied.driver', { name: nameOf(filters.driver).name }),
      clear: { driver: null },
      title: nameOf(filters.driver).title,
    })
  return applied
}

export function AppliedFilters(props: {
  filters: CaseFilters
  nameOf: NameOf
  onChange: (patch: Partial<CaseFilters>) => void
}) {
  const { t } = useTranslation('cases')
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
        {t('applied.label')}
      </Typography>
      {applied.map((a) => {
        const chip = (
          <Chip
            key={a.label}
            label={a.label}
            size="small"
            color="secondary"
            variant="outlined"
            onDelete={() => onChange(a.clear)}
            onClick={() => onChange(a.clear)}
            aria-label={t('applied.remove', { filter: a.label })}
          />
        )
        return a.title ? (
          <Tooltip key={a.label} describeChild title={a.title} placement="bottom-start">
            {chip}
          </Tooltip>
        ) : (
          chip
        )
      })}
      <Button
        size="small"
        startIcon={<FilterListOffOutlinedIcon />}
        onClick={() => onChange({ ...DEFAULT_CASE_FILTERS, sort: filters.sort })}
      >
        {t('queue.clearFilters')}
      </Button>
    </Stack>
  )
}

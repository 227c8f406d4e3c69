// The Cases queue's filters and sort, kept in the URL (`#/cases?status=open,investigating&…`) so
// that Back, a reload and a link from a delivery ("cases of this customer") all land on the same
// list. Anything the URL says that is not a known value is ignored, never trusted.
import type { CallArg } from '../../electron/core/api/definition.ts'
import { t, wordsByCode } from '../../electron/core/messages/messages.ts'
import { ACTIVE_STATUSES, REASON_ORDER, STATUS_ORDER } from '../words/caseWords.ts'
import type { CaseReason, CaseStatus } from '../words/caseWords.ts'

export type CaseSort = CallArg<'listCases'>['sort'] & string

/** The queue's sorts, in the order the sort menu offers them. */
const CASE_SORTS = [
  'oldest',
  'newest',
  'due',
  'due-desc',
  'status',
  'status-desc',
  'assignee',
  'assignee-desc',
] as const satisfies readonly CaseSort[]

const SORT_KEYS = {
  oldest: 'oldest',
  newest: 'newest',
  due: 'due',
  'due-desc': 'dueDesc',
  status: 'status',
  'status-desc': 'statusDesc',
  assignee: 'assignee',
  'assignee-desc': 'assigneeDesc',
} as const satisfies Record<CaseSort, string>

/** Each sort in words, in the language spoken when it is read. */
export const CASE_SORT_LABELS: Readonly<Record<CaseSort, string>> = wordsByCode(
  CASE_SORTS,
  (sort) => t(`app:caseSort.${SORT_KEYS[sort]}`),
)

/** "1 hour or more", "2 days or more": whole weeks, else whole days, else hours. */
function minAgeWords(hours: number | null): string {
  if (hours === null) return t('app:caseAge.any')
  if (hours % 168 === 0) return t('app:caseAge.weeks', { count: hours / 168 })
  if (hours % 24 === 0) return t('app:caseAge.days', { count: hours / 24 })
  return t('app:caseAge.hours', { count: hours })
}

/** The queue's "Opened" choices: only cases opened at least so long ago. */
export const MIN_AGE_CHOICES: ReadonlyArray<{ hours: number | null; readonly label: string }> = [
  null,
  1,
  4,
  24,
  48,
  168,
].map((hours) => ({
  hours,
  get label() {
    return minAgeWords(hours)
  },
}))

export type CaseFilters = {
  /** Empty: every status. Without `status` in the URL: the statuses still being worked. */
  statuses: CaseStatus[]
  reason: CaseReason | null
  /** 'me', 'unassigned' or a user id; null for anyone. */
  assignee: string | null
  minAgeHours: number | null
  customer: string | null
  address: string | null
  driver: string | null
  /** Words to find in the order number, the customer's name or the notes. */
  text: string | null
  sort: CaseSort
}

export const DEFAULT_CASE_FILTERS: CaseFilters = {
  statuses: ACTIVE_STATUSES,
  reason: null,
  assignee: null,
  minAgeHours: null,
  customer: null,
  address: null,
  driver: null,
  text: null,
  sort: 'oldest',
}

const ALL_STATUSES = 'all'

function text(params: URLSearchParams, name: string, maxLength: number): string | null {
  const value = params.get(name)?.trim()
  return value && value.length <= maxLength ? value : null
}

function sameStatuses(a: readonly CaseStatus[], b: readonly CaseStatus[]): boolean {
  return a.length === b.length && a.every((status) => b.includes(status))
}

/** Reads the filters from the query part of `#/cases?…`. */
export function parseCaseFilters(query: string): CaseFilters {
  const params = new URLSearchParams(query)
  const statusParam = params.getAll('status').flatMap((value) => value.split(','))
  let statuses = DEFAULT_CASE_FILTERS.statuses
  if (statusParam.includes(ALL_STATUSES)) statuses = []
  else if (statusParam.length) {
    const known = STATUS_ORDER.filter((status) => statusParam.includes(status))
    if (known.length) statuses = known
  }
  const reason = params.get('reason')
  const sort = params.get('sort')
  const minAge = Number(params.get('minAgeHours') ?? '')
  return {
    statuses,
    reason: REASON_ORDER.find((r) => r === reason) ?? null,
    assignee: text(params, 'assignee', 64),
    minAgeHours:
      params.has('minAgeHours') && Number.isFinite(minAge) && minAge > 0 && minAge <= 24 * 365
        ? minAge
        : null,
    customer: text(params, 'customer', 64),
    address: text(params, 'address', 300),
    driver: text(params, 'driver', 64),
    text: text(params, 'q', 100),
    sort: sort && Object.hasOwn(CASE_SORT_LABELS, sort) ? (sort as CaseSort) : 'oldest',
  }
}

/** The query part for `filters`, without the `?`; empty for the default queue. */
export function caseFiltersQuery(filters: CaseFilters): string {
  const params = new URLSearchParams()
  if (filters.statuses.length === 0) params.set('status', ALL_STATUSES)
  else if (!sameStatuses(filters.statuses, DEFAULT_CASE_FILTERS.statuses)) {
    params.set('status', STATUS_ORDER.filter((s) => filters.statuses.includes(s)).join(','))
  }
  if (filters.reason) params.set('reason', filters.reason)
  if (filters.assignee) params.set('assignee', filters.assignee)
  if (filters.minAgeHours !== null) params.set('minAgeHours', String(filters.minAgeHours))
  if (filters.customer) params.set('customer', filters.customer)
  if (filters.address) params.set('address', filters.address)
  if (filters.driver) params.set('driver', filters.driver)
  if (filters.text?.trim()) params.set('q', filters.text.trim())
  if (filters.sort !== 'oldest') params.set('sort', filters.sort)
  // Commas read better than %2C in a URL an agent may paste to a colleague.
  return params.toString().replaceAll('%2C', ',')
}

/** True when the queue shows something other than the default list. */
export function isFiltered(filters: CaseFilters): boolean {
  return (
    caseFiltersQuery({ ...filters, sort: 'oldest' }) !==
    caseFiltersQuery({ ...DEFAULT_CASE_FILTERS })
  )
}

/** The listCases argument for `filters`. */
export function listCasesArg(filters: CaseFilters): CallArg<'listCases'> {
  const arg: CallArg<'listCases'> = { sort: filters.sort, limit: 500 }
  if (filters.statuses.length) arg.statuses = filters.statuses
  if (filters.reason) arg.reason = filters.reason
  if (filters.assignee) arg.assignee = filters.assignee
  if (filters.minAgeHours !== null) arg.minAgeHours = filters.minAgeHours
  if (filters.customer) arg.customerId = filters.customer
  if (filters.address) arg.addressKey = filters.address
  if (filters.driver) arg.driverId = filters.driver
  if (filters.text?.trim()) arg.text = filters.text.trim()
  return arg
}

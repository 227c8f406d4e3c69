// The periods a supervisor picks from, as local calendar days ("2025-06-01"), and the filters as
// the report calls want them. The core turns days into instants in the given time zone.
import { MAX_REPORT_DAYS, type ReportFilterInput } from '../../electron/core/api/report-schemas.ts'

/** The periods offered, in the order the menu lists them (their words: reports:filters.preset). */
export const PERIOD_PRESETS = [
  'last-7',
  'last-30',
  'this-month',
  'last-month',
  'last-90',
  'custom',
] as const

export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** The computer's own time zone: the period's days are the supervisor's days. */
export const LOCAL_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

function isoDay(date: Date): string {
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The first and last day of a preset, counted back from `today` (local). */
export function presetDays(preset: Exclude<PeriodPreset, 'custom'>, today = new Date()) {
  const day = (offset: number) =>
    isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset))
  switch (preset) {
    case 'last-7':
      return { from: day(-6), to: day(0) }
    case 'last-30':
      return { from: day(-29), to: day(0) }
    case 'last-90':
      return { from: day(-89), to: day(0) }
    case 'this-month':
      return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to: day(0) }
    case 'last-month':
      return {
        from: isoDay(new Date(today.getFullYear(), today.getMonth() - 1, 1)),
        to: isoDay(new Date(today.getFullYear(), today.getMonth(), 0)),
      }
  }
}

export type ReportChoices = {
  preset: PeriodPreset
  from: string
  to: string
  /** '' for everywhere, 'region:WA' or 'city:Seattle|WA'. */
  area: string
  reason: string
  resolution: string
  driverId: string
  agentId: string
  locationFlag: 'any' | 'away' | 'not-away'
}

export function defaultChoices(): ReportChoices {
  return {
    preset: 'last-30',
    ...presetDays('last-30'),
    area: '',
    reason: '',
    resolution: '',
    driverId: '',
    agentId: '',
    locationFlag: 'any',
  }
}

/**
 * What is wrong with the chosen period, if anything: the report calls refuse a period that ends
 * before it starts or runs past MAX_REPORT_DAYS, so the screen says it first, at the "To" field.
 */
export function periodProblem(
  choices: Pick<ReportChoices, 'from' | 'to'>,
): { problem: 'endsBeforeStart' | 'tooLong'; days: number } | null {
  if (choices.from > choices.to) return { problem: 'endsBeforeStart', days: MAX_REPORT_DAYS }
  if ((Date.parse(choices.to) - Date.parse(choices.from)) / 86_400_000 >= MAX_REPORT_DAYS)
    return { problem: 'tooLong', days: MAX_REPORT_DAYS }
  return null
}

/** The choices as the report calls' argument. */
export function reportFilters(choices: ReportChoices): ReportFilterInput {
  const filters: ReportFilterInput = {
    from: choices.from,
    to: choices.to,
    timeZone: LOCAL_TIME_ZONE,
    locationFlag: choices.locationFlag,
  }
  if (choices.area.startsWith('region:')) filters.region = choices.area.slice('region:'.length)
  if (choices.area.startsWith('city:')) {
    const [city, region] = choices.area.slice('city:'.length).split('|')
    filters.city = city
    if (region) filters.region = region
  }
  if (choices.reason) filters.reason = choices.reason as ReportFilterInput['reason']
  if (choices.resolution) filters.resolution = choices.resolution as ReportFilterInput['resolution']
  if (choices.driverId) filters.driverId = choices.driverId
  if (choices.agentId) filters.agentId = choices.agentId
  return filters
}

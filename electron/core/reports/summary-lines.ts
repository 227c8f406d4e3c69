// The report's figures as labelled lines, in the order and words every export uses: the XLSX
// Summary sheet and the PDF cover. Each line says what it counts, so a manager reading the file
// alone can tell. Words from the catalogue (documents:summary), in the language spoken now.
import { formatDistance } from '../api/display-format.ts'
import type { ReportFigures } from '../api/report-schemas.ts'
import { REASON_LABELS, RESOLUTION_LABELS } from '../api/display-words.ts'
import { t } from '../messages/messages.ts'

export type SummaryValue =
  | { kind: 'count'; value: number }
  | { kind: 'share'; value: number }
  | { kind: 'hours'; value: number | null }
  | { kind: 'text'; value: string }

export interface SummaryLine {
  label: string
  value: SummaryValue
  /** A heading line starts a group; it has no value of its own. */
  heading?: boolean
}

/**
 * How a time figure is labelled: 'with-unit' says "(hours)" in the label, for a spreadsheet cell
 * holding a bare number; 'plain' leaves it out, for a value written with its own unit ("2.0 d").
 */
export type HoursLabel = 'with-unit' | 'plain'

const count = (value: number): SummaryValue => ({ kind: 'count', value })
const share = (value: number): SummaryValue => ({ kind: 'share', value })
const hours = (value: number | null): SummaryValue => ({ kind: 'hours', value })
const text = (value: string): SummaryValue => ({ kind: 'text', value })
const heading = (label: string): SummaryLine => ({ label, value: text(''), heading: true })
/** A line inside a group, indented under its heading. */
const indented = (label: string) => `  ${label}`

/** The filters in words: "City: Seattle · Reason: Not received", or "None". */
export function filtersInWords(
  f: ReportFigures['filters'],
  names: { driver?: string | null; agent?: string | null } = {},
): string {
  const parts: string[] = []
  if (f.city) parts.push(t('documents:summary.filter.city', { city: f.city }))
  if (f.region) parts.push(t('documents:summary.filter.region', { region: f.region }))
  if (f.reason)
    parts.push(t('documents:summary.filter.reason', { reason: REASON_LABELS[f.reason] }))
  if (f.resolution) {
    const resolution =
      f.resolution === 'unresolved'
        ? t('documents:summary.filter.unresolved')
        : RESOLUTION_LABELS[f.resolution]
    parts.push(t('documents:summary.filter.resolution', { resolution }))
  }
  if (f.driverId)
    parts.push(t('documents:summary.filter.driver', { name: names.driver ?? f.driverId }))
  if (f.agentId) parts.push(t('documents:summary.filter.agent', { name: names.agent ?? f.agentId }))
  if (f.locationFlag === 'away') parts.push(t('documents:summary.filter.onlyAway'))
  if (f.locationFlag === 'not-away') parts.push(t('documents:summary.filter.onlyNotAway'))
  return parts.length ? parts.join(' · ') : t('documents:summary.filter.none')
}

export function summaryLines(figures: ReportFigures, hoursLabel: HoursLabel): SummaryLine[] {
  const unit = hoursLabel === 'with-unit'
  const lines: SummaryLine[] = [
    heading(t('documents:summary.casesHeading')),
    { label: t('documents:summary.opened'), value: count(figures.opened) },
    { label: t('documents:summary.resolved'), value: count(figures.resolved) },
    { label: t('documents:summary.openNow'), value: count(figures.openNow) },
    {
      label: unit ? t('documents:summary.medianHours') : t('documents:summary.median'),
      value: hours(figures.timeToResolveHours.median),
    },
    {
      label: unit ? t('documents:summary.p90Hours') : t('documents:summary.p90'),
      value: hours(figures.timeToResolveHours.p90),
    },
    {
      label: t('documents:summary.awayCount', {
        threshold: formatDistance(figures.locationThresholdM),
      }),
      value: count(figures.awayFromAddress.count),
    },
    { label: t('documents:summary.awayShare'), value: share(figures.awayFromAddress.share) },
    heading(t('documents:summary.resolutionsHeading')),
    ...figures.resolutions.flatMap((r) => [
      {
        label: t('documents:summary.resolutionCases', { resolution: RESOLUTION_LABELS[r.code] }),
        value: count(r.count),
      },
      {
        label: t('documents:summary.resolutionShare', { resolution: RESOLUTION_LABELS[r.code] }),
        value: share(r.share),
      },
    ]),
    heading(t('documents:summary.repeatHeading')),
    { label: t('documents:summary.repeatCustomers'), value: count(figures.repeatCustomers.total) },
    ...figures.repeatCustomers.top.map((c) => ({ label: indented(c.name), value: count(c.cases) })),
    { label: t('documents:summary.repeatAddresses'), value: count(figures.repeatAddresses.total) },
    ...figures.repeatAddresses.top.map((a) => ({
      label: indented(a.address),
      value: count(a.cases),
    })),
    heading(t('documents:summary.driversHeading', { min: figures.topDrivers.minDeliveries })),
    ...figures.topDrivers.top.map((d) => ({
      label: indented(
        t('documents:summary.driverRate', {
          name: d.name,
          cases: t('documents:summary.cases', { count: d.cases }),
          count: d.deliveries,
        }),
      ),
      value: share(d.casesPerDelivery),
    })),
  ]
  if (figures.topDrivers.top.length === 0)
    lines.push({ label: indented(t('documents:summary.noDrivers')), value: text('') })
  lines.push(
    heading(t('documents:summary.reusedHeading')),
    ...figures.reusedPhotoDrivers.map((d) => ({
      label: indented(
        t('documents:summary.reusedDriver', { name: d.name, id: d.driverId, count: d.deliveries }),
      ),
      value: count(d.flagged),
    })),
  )
  if (figures.reusedPhotoDrivers.length === 0)
    lines.push({ label: indented(t('documents:summary.noReused')), value: text('') })
  return lines
}

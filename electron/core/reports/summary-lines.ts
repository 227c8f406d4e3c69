// The report's figures as labelled lines, in the order and words every export uses: the XLSX
// Summary sheet and the PDF cover. Each line says what it counts, so a manager reading the file
// alone can tell.
import type { ReportFigures } from '../api/report-schemas.ts'
import { REASON_LABELS, RESOLUTION_LABELS } from '../api/display-words.ts'

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

const count = (value: number): SummaryValue => ({ kind: 'count', value })
const share = (value: number): SummaryValue => ({ kind: 'share', value })
const hours = (value: number | null): SummaryValue => ({ kind: 'hours', value })
const text = (value: string): SummaryValue => ({ kind: 'text', value })
const heading = (label: string): SummaryLine => ({ label, value: text(''), heading: true })

/** The filters in words: "City: Seattle · Reason: not received", or "None". */
export function filtersInWords(
  f: ReportFigures['filters'],
  names: { driver?: string | null; agent?: string | null } = {},
): string {
  const parts: string[] = []
  if (f.city) parts.push(`City: ${f.city}`)
  if (f.region) parts.push(`Region: ${f.region}`)
  if (f.reason) parts.push(`Reason: ${REASON_LABELS[f.reason]}`)
  if (f.resolution) {
    parts.push(
      `Resolution: ${f.resolution === 'unresolved' ? 'Unresolved' : RESOLUTION_LABELS[f.resolution]}`,
    )
  }
  if (f.driverId) parts.push(`Driver: ${names.driver ?? f.driverId}`)
  if (f.agentId) parts.push(`Agent: ${names.agent ?? f.agentId}`)
  if (f.locationFlag === 'away') parts.push('Only deliveries flagged away from the address')
  if (f.locationFlag === 'not-away') parts.push('Only deliveries not flagged away from the address')
  return parts.length ? parts.join(' · ') : 'None'
}

export function summaryLines(figures: ReportFigures): SummaryLine[] {
  const lines: SummaryLine[] = [
    heading('Cases'),
    { label: 'Opened in the period', value: count(figures.opened) },
    { label: 'Resolved in the period', value: count(figures.resolved) },
    { label: 'Open now (whenever opened)', value: count(figures.openNow) },
    { label: 'Median time to resolve (hours)', value: hours(figures.timeToResolveHours.median) },
    {
      label: '90th percentile time to resolve (hours)',
      value: hours(figures.timeToResolveHours.p90),
    },
    {
      label: `Opened on deliveries flagged away from the address (over ${figures.locationThresholdM} m)`,
      value: count(figures.awayFromAddress.count),
    },
    {
      label: 'Share of opened cases flagged away from the address',
      value: share(figures.awayFromAddress.share),
    },
    heading('Resolutions in the period'),
    ...figures.resolutions.flatMap((r) => [
      { label: `${RESOLUTION_LABELS[r.code]}: cases`, value: count(r.count) },
      { label: `${RESOLUTION_LABELS[r.code]}: share`, value: share(r.share) },
    ]),
    heading('Repeat claims (two or more cases opened in the period)'),
    { label: 'Customers with repeat claims', value: count(figures.repeatCustomers.total) },
    ...figures.repeatCustomers.top.map((c) => ({ label: `  ${c.name}`, value: count(c.cases) })),
    { label: 'Addresses with repeat claims', value: count(figures.repeatAddresses.total) },
    ...figures.repeatAddresses.top.map((a) => ({ label: `  ${a.address}`, value: count(a.cases) })),
    heading(
      `Drivers by cases per delivery (deliveries in the period; at least ${figures.topDrivers.minDeliveries})`,
    ),
    ...figures.topDrivers.top.map((d) => ({
      label: `  ${d.name}: ${d.cases} cases on ${d.deliveries} deliveries`,
      value: share(d.casesPerDelivery),
    })),
  ]
  if (figures.topDrivers.top.length === 0)
    lines.push({ label: '  No driver has enough deliveries in the period', value: text('') })
  lines.push(
    heading('Drivers with reused or look-alike photos (deliveries flagged in the period)'),
    ...figures.reusedPhotoDrivers.map((d) => ({
      label: `  ${d.name} (${d.driverId}): of ${d.deliveries} deliveries`,
      value: count(d.flagged),
    })),
  )
  if (figures.reusedPhotoDrivers.length === 0)
    lines.push({ label: '  No delivery in the period is flagged', value: text('') })
  return lines
}

// Wall-clock time in the delivery areas. Drivers work local hours and POD captions show local
// time, so the generator needs both directions between UTC instants and a zone's local time.

interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const values: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value)
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  }
}

/** Minutes east of UTC at that instant (e.g. -420 for PDT). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/** The instant at which the zone's clock shows the given local time. */
export function fromLocal(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  // Two passes settle the offset on either side of a DST change.
  let instant = asUtc - utcOffsetMinutes(new Date(asUtc), timeZone) * 60_000
  instant = asUtc - utcOffsetMinutes(new Date(instant), timeZone) * 60_000
  return new Date(instant)
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** "PDT", "EST"… as the zone's short name in US English. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  let formatter = zoneNameFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    zoneNameFormatters.set(timeZone, formatter)
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')
  return name?.value ?? 'UTC'
}

/** RFC 3339 in UTC without milliseconds, the form every timestamp of the world uses. */
export function isoSeconds(instant: Date | number): string {
  return new Date(Math.floor(new Date(instant).getTime() / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z')
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()))
}

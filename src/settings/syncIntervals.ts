// The sync intervals people choose from. The core accepts any whole number of minutes up to a day;
// the screen offers round ones, and keeps showing an odd value someone set another way.

/** Minutes; 0 turns automatic sync off. */
export const SYNC_INTERVAL_PRESETS = [0, 1, 5, 15, 30, 60, 240] as const

/** "Off", "Every minute", "Every 15 minutes", "Every hour", "Every 4 hours". */
export function syncIntervalLabel(minutes: number): string {
  if (minutes <= 0) return 'Off'
  if (minutes === 1) return 'Every minute'
  if (minutes === 60) return 'Every hour'
  if (minutes % 60 === 0) return `Every ${minutes / 60} hours`
  return `Every ${minutes} minutes`
}

/** What the setting means, as one sentence for the "saved" message. */
export function syncIntervalSentence(minutes: number): string {
  return minutes <= 0
    ? 'Automatic sync is off. Use Sync now in the status bar to fetch new deliveries.'
    : `Porchlight syncs ${syncIntervalLabel(minutes).toLowerCase()}.`
}

/** The presets, plus the current value when it is not one of them. */
export function syncIntervalOptions(current: number | null): number[] {
  const options: number[] = [...SYNC_INTERVAL_PRESETS]
  if (current !== null && !options.includes(current)) options.push(current)
  return options.sort((a, b) => a - b)
}

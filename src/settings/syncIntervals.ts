// The sync intervals people choose from. The core accepts any whole number of minutes up to a day;
// the screen offers round ones, and keeps showing an odd value someone set another way.
import { t } from '../../electron/core/messages/messages.ts'

/** Minutes; 0 turns automatic sync off. */
export const SYNC_INTERVAL_PRESETS = [0, 1, 5, 15, 30, 60, 240] as const

/** "Off", "Every minute", "Every 15 minutes", "Every hour", "Every 4 hours". */
export function syncIntervalLabel(minutes: number): string {
  if (minutes <= 0) return t('settings:syncInterval.off')
  if (minutes === 1) return t('settings:syncInterval.everyMinute')
  if (minutes === 60) return t('settings:syncInterval.everyHour')
  if (minutes % 60 === 0) return t('settings:syncInterval.everyHours', { count: minutes / 60 })
  return t('settings:syncInterval.everyMinutes', { count: minutes })
}

/** What the setting means, as one sentence for the "saved" message. */
export function syncIntervalSentence(minutes: number): string {
  if (minutes <= 0) return t('settings:syncInterval.offSentence')
  if (minutes === 1) return t('settings:syncInterval.minuteSentence')
  if (minutes === 60) return t('settings:syncInterval.hourSentence')
  if (minutes % 60 === 0) return t('settings:syncInterval.hoursSentence', { count: minutes / 60 })
  return t('settings:syncInterval.minutesSentence', { count: minutes })
}

/** The presets, plus the current value when it is not one of them. */
export function syncIntervalOptions(current: number | null): number[] {
  const options: number[] = [...SYNC_INTERVAL_PRESETS]
  if (current !== null && !options.includes(current)) options.push(current)
  return options.sort((a, b) => a - b)
}

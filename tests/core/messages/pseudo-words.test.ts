// The shared wording functions in the pseudo-locale: every word inside a sentence they build came
// from the catalogue too. The page reader (e2e/support/pseudo-locale.ts) cannot see this: it
// accepts anything inside a bracketed sentence, so an English word handed in as a placeholder's
// value ("Status: open") slips past it. Here the data handed in is not Latin, so any Latin word
// left once the catalogue's nested pieces are taken out was written into the code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  awayFlagSentence,
  awayFlagShort,
  awayFlagTitle,
  decisionsWords,
  deliveryStatusText,
  dropOffSpotText,
  REASON_HINTS,
  REASON_LABELS,
  RESOLUTION_HINTS,
  RESOLUTION_LABELS,
  sendStateText,
  STATUS_LABELS,
  TIMELINE_WORDS,
  unknownPersonName,
  waitingOnYouWords,
  withheldReasonText,
  DROP_OFF_SPOT_LABELS,
  NOTE_KIND_LABELS,
  NOTE_KIND_HINTS,
} from '../../../electron/core/api/display-words.ts'
import {
  formatAccuracy,
  formatAge,
  formatDate,
  formatDateTime,
  formatDateTimeLong,
  formatDistance,
  formatDuration,
  formatHours,
  formatRelative,
  formatTimeOfDay,
} from '../../../electron/core/api/display-format.ts'
import { PSEUDO_LOCALE } from '../../../electron/core/messages/languages.ts'
import { speak } from '../../../electron/core/messages/messages.ts'

/** A Latin word in `text` that no catalogue entry or format helper put there, if any. */
function bypassingWord(text: string): string | null {
  // The sentence's own brackets, then every nested piece (a label, a distance, a date) in turn.
  let rest = text.trim()
  if (!rest.startsWith('⟦') || !rest.endsWith('⟧')) return `not bracketed: ${text}`
  rest = rest.slice(1, -1)
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
    if (next === rest) break
    rest = next
  }
  // The template's own words are accented; what is left in plain Latin letters came from a value.
  return rest.match(/[A-Za-z]{2,}/)?.[0] ?? null
}

/** Data as an agent types it, in a script the check cannot mistake for a bypassing word. */
const NOTE = 'Καλημέρα'
const NAME = 'Σάμ Οκάφορ'
const NOW = Date.parse('2026-10-20T12:00:00Z')

beforeEach(() => speak({ language: PSEUDO_LOCALE, locale: 'en' }))
afterEach(() => speak({ language: 'en', locale: 'en' }))

describe('in the pseudo-locale, the shared words carry no word from outside the catalogue', () => {
  const said: Record<string, () => string> = {
    'timeline: opened': () => TIMELINE_WORDS.opened('not_received'),
    'timeline: opened with a note': () => TIMELINE_WORDS.opened('damaged', NOTE),
    'timeline: status': () => TIMELINE_WORDS.status('investigating'),
    'timeline: assigned': () => TIMELINE_WORDS.assigned(NAME),
    'timeline: unassigned': () => TIMELINE_WORDS.assigned(null),
    'timeline: resolved': () => TIMELINE_WORDS.resolved('refund_issued'),
    'timeline: resolved with a note': () => TIMELINE_WORDS.resolved('found_by_customer', NOTE),
    'timeline: reopened': () => TIMELINE_WORDS.reopened(NOTE),
    'send state: failed with an error': () => sendStateText('failed', NOTE),
    'send state: conflict': () => sendStateText('conflict'),
    'waiting on you': () => waitingOnYouWords(3),
    decisions: () => decisionsWords(1),
    'away: drop-off': () => awayFlagTitle({ kind: 'drop-off' }),
    'away: photo, short': () => awayFlagShort({ kind: 'photo', number: 2 }, 1655),
    'away: sentence': () =>
      awayFlagSentence({
        fix: { kind: 'drop-off' },
        distanceM: 1655,
        accuracyM: 11,
        thresholdM: 150,
      }),
    'away: sentence without accuracy': () =>
      awayFlagSentence({
        fix: { kind: 'photo', number: 1 },
        distanceM: 320,
        accuracyM: null,
        thresholdM: 150,
      }),
    'unknown person': () => unknownPersonName('٧٧٧'),
    'drop-off spot': () => dropOffSpotText('front_door'),
    'drop-off spot unknown': () => dropOffSpotText('Ωμέγα'),
    'withheld reason': () => withheldReasonText('customer_opted_out'),
    'withheld reason unknown': () => withheldReasonText('Ωμέγα'),
    'delivery status': () => deliveryStatusText('delivered'),
    distance: () => formatDistance(1240),
    accuracy: () => formatAccuracy(11),
    'duration: minutes': () => formatDuration(12 * 60_000),
    'duration: hours and minutes': () => formatDuration(3 * 3_600_000 + 12 * 60_000),
    'duration: days and hours': () => formatDuration(4 * 86_400_000 + 6 * 3_600_000),
    'age: just now': () => formatAge(5_000),
    'hours: under two days': () => formatHours(5.5),
    'hours: days': () => formatHours(55),
    'hours: none': () => formatHours(null),
    'date and time': () => formatDateTime('2026-10-13T16:45:00Z', { timeZone: 'America/Denver' }),
    'date and time unknown': () => formatDateTime('not a date'),
    date: () => formatDate('2026-10-13T16:45:00Z'),
    'time of day': () => formatTimeOfDay('2026-10-13T16:45:00Z', { timeZone: 'UTC' }),
    'date and time, long': () => formatDateTimeLong('2026-10-13T16:45:00Z', { timeZone: 'UTC' }),
    'relative: hours ago': () => formatRelative('2026-10-20T09:00:00Z', NOW),
    'relative: yesterday': () => formatRelative('2026-10-19T11:00:00Z', NOW),
  }
  for (const [what, say] of Object.entries(said)) {
    it(what, () => {
      const text = say()
      expect(bypassingWord(text), text).toBeNull()
    })
  }

  it('every label and hint of every table', () => {
    const tables = {
      STATUS_LABELS,
      REASON_LABELS,
      REASON_HINTS,
      RESOLUTION_LABELS,
      RESOLUTION_HINTS,
      DROP_OFF_SPOT_LABELS,
      NOTE_KIND_LABELS,
      NOTE_KIND_HINTS,
    }
    const wrong = Object.entries(tables).flatMap(([table, words]) =>
      Object.entries(words)
        .filter(([, word]) => bypassingWord(word) !== null)
        .map(([code, word]) => `${table}.${code}: ${word}`),
    )
    expect(wrong).toEqual([])
  })

  it('the check itself catches an English word handed in as a value', () => {
    // What the test exists for: "opened" is the catalogue's, "damaged" would be the code's.
    expect(bypassingWord('⟦Ôþéñéð: damaged⟧')).toBe('damaged')
    expect(bypassingWord('⟦Ôþéñéð: ⟦Ðåɱåĝéð⟧⟧')).toBeNull()
  })
})

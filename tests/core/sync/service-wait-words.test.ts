// The words for a wait the service asked for, shared by the status bar, the sync report and the
// command line, and the status bar's countdown.
import { describe, expect, it } from 'vitest'
import {
  clockTime,
  requestWords,
  serviceWaitWords,
} from '../../../electron/core/api/service-wait-schemas.ts'
import { countdown } from '../../../src/sync/syncWords.ts'

describe('words for a service wait', () => {
  it('says the instant in local hours and minutes', () => {
    const at = new Date(2026, 11, 3, 14, 32, 59)
    expect(clockTime(at)).toBe('14:32')
    expect(clockTime(new Date(2026, 11, 3, 9, 5).getTime())).toBe('09:05')
    expect(serviceWaitWords(at.toISOString())).toBe(
      'The delivery service asked us to wait until 14:32',
    )
  })

  it('counts down by the second, rounding up, never below zero', () => {
    expect(countdown(118_000)).toBe('1:58')
    expect(countdown(117_001)).toBe('1:58')
    expect(countdown(9_000)).toBe('0:09')
    expect(countdown(3_725_000)).toBe('1:02:05')
    expect(countdown(-4_000)).toBe('0:00')
  })

  it('names each request kind as a person would', () => {
    expect(requestWords('photo')).toBe('a photo download')
    expect(requestWords('case-event')).toBe('a case change being sent')
    expect(requestWords('deliveries')).toBe('a page of deliveries')
  })
})

// The bench's own wording of a stage's length, as its summary prints it ("Time by stage").
import { describe, expect, it } from 'vitest'
import { formatDuration } from './report-table.ts'

describe('formatDuration', () => {
  it('writes minutes and seconds, rounding to whole seconds first', () => {
    expect(formatDuration(42.4)).toBe('42 s')
    expect(formatDuration(119.6)).toBe('2 min 0 s')
    expect(formatDuration(59.7)).toBe('1 min 0 s')
    expect(formatDuration(2250.2)).toBe('37 min 30 s')
  })
})

import { describe, expect, it } from 'vitest'
import { describePhases, phasesOf } from './ingest-profile.ts'

const frame = (functionName: string, url = 'file:///app/electron/core/x.ts') => ({
  functionName,
  url,
})

describe('where the writer thread spends its time', () => {
  it('gives each sample to the innermost frame that names a phase', () => {
    // root → sqliteTransaction → writeOne → indexWords → run; sqliteTransaction alone is a commit.
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 6, 7] },
        { id: 2, callFrame: frame('sqliteTransaction'), children: [3] },
        { id: 3, callFrame: frame('writeOne'), children: [4, 5] },
        { id: 4, callFrame: frame('indexWords'), children: [] },
        { id: 5, callFrame: frame('applyItems', 'file:///app/electron/core/cases/store-cases.ts') },
        { id: 6, callFrame: frame('(idle)') },
        { id: 7, callFrame: frame('compile', 'node:internal/modules/esm/translators') },
      ],
      // writeOne 1 ms, indexWords 2 ms, commit 3 ms, a case store's rows 1 ms, idle 2 ms, loading 1 ms.
      samples: [3, 4, 4, 2, 2, 2, 5, 6, 6, 7],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
      startTime: 0,
      endTime: 10_000,
    }
    const phases = phasesOf(profile)
    expect(Object.fromEntries(phases.map((p) => [p.phase, p.seconds * 1000]))).toEqual({
      'commits (WAL writes, word-index segments flushed)': 3,
      'word index entries (FTS5)': 2,
      'waiting for pages (idle)': 2,
      'delivery rows and their lookups': 1,
      'case rows': 1,
      'loading the code': 1,
    })
    expect(describePhases(phases)).toMatch(
      /^commits \(WAL writes, word-index segments flushed\) 30% \(0\.0 s\), word index entries \(FTS5\) 20%/,
    )
  })
})

// The writer thread stores pages in order; once one fails, no later page may be stored (its
// cursor would skip the failed one), and the cursor stays at the last page stored whole.
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type LocalDatabase } from '../../../electron/core/db/open-database.ts'
import { validatePage, type PageToStore } from '../../../electron/core/sync/page-store.ts'
import { PageWriteError, startPageWriter } from '../../../electron/core/sync/page-writer.ts'
import { makeDelivery, tempDir } from '../fixtures/deliveries.ts'

const page = (ids: string[], nextCursor: string, last = false): PageToStore => ({
  ...validatePage(
    'deliveries',
    ids.map((id) => makeDelivery(id)),
  ),
  nextCursor,
  generation: null,
  last,
  runId: null,
})

describe('the sync writer thread', () => {
  const temp = tempDir()
  let local: LocalDatabase | null = null
  afterEach(async () => {
    await local?.close()
    temp.remove()
  })

  it('stores pages in order, then refuses every page after one that failed', async () => {
    local = await openDatabase(temp.dir)
    local.sqlite.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON deliveries WHEN NEW.id = 'boom'
      BEGIN SELECT RAISE(ABORT, 'the disk said no'); END`)
    const writer = startPageWriter({ databaseFile: local.file })
    expect(await writer.write(page(['a1', 'a2'], 'cursor-1'))).toMatchObject({ stored: 2 })
    const results = await Promise.allSettled([
      writer.write(page(['b1', 'boom'], 'cursor-2')),
      writer.write(page(['c1'], 'cursor-3', true)),
    ])
    // Written after the failure was known: refused without being tried.
    const later = await writer.write(page(['d1'], 'cursor-4')).catch((e: unknown) => e)
    await writer.close()

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(later).toBeInstanceOf(PageWriteError)
    const failure = (results[0] as PromiseRejectedResult).reason as PageWriteError
    expect(failure).toBeInstanceOf(PageWriteError)
    expect(failure.message).toContain('the disk said no')
    expect(local.sqlite.prepare('SELECT id FROM deliveries ORDER BY id').pluck().all()).toEqual([
      'a1',
      'a2',
    ])
    expect(
      local.sqlite
        .prepare("SELECT cursor FROM sync_cursors WHERE stream = 'deliveries'")
        .pluck()
        .get(),
    ).toBe('cursor-1')
  })

  it('says so when its thread cannot start', async () => {
    local = await openDatabase(temp.dir)
    const writer = startPageWriter({
      databaseFile: local.file,
      threadFile: new URL('./no-such-thread.ts', import.meta.url),
    })
    await expect(writer.write(page(['x'], 'c'))).rejects.toThrow(/writer thread/)
    await writer.close()
  })
})

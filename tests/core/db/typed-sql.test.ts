// The statement helpers every owner module defines its statements with: prepared once per
// connection, values bound by name, one column read as values, SQL by hand where Kysely has no
// words for it.
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import {
  handWritten,
  pluckedStatement,
  query,
  statement,
  type Params,
} from '../../../electron/core/db/typed-sql.ts'

describe('typed statements', () => {
  const sqlite = new BetterSqlite3(':memory:')
  sqlite.exec(`CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    listed_at TEXT NOT NULL)`)
  for (const [id, name] of [
    ['p1', 'Ada'],
    ['p2', 'Grace'],
    ['p3', 'Edsger'],
  ])
    sqlite
      .prepare("INSERT INTO people VALUES (?, ?, 'driver', '2026-01-01T00:00:00Z')")
      .run(id, name)
  afterAll(() => sqlite.close())

  const named = statement((p: Params<{ id: string }>) =>
    query.selectFrom('people').select(['id', 'name']).where('id', '=', p.id),
  )
  const ids = pluckedStatement((p: Params<{ after: string }>) =>
    query.selectFrom('people').select('id').where('id', '>', p.after).orderBy('id', 'desc'),
  )
  const byHand = handWritten<[string], number>(
    'SELECT rowid FROM people NOT INDEXED WHERE name >= ? ORDER BY rowid',
    { pluck: true },
  )

  it('reads rows by named values', () => {
    expect(named.on(sqlite).get({ id: 'p2' })).toEqual({ id: 'p2', name: 'Grace' })
    expect(named.on(sqlite).get({ id: 'p9' })).toBeUndefined()
  })

  it('reads one column as its values', () => {
    expect(ids.on(sqlite).all({ after: 'p1' })).toEqual(['p3', 'p2'])
  })

  it('runs SQL written by hand, plucked', () => {
    expect(byHand.on(sqlite).all('B')).toEqual([2, 3])
  })

  it('prepares each statement once per connection', () => {
    expect(named.on(sqlite)).toBe(named.on(sqlite))
    expect(byHand.on(sqlite)).toBe(byHand.on(sqlite))
    const other = new BetterSqlite3(':memory:')
    other.exec('CREATE TABLE people (id TEXT, name TEXT, kind TEXT, listed_at TEXT)')
    expect(byHand.on(other)).not.toBe(byHand.on(sqlite))
    other.close()
  })
})

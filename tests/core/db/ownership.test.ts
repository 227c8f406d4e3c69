// One owner per table: each table's statements live in one module, with its row type, and no
// statement is written twice. Read from the source: what each file's statements do to each table
// (raw SQL or a Kysely builder), and every statement's text.
import { describe, expect, it } from 'vitest'
import '../../../electron/core/audit/photo-views.ts'
import '../../../electron/core/cases/case-tables.ts'
import '../../../electron/core/db/app-state.ts'
import '../../../electron/core/db/known-users.ts'
import '../../../electron/core/db/tombstones.ts'
import type { Database } from '../../../electron/core/db/schema.ts'
import { definedStatements } from '../../../electron/core/db/typed-sql.ts'
import '../../../electron/core/deliveries/delivery-tables.ts'
import '../../../electron/core/deliveries/photo-table.ts'
import '../../../electron/core/people/people-table.ts'
import '../../../electron/core/sync/sync-tables.ts'
import { rawStatements, readSource, sourceFiles, tableUses } from '../../support/sql-in-source.ts'

const CORE = 'electron/core/'

/** The module that owns each table: the only one with statements on it. */
const OWNER: Record<keyof Database, string> = {
  deliveries: 'deliveries/delivery-tables.ts',
  deliveries_fts: 'deliveries/delivery-tables.ts',
  delivery_photos: 'deliveries/photo-table.ts',
  row_counts: 'deliveries/delivery-tables.ts',
  cases: 'cases/case-tables.ts',
  case_events: 'cases/case-tables.ts',
  case_snapshots: 'cases/case-tables.ts',
  sync_cursors: 'sync/sync-tables.ts',
  sync_runs: 'sync/sync-tables.ts',
  sync_rejections: 'sync/sync-tables.ts',
  tombstones: 'db/tombstones.ts',
  app_state: 'db/app-state.ts',
  known_users: 'db/known-users.ts',
  people: 'people/people-table.ts',
  canned_notes: 'cases/canned-notes.ts',
  photo_views: 'audit/photo-views.ts',
  audit_log: 'audit/audit-log.ts',
  export_log: 'audit/export-log.ts',
  cache_owner: 'cache-identity/cache-owner.ts',
  photo_fingerprints: 'photo-match/fingerprints.ts',
  photo_reuse: 'photo-match/lookalikes.ts',
}

/**
 * Modules that go through the tables as a whole, by design: a recovery reads a damaged file as it
 * finds it (whatever its version) to copy out what can be saved; the erase empties every table.
 */
const WHOLE_CACHE = ['db/recovery/salvage.ts', 'privacy/erase-local-data.ts']

/** The typed-SQL helper and the schema name tables in examples and types, not statements. */
const NOT_STATEMENTS = ['db/typed-sql.ts', 'db/schema.ts']

const OWNERS = new Set(Object.values(OWNER))

/**
 * The rule for a statement on several tables (docs/architecture.md, "Typed SQL"): it lives with
 * the owner of the table it is about, the one it writes or, for a read, its outermost FROM; it may
 * read other owners' tables beside it (a JOIN, a subquery), and their owners export nothing for
 * it. So a module may write, or read as the subject, only the tables it owns, and only an owner
 * module reads any other table at all.
 */
function misplaced(
  file: string,
  text: string,
  tables: readonly (keyof Database)[],
): Array<keyof Database> {
  const uses = tableUses(text, tables)
  const own = (table: keyof Database) => OWNER[table] === file
  return tables.filter(
    (table) =>
      ((uses.writes.has(table) || uses.about.has(table)) && !own(table)) ||
      (uses.joined.has(table) && !OWNERS.has(file)),
  )
}

describe('one owner per table', () => {
  const tables = Object.keys(OWNER) as Array<keyof Database>
  const astray = new Map<keyof Database, string[]>()
  for (const file of sourceFiles()) {
    const local = file.startsWith(CORE) ? file.slice(CORE.length) : file
    if (NOT_STATEMENTS.includes(local) || WHOLE_CACHE.includes(local)) continue
    for (const table of misplaced(local, readSource(file), tables))
      astray.set(table, [...(astray.get(table) ?? []), local])
  }

  it.each(tables)('%s: statements only in its owner', (table) => {
    expect(astray.get(table) ?? []).toEqual([])
  })

  it('reads what each statement does to its tables (the reading itself is checked)', () => {
    const uses = (text: string) => {
      const found = tableUses(text, tables)
      return { writes: [...found.writes], about: [...found.about], joined: [...found.joined] }
    }
    expect(uses("db.prepare('SELECT n FROM row_counts')")).toEqual({
      writes: [],
      about: ['row_counts'],
      joined: [],
    })
    expect(uses("statement(() => query.updateTable('app_state').set(x))")).toEqual({
      writes: ['app_state'],
      about: [],
      joined: [],
    })
    expect(uses('// SELECT * FROM cases, written INTO deliveries')).toEqual({
      writes: [],
      about: [],
      joined: [],
    })
    expect(
      uses(`statement((p) => query.selectFrom('cases as c')
        .innerJoin('deliveries as d', 'd.id', 'c.delivery_id')
        .where((eb) => eb.exists(eb.selectFrom('case_events').select('seq'))))`),
    ).toEqual({ writes: [], about: ['cases'], joined: ['deliveries', 'case_events'] })
    expect(
      uses(`const COLUMNS = 'd.id, (SELECT count(*) FROM delivery_photos p) AS n'
        sqlite.prepare(\`SELECT \${COLUMNS} FROM photo_reuse r JOIN deliveries d ON d.id = r.id
          WHERE r.id IN (SELECT case_id FROM case_events)\`)`),
    ).toEqual({
      writes: [],
      about: ['photo_reuse'],
      joined: ['delivery_photos', 'deliveries', 'case_events'],
    })
    expect(uses("sqlite.prepare('DELETE FROM tombstones WHERE id = ?')")).toEqual({
      writes: ['tombstones'],
      about: [],
      joined: [],
    })
  })
})

describe('no statement written twice', () => {
  // Kysely quotes every name; without the quotes its SQL reads as the hand-written kind.
  const typed = definedStatements().map((sql) => sql.replace(/"/g, '').toLowerCase())

  it('among the typed statements', () => {
    const twice = typed.filter((sql, i) => typed.indexOf(sql) !== i)
    expect(twice).toEqual([])
  })

  it('among the hand-written ones, and between them and the typed ones', () => {
    const where = new Map<string, string[]>()
    for (const file of sourceFiles())
      for (const sql of new Set(rawStatements(readSource(file))))
        where.set(sql, [...(where.get(sql) ?? []), file])
    const twice = [...where].filter(([, inFiles]) => inFiles.length > 1)
    expect(twice).toEqual([])
    expect([...where.keys()].filter((sql) => typed.includes(sql))).toEqual([])
  })
})

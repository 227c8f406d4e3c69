// One owner per table: each table's statements live in one module, with its row type, and no
// statement is written twice. Read from the source: which files name each table in a statement
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
import '../../../electron/core/people/people-table.ts'
import '../../../electron/core/sync/sync-tables.ts'
import { rawStatements, readSource, sourceFiles, tablesNamed } from '../../support/sql-in-source.ts'

const CORE = 'electron/core/'

/** The module that owns each table: the only one with statements on it. */
const OWNER: Record<keyof Database, string> = {
  deliveries: 'deliveries/delivery-tables.ts',
  deliveries_fts: 'deliveries/delivery-tables.ts',
  delivery_photos: 'deliveries/delivery-tables.ts',
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

/**
 * Statements not yet moved to their table's owner (issue 16, point 4, left for a next step): the
 * reads of the case and report screens, search, photos and retention. This list may only shrink:
 * a new file writing SQL against these tables fails, and so does one that stopped (take it off).
 */
const NOT_YET_MOVED: Partial<Record<keyof Database, string[]>> = {
  deliveries: [
    'addresses/address-history.ts',
    'app/photo-desk.ts',
    'cases/evidence-snapshot.ts',
    'cases/repeat-claims.ts',
    'db/configure-connection.ts',
    'deliveries/get-delivery.ts',
    'photo-match/lookalikes.ts',
    'photos/download-photos.ts',
    'reports/report-cases.ts',
    'reports/report-figures.ts',
    'reports/run-export.ts',
    'retention/retention.ts',
    'search/search-deliveries.ts',
  ],
  deliveries_fts: ['search/word-index.ts'],
  delivery_photos: [
    'addresses/address-history.ts',
    'app/photo-desk.ts',
    'cases/evidence-snapshot.ts',
    'cli/show-command.ts',
    'deliveries/get-delivery.ts',
    'photo-match/fingerprints.ts',
    'photo-match/lookalikes.ts',
    'photos/download-photos.ts',
    'reports/pdf-export.ts',
    'reports/report-cases.ts',
    'retention/retention.ts',
    'search/search-deliveries.ts',
  ],
  cases: [
    'addresses/address-history.ts',
    'cases/case-state.ts',
    'cases/list-cases.ts',
    'cases/repeat-claims.ts',
    'reports/report-cases.ts',
    'reports/report-connection.ts',
    'reports/report-figures.ts',
    'retention/retention.ts',
  ],
  case_events: [
    'cases/case-state.ts',
    'cases/push-case-events.ts',
    'cases/repeat-claims.ts',
    'reports/report-cases.ts',
    'reports/report-figures.ts',
    'retention/retention.ts',
  ],
  photo_reuse: ['search/search-deliveries.ts'],
}

/** The typed-SQL helper and the schema name tables in examples and types, not statements. */
const NOT_STATEMENTS = ['db/typed-sql.ts', 'db/schema.ts']

describe('one owner per table', () => {
  const tables = Object.keys(OWNER) as Array<keyof Database>
  const files = sourceFiles()
  const naming = new Map<keyof Database, string[]>()
  for (const file of files) {
    const local = file.startsWith(CORE) ? file.slice(CORE.length) : file
    if (NOT_STATEMENTS.includes(local)) continue
    for (const table of tablesNamed(readSource(file), tables))
      naming.set(table, [...(naming.get(table) ?? []), local])
  }

  it.each(tables)('%s: statements only in its owner (and the list not yet moved)', (table) => {
    const others = (naming.get(table) ?? []).filter(
      (file) => file !== OWNER[table] && !WHOLE_CACHE.includes(file),
    )
    expect(others).toEqual(NOT_YET_MOVED[table] ?? [])
  })

  it('finds statements where they are (the reading itself is checked)', () => {
    expect(naming.get('sync_runs')).toEqual(['sync/sync-tables.ts'])
    expect(tablesNamed("db.prepare('SELECT n FROM row_counts')", tables)).toEqual(
      new Set(['row_counts']),
    )
    expect(tablesNamed("query.updateTable('app_state').set(x)", tables)).toEqual(
      new Set(['app_state']),
    )
    expect(tablesNamed('// read from cases, written into deliveries', tables)).toEqual(new Set())
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

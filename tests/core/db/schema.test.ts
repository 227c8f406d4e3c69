// The schema the code expects is the schema the migrations make. Every migration is applied to an
// empty file and what it made (tables, columns with type, nullability and default, indexes,
// triggers, full-text tables) is compared with expected-schema.ts. That file is in turn checked
// against db/schema.ts's Database interface by the type checker (schema-matches-database.ts): a
// migration added without its snapshot fails here; a snapshot updated (`-u`) without the
// Database interface fails `npm run typecheck`.
import { format, resolveConfig } from 'prettier'
import { afterAll, describe, expect, it } from 'vitest'
import type BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from '../../../electron/core/db/open-database.ts'
import { tempDir } from '../fixtures/deliveries.ts'

const SNAPSHOT = new URL('./expected-schema.ts', import.meta.url).pathname

interface ColumnInfo {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
  hidden: number
}

/** The schema as the snapshot writes it: every object the migrations made, in name order. */
function readSchema(sqlite: BetterSqlite3.Database) {
  const list = sqlite.pragma('table_list') as Array<{ schema: string; name: string; type: string }>
  // SQLite's own tables, Kysely's migration bookkeeping, and the shadow tables FTS5 keeps for
  // each full-text table (their layout belongs to the SQLite version) are not ours.
  const ours = list
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual'))
    .filter((t) => !t.name.startsWith('sqlite_') && !t.name.startsWith('kysely_'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const sqlOf = sqlite.prepare<[string, string], string>(
    'SELECT sql FROM sqlite_master WHERE type = ? AND name = ?',
  )
  const tables = ours.map((t) => {
    const sql = sqlOf.pluck().get('table', t.name) ?? ''
    const columns = (sqlite.pragma(`table_xinfo("${t.name}")`) as ColumnInfo[])
      .filter((c) => c.hidden === 0)
      .map((c) => ({
        name: c.name,
        // An FTS5 column has no type: it holds text.
        type: c.type === '' ? 'TEXT' : c.type,
        // SQLite lets a non-integer PRIMARY KEY hold NULL; this code never writes one.
        nullable: c.notnull === 0 && c.pk === 0,
        default: c.dflt_value,
        primaryKey: c.pk > 0,
        values: checkedValues(sql, c.name),
      }))
    return { name: t.name, kind: t.type === 'virtual' ? 'virtual' : 'table', columns, sql }
  })
  const others = (type: 'index' | 'trigger') =>
    sqlite
      .prepare<[string], { name: string; tbl_name: string; sql: string }>(
        `SELECT name, tbl_name, sql FROM sqlite_master
         WHERE type = ? AND sql IS NOT NULL AND tbl_name NOT LIKE 'kysely_%' ORDER BY name`,
      )
      .all(type)
  return { tables, indexes: others('index'), triggers: others('trigger') }
}

/** The values a `CHECK (column IN ('a', 'b'))` allows, or null without such a check. */
function checkedValues(tableSql: string, column: string): string[] | null {
  const check = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(tableSql)
  if (!check) return null
  return [...check[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!)
}

const literal = (value: unknown) => JSON.stringify(value)
const template = (text: string) =>
  '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`'

/** The snapshot file's text, formatted as the repository's prettier writes it. */
async function snapshotText(schema: ReturnType<typeof readSchema>): Promise<string> {
  const lines = [
    '// The schema the migrations make, applied in order to an empty file: written by',
    '// tests/core/db/schema.test.ts, never by hand. After adding a migration, write it again with',
    '//   npx vitest run --config tests/vitest.config.ts tests/core/db/schema.test.ts -u',
    "// and `npm run typecheck` then lists what db/schema.ts's Database interface must change",
    '// (schema-matches-database.ts).',
    'export const expectedSchema = {',
    'tables: {',
  ]
  for (const t of schema.tables) {
    lines.push(`${t.name}: {`, `kind: ${literal(t.kind)},`, 'columns: {')
    for (const c of t.columns) {
      const facts = [`type: ${literal(c.type)}`, `nullable: ${c.nullable}`]
      if (c.default !== null) facts.push(`default: ${literal(c.default)}`)
      if (c.primaryKey) facts.push('primaryKey: true')
      if (c.values !== null) facts.push(`values: ${literal(c.values)}`)
      lines.push(`${c.name}: { ${facts.join(', ')} },`)
    }
    lines.push('},', `sql: ${template(t.sql)},`, '},')
  }
  lines.push('},')
  for (const kind of ['indexes', 'triggers'] as const) {
    lines.push(`${kind}: {`)
    for (const o of schema[kind]) {
      lines.push(`${o.name}: { table: ${literal(o.tbl_name)}, sql: ${template(o.sql)} },`)
    }
    lines.push('},')
  }
  lines.push('} as const', '')
  const config = await resolveConfig(SNAPSHOT)
  return format(lines.join('\n'), { ...config, filepath: SNAPSHOT })
}

describe('the schema', () => {
  const temp = tempDir()
  afterAll(() => temp.remove())

  it('made by every migration from an empty file is the one the code expects', async () => {
    const local = await openDatabase(temp.dir)
    try {
      const schema = readSchema(local.sqlite)
      await expect(await snapshotText(schema)).toMatchFileSnapshot(SNAPSHOT)
    } finally {
      await local.close()
    }
  })
})

import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { ensurePrivateDir } from '../privacy/private-dir.ts'
import { configureConnection, refreshPlannerStatistics } from './configure-connection.ts'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

export interface LocalDatabase {
  /** Typed queries. */
  readonly db: Kysely<Database>
  /** The raw connection, for bulk paths that prepare their statements once (see callers). */
  readonly sqlite: BetterSqlite3.Database
  readonly file: string
  close(): Promise<void>
}

/**
 * Opens (creating if needed) the cache database in `dataDir` and brings its schema up to date.
 * WAL lets the UI read while sync writes; foreign keys keep photos tied to their delivery.
 */
export async function openDatabase(
  dataDir: string,
  options: { migrations?: Record<string, Migration> } = {},
): Promise<LocalDatabase> {
  ensurePrivateDir(dataDir)
  const file = join(dataDir, 'porchlight.sqlite')
  const sqlite = new BetterSqlite3(file)
  configureConnection(sqlite)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations ?? migrations },
  })
  // Kysely runs SQLite migrations outside a transaction, so a crash inside one would leave half
  // a schema that no later start could migrate. SQLite rolls DDL back, and Kysely shares this
  // one connection: wrapping the whole run makes it all or nothing.
  sqlite.exec('BEGIN IMMEDIATE')
  const { error, results } = await migrator.migrateToLatest()
  if (error) sqlite.exec('ROLLBACK')
  else sqlite.exec('COMMIT')
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    await db.destroy()
    throw new Error(
      `The local database could not be updated (migration ${failed}): ${String(error)}`,
    )
  }
  refreshPlannerStatistics(sqlite)
  return {
    db,
    sqlite,
    file,
    close: () => db.destroy(),
  }
}

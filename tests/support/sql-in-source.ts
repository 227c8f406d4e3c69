// Reads the core's source for the SQL it writes: which tables each file names in a statement (raw
// SQL in capitals, or a Kysely builder call), and the text of each raw statement. Used by
// tests/core/db/ownership.test.ts to hold every table to its one owner module.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const REPO = new URL('../..', import.meta.url).pathname

/** Every .ts file under electron/, repository-relative, but the migrations (frozen DDL). */
export function sourceFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) out.push(relative(REPO, path))
    }
  }
  walk(join(REPO, 'electron'))
  return out.filter((file) => !file.includes('/db/migrations/')).sort()
}

export function readSource(file: string): string {
  return readFileSync(join(REPO, file), 'utf8')
}

// Raw SQL names a table after one of these keywords, written in capitals as the code base does
// (lower case would match English in comments); Kysely names it as the first argument of these.
const RAW = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_][a-z0-9_]*)\b/g
const KYSELY =
  /\b(?:selectFrom|insertInto|replaceInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"]([a-z_][a-z0-9_]*)\b/g

/** The tables of `tables` that `text` names in a statement. */
export function tablesNamed<T extends string>(text: string, tables: readonly T[]): Set<T> {
  const known = new Set<string>(tables)
  const named = new Set<T>()
  for (const pattern of [RAW, KYSELY])
    for (const match of text.matchAll(pattern)) if (known.has(match[1]!)) named.add(match[1] as T)
  return named
}

/** Each raw statement in a string literal, whitespace and case folded, at least 20 characters. */
export function rawStatements(text: string): string[] {
  const literal = /(['"`])((?:SELECT|INSERT|UPDATE|DELETE|WITH)\b(?:\\.|(?!\1)[\s\S])*?)\1/g
  return [...text.matchAll(literal)]
    .map((m) => m[2]!.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((sql) => sql.length >= 20)
}

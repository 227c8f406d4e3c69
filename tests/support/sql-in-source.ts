// Reads the core's source for the SQL it writes: what each file's statements do to each table
// (raw SQL in capitals, or a Kysely builder call), and the text of each raw statement. Used by
// tests/core/db/ownership.test.ts to hold every table to its one owner module.
//
// A file is parsed with TypeScript, so comments never count and a Kysely call is told by where it
// stands: `query.selectFrom('cases')` heads a statement, `eb.selectFrom('cases')` (on a builder
// handed to a callback) is a subquery inside one.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

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

/** What the statements of one file do to each table. */
export interface TableUses<T extends string> {
  /** Tables a statement writes: INSERT, UPDATE, DELETE, DDL. */
  writes: Set<T>
  /** Tables a read is about: its outermost FROM. */
  about: Set<T>
  /** Tables read only beside another: a JOIN, a subquery, an EXISTS. */
  joined: Set<T>
}

const WRITE_CALLS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom'])
const JOIN_CALLS = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin'])

/** What the statements in `text` (a TypeScript module) do to the tables of `tables`. */
export function tableUses<T extends string>(text: string, tables: readonly T[]): TableUses<T> {
  const known = new Set<string>(tables)
  const uses: TableUses<T> = { writes: new Set(), about: new Set(), joined: new Set() }
  const add = (kind: keyof TableUses<T>, name: string | undefined) => {
    if (name !== undefined && known.has(name)) uses[kind].add(name as T)
  }
  const source = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, true)
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const table = tableArgument(node.arguments[0])
      if (WRITE_CALLS.has(method)) add('writes', table)
      else if (JOIN_CALLS.has(method)) add('joined', table)
      else if (method === 'selectFrom')
        add(isCallbackBuilder(node.expression.expression) ? 'joined' : 'about', table)
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      rawUses(node.text, add)
    else if (ts.isTemplateExpression(node))
      // The values put in are SQL of their own (a column list), read where they are written.
      rawUses([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '), add)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return uses
}

/** 'cases' or 'cases as c' as a builder call's first argument: the table's name. */
function tableArgument(node: ts.Node | undefined): string | undefined {
  if (!node || !(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)))
    return undefined
  return /^([a-z_][a-z0-9_]*)\b/.exec(node.text)?.[1]
}

/** A builder a callback was handed (`eb` in `(eb) => eb.selectFrom(...)`): a subquery's. */
function isCallbackBuilder(receiver: ts.Expression): boolean {
  let root: ts.Expression = receiver
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression
  if (!ts.isIdentifier(root)) return false
  for (let node: ts.Node | undefined = root.parent; node; node = node.parent) {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      if (node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === root.text))
        return true
    }
  }
  return false
}

// Raw SQL names a table after one of these keywords, written in capitals as the code base does.
const RAW =
  /\(|\)|\b(DELETE\s+FROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|TABLE|FROM|JOIN)\s+"?([a-z_][a-z0-9_]*)/g

/** What the SQL in one string does: a FROM outside any parenthesis is what a read is about. */
function rawUses(sql: string, add: (kind: 'writes' | 'about' | 'joined', table: string) => void) {
  let depth = 0
  for (const match of sql.matchAll(RAW)) {
    if (match[0] === '(') depth++
    else if (match[0] === ')') depth--
    else if (match[1] === 'FROM') add(depth === 0 ? 'about' : 'joined', match[2]!)
    else if (match[1] === 'JOIN') add('joined', match[2]!)
    else add('writes', match[2]!)
  }
}

/** Each raw statement in a string literal, whitespace and case folded, at least 20 characters. */
export function rawStatements(text: string): string[] {
  const literal = /(['"`])((?:SELECT|INSERT|UPDATE|DELETE|WITH)\b(?:\\.|(?!\1)[\s\S])*?)\1/g
  return [...text.matchAll(literal)]
    .map((m) => m[2]!.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((sql) => sql.length >= 20)
}

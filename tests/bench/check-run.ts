// The start-check benchmark's worker: what checking the cache costs at every start, on a copy of
// the cached million (db/recovery/check-cache-file.ts). The check openDatabase runs at that size
// (the bytes, the schema, quick_check of the tables only this computer holds) beside the full
// quick_check it stands in for, and the whole open as the app, browser mode and commands do it.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from '../../electron/core/db/open-database.ts'
import {
  checkOpenedCache,
  FULL_CHECK_MAX_BYTES,
  inspectCacheBytes,
} from '../../electron/core/db/recovery/check-cache-file.ts'
import { summarize, type Summary } from './measure.ts'

export interface CheckRunArgs {
  dataDir: string
  rounds: number
  fullRounds: number
}

export interface CheckRunResult {
  bytes: number
  fullCheckMaxBytes: number
  /** The bounded check: bytes, schema, quick_check of the irreplaceable tables (wall ms). */
  bounded: Summary
  /** openDatabase as at a start: the check, the schema brought up to date, planner statistics. */
  open: Summary
  /** PRAGMA quick_check of the whole file, wall and CPU ms. */
  full: Summary
  fullCpu: Summary
}

export async function checkRun(args: CheckRunArgs): Promise<CheckRunResult> {
  const file = join(args.dataDir, 'porchlight.sqlite')
  const bytes = statSync(file).size
  const bounded: number[] = []
  const open: number[] = []
  for (let round = 0; round < args.rounds; round++) {
    const sqlite = new BetterSqlite3(file, { readonly: true })
    const started = performance.now()
    const verdict = inspectCacheBytes(file)
    const checked = checkOpenedCache(sqlite, bytes, 0)
    bounded.push(performance.now() - started)
    sqlite.close()
    if (verdict.state !== 'present' || checked.state !== 'ok')
      throw new Error(`the cached million does not pass the check: ${JSON.stringify(checked)}`)

    const opening = performance.now()
    const local = await openDatabase(args.dataDir)
    open.push(performance.now() - opening)
    if (local.recovery) throw new Error('opening the cached million recovered it')
    await local.close()
  }
  const full: number[] = []
  const fullCpu: number[] = []
  for (let round = 0; round < args.fullRounds; round++) {
    const sqlite = new BetterSqlite3(file, { readonly: true })
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = sqlite.pragma('quick_check', { simple: true })
    full.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    fullCpu.push((used.user + used.system) / 1000)
    sqlite.close()
    if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`)
  }
  return {
    bytes,
    fullCheckMaxBytes: FULL_CHECK_MAX_BYTES,
    bounded: summarize(bounded),
    open: summarize(open),
    full: summarize(full),
    fullCpu: summarize(fullCpu),
  }
}

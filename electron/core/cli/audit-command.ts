// `porchlight audit verify [--data-dir D] [--json]`: walks the local audit log's hash chain and
// says whether it is whole, or at which entry it breaks and how. Exit code 0 when whole, 1 when
// broken, so a script can check it.
import { z } from 'zod'
import { verifyAuditLog } from '../audit/audit-log.ts'
import { requireCache } from './data-folder.ts'
import { CommandFailed, flagError, UsageError } from './usage.ts'
import { openCache } from './open-cache.ts'

const FlagsSchema = z.object({
  action: z.literal('verify', { error: 'the audit command has one action: verify' }),
  json: z.boolean().default(false),
})

export async function auditCommand(
  flags: Record<string, unknown>,
  dataDir: string,
  print: (line: string) => void,
): Promise<void> {
  if (flags['action'] === undefined) throw new UsageError('audit needs an action: audit verify')
  const parsed = FlagsSchema.safeParse(flags)
  if (!parsed.success) throw flagError(parsed.error.issues)
  requireCache(dataDir)
  const local = await openCache(dataDir)
  let result
  try {
    result = verifyAuditLog(local.sqlite)
  } finally {
    await local.close()
  }
  if (parsed.data.json) {
    print(JSON.stringify(result))
  } else if (result.ok) {
    print(`The audit log is intact: ${result.entries} entries, each chained to the one before.`)
    if (result.head) print(`Last entry: ${result.head.seq}, hash ${result.head.hash}`)
  } else {
    const broken = result.firstBreak
    print(
      `The audit log is BROKEN at entry ${broken?.seq} (${broken?.kind ?? 'unknown kind'}, ` +
        `${broken?.at ?? 'no time'}): ${broken?.reason}.`,
    )
    print(`The ${result.entries} entries before it are intact.`)
  }
  if (!result.appendOnlyEnforced && !parsed.data.json) {
    print('Warning: the triggers that keep the log append-only have been removed.')
  }
  if (!result.ok) throw new CommandFailed('audit log verification failed')
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** The command could not do its job (service down, nothing found): exit code 1. */
export class CommandFailed extends Error {}

export const USAGE = `Usage: porchlight <command> [options]

Commands:
  sync --api URL --user U --password P [--new-cache] [--data-dir D] [--json]
      Sign in and run one full sync (deliveries, photos, cases; queued changes are pushed).
      A data folder is filled from one delivery service: for another, --new-cache starts a
      separate cache for it in the folder's services/ (the first one stays as it is). The
      sign-in ends with the command. A new --data-dir folder is made if its parent exists.
  search QUERY [--limit N] [--json] [--data-dir D]
      Search the local cache as the console does (order id, tracking number, name, street, email, phone).
  show ID [--json] [--data-dir D]
      One delivery by delivery id, order id or tracking number, with its photos and cases.
  report --from DATE --to DATE --format csv|xlsx|pdf --out FILE [--tz ZONE]
         [--city C] [--region R] [--reason R] [--resolution R] [--driver ID] [--agent ID]
         [--location-flag any|away|not-away] --user U --password P [--api URL] [--json]
      A supervisor's case report from the local cache (days in --tz, default this computer's).
      The sign-in is checked each time with the service the cache was filled from (or --api).
  audit verify [--json] [--data-dir D]
      Checks the local audit log (photo views, exports, removals) is whole: every entry chained
      to the one before by hash. Names the first entry where the chain breaks; exit code 1 then.

The data dir defaults to the desktop app's; --data-dir or PORCHLIGHT_DATA_DIR override it.
search, show, report and audit only read a data dir that holds a cache; they never make one.
The password may also come from PORCHLIGHT_PASSWORD, so it need not appear in a process list.`

/** Turns a zod failure on parsed flags into one line naming the flag. */
export function flagError(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): UsageError {
  const issue = issues[0]
  const flag = issue?.path.length ? `--${issue.path.map(String).join('.')}: ` : ''
  return new UsageError(`${flag}${issue?.message ?? 'invalid options'}`)
}

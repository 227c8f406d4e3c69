// Preloaded (node --import) into the Electronegativity scan: no host name resolves, so nothing
// leaves this machine. The scan tries to fetch translations at start; that fails at once here
// with an error its HTTP client does not retry (a retry after the failure crashed it).
import dns from 'node:dns'

const refuse = (hostname: string) =>
  Object.assign(new Error(`offline: ${hostname} is not looked up`), { code: 'EOFFLINE' })

type LookupCallback = (error: Error | null, address?: string, family?: number) => void

dns.lookup = ((hostname: string, options: unknown, callback?: LookupCallback) => {
  const done = (typeof options === 'function' ? options : callback) as LookupCallback
  process.nextTick(() => done(refuse(hostname)))
}) as typeof dns.lookup
dns.promises.lookup = (async (hostname: string) => {
  throw refuse(hostname)
}) as typeof dns.promises.lookup

// Redaction of personal data before anything reaches a log file or the diagnostics. Logs are
// meant to be sent to support, so they must not carry customers' names, emails, phone numbers or
// addresses, nor anyone's sign-in.
//
// Two layers:
// - structured details (objects, errors) are walked and every value under a key that names
//   personal data or a secret is replaced whole, whatever it looks like;
// - free text (messages, error messages, stacks, and every string in a detail) is scanned for
//   what has a recognisable shape: emails, phone numbers, street addresses, US/UK postcodes next to
//   a state or city, names labelled as such ("customer: Ada Lovelace", "name":"…"), bearer tokens,
//   JWTs and token/password parameters in URLs.
// A name standing alone in prose has no shape to find; Porchlight's own messages never put one
// there (they name records by id), which the tests of the log wiring check.

export const REDACTED = '[redacted]'
export const SECRET = '[secret]'

/** Keys whose values are personal data: replaced whatever they hold. */
const PERSONAL_KEYS = new Set(
  [
    'name',
    'fullname',
    'firstname',
    'lastname',
    'customer',
    'customername',
    'drivername',
    'actorname',
    'recipient',
    'email',
    'customeremail',
    'phone',
    'customerphone',
    'phonedigits',
    'address',
    'addressline1',
    'addressline2',
    'line1',
    'line2',
    'street',
    'postalcode',
    'zip',
    'note',
    'notes',
    'body',
    'dropnote',
  ].map(normaliseKey),
)

/** Keys whose values are secrets. */
const SECRET_KEYS = new Set(
  [
    'password',
    'token',
    'accesstoken',
    'refreshtoken',
    'authorization',
    'cookie',
    'setcookie',
    'xporchlighttoken',
    'secret',
  ].map(normaliseKey),
)

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '')
}

const STREET_TYPES = [
  'street',
  'st',
  'avenue',
  'ave',
  'road',
  'rd',
  'way',
  'drive',
  'dr',
  'lane',
  'ln',
  'court',
  'ct',
  'boulevard',
  'blvd',
  'place',
  'pl',
  'terrace',
  'ter',
  'circle',
  'cir',
  'highway',
  'hwy',
  'parkway',
  'pkwy',
  'square',
  'sq',
  'loop',
  'trail',
  'row',
  'close',
  'crescent',
  'alley',
].join('|')

function countDigits(text: string): number {
  let n = 0
  for (const ch of text) if (ch >= '0' && ch <= '9') n++
  return n
}

interface TextRule {
  pattern: RegExp
  replace: string
  /** When given, a match is replaced only if this accepts it. */
  accept?: (match: string) => boolean
}

const TEXT_RULES: readonly TextRule[] = [
  // Secrets first, so that a token that happens to contain digits is not half-matched below.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, replace: `$1 ${SECRET}` },
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: SECRET },
  {
    pattern: /([?&;](?:token|access_token|password|key|sig|signature)=)[^&#\s"']+/gi,
    replace: `$1${SECRET}`,
  },
  {
    pattern: /("(?:password|token|authorization|accessToken|refreshToken)"\s*:\s*)"[^"]*"/gi,
    replace: `$1"${SECRET}"`,
  },
  {
    pattern:
      /(?<![\w"])((?:token|password|passwd|secret|api[_-]?key|access[_-]?token)\s*[=:]\s*)(?!\[secret\])["']?[^\s"'&,;)]+["']?/gi,
    replace: `$1${SECRET}`,
  },
  // Emails.
  {
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    replace: REDACTED,
  },
  // Names given as JSON fields or labelled in text: "customerName":"Ada", name=Ada Lovelace.
  {
    pattern:
      /("(?:name|fullName|customerName|customer_name|driverName|driver_name|actorName|recipient)"\s*:\s*)"[^"]*"/gi,
    replace: `$1"${REDACTED}"`,
  },
  {
    pattern:
      /\b((?:customer|recipient|driver|name|addressee)\s*[:=]\s*)["']?[\p{Lu}][\p{L}'’.-]*(?:[ \t]+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|di|la|le|bin|al))*["']?/gu,
    replace: `$1${REDACTED}`,
  },
  // Street addresses: a house number, up to five words, a street type (and a unit after it).
  {
    pattern: new RegExp(
      String.raw`\b\d{1,6}[A-Za-z]?(?:[ \t]+[\p{L}0-9'’.-]+){1,5}?[ \t]+(?:${STREET_TYPES})\b\.?` +
        String.raw`(?:,?[ \t]*(?:apt|apartment|unit|suite|ste|#|fl|floor)\.?[ \t]*[A-Za-z0-9-]+)?`,
      'giu',
    ),
    replace: REDACTED,
  },
  // Postal codes beside a US state (WA 98101) or a UK outward+inward code (SW1A 1AA).
  { pattern: /\b([A-Z]{2})[ \t]+\d{5}(?:-\d{4})?\b/g, replace: `$1 ${REDACTED}` },
  { pattern: /\b[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b/g, replace: REDACTED },
  // Phone numbers: an optional +country code, then 9 to 15 digits in groups separated by spaces,
  // dots, dashes or brackets. Dates (2025-06-01), times, versions and ids do not have this shape
  // because the groups must add up to at least nine digits with at most 4 in the last group.
  {
    pattern:
      /(?<![\w.:/-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?|\d{1,4}[ .-])(?:\d{2,4}[ .-]){1,3}\d{2,4}(?![\w:/-]|\.\d)/g,
    replace: REDACTED,
    accept: (match) => {
      const digits = countDigits(match)
      return digits >= 9 && digits <= 15
    },
  },
  // A bare run of 10 to 15 digits with a leading + (E.164 written without spaces).
  { pattern: /(?<![\w])\+\d{10,15}\b/g, replace: REDACTED },
]

/** Redacts personal data and secrets with a recognisable shape from free text. */
export function redactText(text: string): string {
  let out = text
  for (const rule of TEXT_RULES) {
    const { accept } = rule
    out = accept
      ? out.replace(rule.pattern, (match) => (accept(match) ? rule.replace : match))
      : out.replace(rule.pattern, rule.replace)
  }
  return out
}

/**
 * A copy of `value` safe to log: personal and secret keys replaced, every string redacted, errors
 * reduced to name, message, code and stack (redacted), cycles and depth cut.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' || typeof value === 'symbol' ? String(value) : value
  }
  if (seen.has(value)) return '[circular]'
  if (depth > 6) return '[…]'
  seen.add(value)
  if (value instanceof Error) {
    const error: Record<string, unknown> = {
      name: value.name,
      message: redactText(value.message),
    }
    const code = (value as { code?: unknown }).code
    if (code !== undefined) error['code'] = redactValue(code, depth + 1, seen)
    if (value.stack) error['stack'] = redactText(value.stack)
    if (value.cause !== undefined) error['cause'] = redactValue(value.cause, depth + 1, seen)
    return error
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1, seen))
  if (value instanceof Date) return value.toISOString()
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const normalised = normaliseKey(key)
    if (SECRET_KEYS.has(normalised)) out[key] = SECRET
    else if (PERSONAL_KEYS.has(normalised) && inner !== null && inner !== undefined)
      out[key] = REDACTED
    else out[key] = redactValue(inner, depth + 1, seen)
  }
  return out
}

/** One log line's text: the message and its detail, redacted. */
export function redactedLine(message: string, detail?: unknown): string {
  const text = redactText(message)
  if (detail === undefined) return text
  const safe = redactValue(detail)
  if (typeof safe === 'string') return `${text} ${safe}`
  if (safe && typeof safe === 'object' && 'stack' in safe && typeof safe.stack === 'string') {
    const { stack, ...rest } = safe as Record<string, unknown>
    const extra = Object.keys(rest).filter((k) => k !== 'name' && k !== 'message')
    const tail = extra.length
      ? ` ${JSON.stringify(Object.fromEntries(extra.map((k) => [k, rest[k]])))}`
      : ''
    return `${text}\n${String(stack)}${tail}`
  }
  return `${text} ${JSON.stringify(safe)}`
}

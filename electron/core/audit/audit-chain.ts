// How one audit entry is chained to the one before it. Pure, so the migration that seeds the log,
// the writer and the verifier all hash an entry the same way: sha256 over the previous entry's
// hash, a newline, and the entry's canonical JSON (RFC 8785: sorted keys, no whitespace, one
// spelling per number), so the same entry always gives the same bytes.
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

export type AuditPayload = { [key: string]: string | number | boolean | null | AuditPayload }

export interface AuditEntryFields {
  seq: number
  kind: string
  /** ISO 8601 time of the act. */
  at: string
  /** Who did it (a user id), or null for the app itself (retention). */
  actorId: string | null
  payload: AuditPayload
}

export interface ChainedEntry extends AuditEntryFields {
  payloadJson: string
  prevHash: string
  hash: string
}

/** The exact text that is hashed for an entry (after the previous hash and a newline). */
export function canonicalEntry(fields: AuditEntryFields): string {
  const text = canonicalize({
    seq: fields.seq,
    kind: fields.kind,
    at: fields.at,
    actorId: fields.actorId,
    payload: fields.payload,
  })
  if (text === undefined) throw new Error('an audit entry must be plain JSON')
  return text
}

export function entryHash(prevHash: string, fields: AuditEntryFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalEntry(fields)}`)
    .digest('hex')
}

/** The entry as stored: its payload in canonical JSON, linked to `prevHash`. */
export function chainedEntry(prevHash: string, fields: AuditEntryFields): ChainedEntry {
  const payloadJson = canonicalize(fields.payload)
  if (payloadJson === undefined) throw new Error('an audit payload must be plain JSON')
  return { ...fields, payloadJson, prevHash, hash: entryHash(prevHash, fields) }
}

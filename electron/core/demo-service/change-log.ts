// The server order of a sync stream. Every change appends the record's id with the next sequence
// number; a page walks the log after the cursor's sequence and keeps only each id's latest entry,
// so a record shows up once, as its newest version, and a pull from no cursor sees every record.
//
// The generated world takes sequences 1..n. Changes made while running take the clock in
// milliseconds (or head + 1 if that is larger), so they sort after the changes of any earlier run
// of the same world: a client holding a cursor from before a restart of the demo service still
// gets every change made after the restart, and is not sent into a full resync for nothing.

export class ChangeLog {
  readonly #entries: Array<{ seq: number; id: string }> = []
  readonly #latest = new Map<string, number>()
  #head = 0
  /** Cursors below this sequence are answered 410: the log before it is considered compacted. */
  horizon = 0

  get head(): number {
    return this.#head
  }

  append(id: string, atLeast = 0): number {
    this.#head = Math.max(this.#head + 1, atLeast)
    this.#entries.push({ seq: this.#head, id })
    this.#latest.set(id, this.#head)
    return this.#head
  }

  /** The ids of up to `limit` records changed after `afterSeq`, and where the next page starts. */
  page(afterSeq: number, limit: number): { ids: string[]; nextSeq: number; hasMore: boolean } {
    const ids: string[] = []
    let index = this.#firstIndexAfter(afterSeq)
    let nextSeq = afterSeq
    for (; index < this.#entries.length && ids.length < limit; index++) {
      const entry = this.#entries[index] as { seq: number; id: string }
      nextSeq = entry.seq
      if (this.#latest.get(entry.id) === entry.seq) ids.push(entry.id)
    }
    let hasMore = false
    for (; index < this.#entries.length; index++) {
      const entry = this.#entries[index] as { seq: number; id: string }
      if (this.#latest.get(entry.id) === entry.seq) {
        hasMore = true
        break
      }
    }
    return { ids, nextSeq: hasMore ? nextSeq : Math.max(this.#head, afterSeq), hasMore }
  }

  #firstIndexAfter(seq: number): number {
    let low = 0
    let high = this.#entries.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((this.#entries[mid] as { seq: number }).seq <= seq) low = mid + 1
      else high = mid
    }
    return low
  }
}

export type CursorCheck =
  { ok: true; seq: number } | { ok: false; status: 400 | 410; detail: string }

const STREAM_TAGS = { deliveries: 'd', cases: 'c' } as const

/**
 * Cursors are opaque to clients: base64url of "v1.<stream>.<world fingerprint>.<sequence>". The
 * fingerprint makes a cursor from another world (another seed, size or day) answer 410, which
 * sends the client into a full resync instead of silently skipping records.
 */
export function encodeCursor(
  stream: keyof typeof STREAM_TAGS,
  fingerprint: string,
  seq: number,
): string {
  return Buffer.from(`v1.${STREAM_TAGS[stream]}.${fingerprint}.${seq}`, 'utf8').toString(
    'base64url',
  )
}

export function checkCursor(
  cursor: string,
  stream: keyof typeof STREAM_TAGS,
  fingerprint: string,
  log: ChangeLog,
  now: number,
): CursorCheck {
  const malformed = {
    ok: false,
    status: 400,
    detail: 'The cursor is not one this service issued.',
  } as const
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) return malformed
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.')
  if (parts.length !== 4) return malformed
  const [version, tag, print, seqText] = parts as [string, string, string, string]
  if (version !== 'v1' || !/^(0|[1-9]\d{0,14})$/.test(seqText)) return malformed
  if (tag !== STREAM_TAGS[stream]) {
    return {
      ok: false,
      status: 400,
      detail: `The cursor belongs to another sync stream, not ${stream}.`,
    }
  }
  const seq = Number(seqText)
  if (print !== fingerprint) {
    return {
      ok: false,
      status: 410,
      detail: 'The cursor is from another demo world. Start again without a cursor.',
    }
  }
  // Past the head is fine up to now: a cursor from an earlier run of this world (see above).
  if (seq > log.head && seq > now + 60_000) {
    return {
      ok: false,
      status: 410,
      detail: 'The cursor is from the future. Start again without a cursor.',
    }
  }
  if (seq < log.horizon) {
    return {
      ok: false,
      status: 410,
      detail: 'The cursor has expired. Start again without a cursor.',
    }
  }
  return { ok: true, seq }
}

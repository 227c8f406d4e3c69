// Who looked at which photo: every photo shown is recorded here first (it must not be lost),
// then reported to the service's /v1/audit/photo-views in batches. The same view is appended to
// the local hash-chained audit log in the same transaction (audit-log.ts).
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { PhotoViewEventSchema, type PhotoViewEvent } from '../contract/schemas.ts'
import { ServiceError, type ServiceClient } from '../sync/service-client.ts'
import { appendAuditEntry } from './audit-log.ts'

/** The contract's limit on one batch. */
const BATCH = 500

export function createPhotoViewLog(sqlite: BetterSqlite3.Database) {
  const insert = sqlite.prepare(`
    INSERT INTO photo_views (id, photo_id, delivery_id, case_id, user_id, viewed_at)
    VALUES (?, ?, ?, ?, ?, ?)`)
  // Each user's views go out under that user's own sign-in.
  const unsent = sqlite.prepare<
    [string, number],
    { id: string; photo_id: string; delivery_id: string; case_id: string | null; viewed_at: string }
  >(
    'SELECT id, photo_id, delivery_id, case_id, viewed_at FROM photo_views WHERE sent_at IS NULL AND user_id = ? ORDER BY seq LIMIT ?',
  )
  const markSent = sqlite.prepare('UPDATE photo_views SET sent_at = ? WHERE id = ?')
  const countUnsent = sqlite.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM photo_views WHERE sent_at IS NULL',
  )
  // IMMEDIATE: the audit append reads the chain's head, so take the write lock first.
  const recordBoth = (
    id: string,
    view: { photoId: string; deliveryId: string; caseId: string | null; userId: string },
    at: Date,
  ) =>
    sqlite
      .transaction(() => {
        insert.run(id, view.photoId, view.deliveryId, view.caseId, view.userId, at.toISOString())
        appendAuditEntry(
          sqlite,
          'photo-view',
          {
            viewId: id,
            photoId: view.photoId,
            deliveryId: view.deliveryId,
            caseId: view.caseId,
          },
          { actorId: view.userId, at },
        )
      })
      .immediate()

  return {
    record(view: {
      photoId: string
      deliveryId: string
      caseId: string | null
      userId: string
      at?: Date
    }): string {
      const id = randomUUID()
      const at = view.at ?? new Date()
      recordBoth(id, view, at)
      return id
    },

    unsentCount: () => countUnsent.get()?.n ?? 0,

    /**
     * Sends `userId`'s unsent views, oldest first, in batches; stops at the first refused, and
     * before the next batch once `stillSignedIn` says they have signed out (the token is read as
     * each request starts: their views never go out under the next user's sign-in).
     */
    async push(
      client: ServiceClient,
      userId: string,
      stillSignedIn: () => boolean = () => true,
    ): Promise<{ sent: number }> {
      let sent = 0
      for (;;) {
        const rows = unsent.all(userId, BATCH)
        if (rows.length === 0 || !stillSignedIn()) return { sent }
        const events: PhotoViewEvent[] = rows.map((r) =>
          PhotoViewEventSchema.parse({
            id: r.id,
            photoId: r.photo_id,
            deliveryId: r.delivery_id,
            caseId: r.case_id,
            viewedAt: r.viewed_at,
          }),
        )
        const response = await client.postPhotoViews(events)
        if (response.status !== 204 && response.status !== 200) {
          throw new ServiceError(
            'http',
            `Reporting photo views failed with HTTP ${response.status}.`,
            response.status,
          )
        }
        const at = new Date().toISOString()
        sqlite.transaction(() => rows.forEach((r) => markSent.run(at, r.id)))()
        sent += rows.length
      }
    },
  }
}

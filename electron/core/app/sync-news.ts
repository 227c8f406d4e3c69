// News worth a desktop notification after an outage: the changes made while the delivery service
// could not be reached were sent when it came back, or a change came back as a conflict that
// needs the agent's decision. The push is watched where the sync engine calls it; the desktop
// shell shows the news (electron/main/sync-notifications.ts) when the setting allows.
import { t } from '../messages/messages.ts'
import { ServiceError } from '../service/service-client.ts'

export interface SyncNews {
  /** Changes made during an outage, sent now that the service answers again. */
  sentAfterOutage: number
  /** Changes the service refused as conflicts in this push: each waits for a decision. */
  conflicts: number
}

type PushResult = { pushed: number; conflicts: number }

/** Wraps the outbox's push: tells `news` after a push that sent queued work after an outage. */
export function watchPushForNews(
  push: () => Promise<PushResult>,
  news: (what: SyncNews) => void,
): () => Promise<PushResult> {
  let outage = false
  return async () => {
    let result: PushResult
    try {
      result = await push()
    } catch (error) {
      if (error instanceof ServiceError && error.kind === 'unreachable') outage = true
      throw error
    }
    const sentAfterOutage = outage ? result.pushed : 0
    outage = false
    if (sentAfterOutage > 0 || result.conflicts > 0) {
      news({ sentAfterOutage, conflicts: result.conflicts })
    }
    return result
  }
}

/** The notification's words, in the language the core speaks: a title and one line. */
export function syncNewsWords(news: SyncNews): { title: string; body: string } {
  const sent = t('shell:syncNews.sent', { count: news.sentAfterOutage })
  if (news.conflicts === 0) return { title: t('shell:syncNews.backOnline'), body: sent }
  const conflicts = t('shell:syncNews.conflicts', { count: news.conflicts })
  return {
    title: t('shell:syncNews.decisionTitle', { count: news.conflicts }),
    body: news.sentAfterOutage > 0 ? `${sent} ${conflicts}` : conflicts,
  }
}

// The desktop notification after an outage (core/app/sync-news.ts): the changes made offline were
// sent, or some came back as conflicts. Clicking it brings the window forward at the cases queue,
// where a conflict is decided. Where the OS has no notifications, nothing is shown.
import type { Logger } from '../core/common/logger.ts'
import { syncNewsWords, type SyncNews } from '../core/app/sync-news.ts'

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown
  show(): void
}
export interface NotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike
  isSupported(): boolean
}

export function createSyncNotifier(options: {
  Notification: NotificationClass
  /** Shows the window at this route (see open-links.ts's showHashIn). */
  show: (hash: string) => void
  log: Logger
}): (news: SyncNews) => void {
  return (news) => {
    if (!options.Notification.isSupported()) return
    try {
      const notification = new options.Notification({ ...syncNewsWords(news), silent: true })
      notification.on('click', () => options.show('#/cases'))
      notification.show()
    } catch (error) {
      options.log.warn('could not show a notification', error)
    }
  }
}

// The desktop app started for one delivery service on a data folder filled from another: the
// person is told which two, and what is in the way (unsent case changes), and chooses in words:
// a separate cache for this service (the other stays on the computer as it is), or quit. Quitting
// is the default, so a stray Enter changes nothing.
import type { Dialog } from 'electron'
import type { OtherServiceCacheError } from '../core/cache-identity/choose-cache.ts'
import { t } from '../core/messages/messages.ts'

export type OtherServiceAnswer = 'separate' | 'quit'

export async function askAboutOtherService(
  dialog: Pick<Dialog, 'showMessageBox'>,
  error: OtherServiceCacheError,
): Promise<OtherServiceAnswer> {
  const from = error.cachedFrom.url
  const asked = error.asked.url
  const unsent = error.unsentChanges
  const keptApart =
    unsent > 0
      ? t('shell:otherService.keptApartUnsent', { count: unsent, asked, from })
      : t('shell:otherService.keptApart', { asked, from })
  const orQuit = error.unconfirmed
    ? t('shell:otherService.orQuitUnconfirmed', { from })
    : t('shell:otherService.orQuit', { from })
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: t('app:name'),
    message: error.unconfirmed
      ? t('shell:otherService.titleUnconfirmed')
      : t('shell:otherService.title'),
    detail: `${error.message}\n\n${keptApart} ${orQuit}`,
    buttons: [t('shell:otherService.startSeparate', { asked }), t('shell:otherService.quit')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  return response === 0 ? 'separate' : 'quit'
}

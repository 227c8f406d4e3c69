// The desktop app started for one delivery service on a data folder filled from another: the
// person is told which two, and what is in the way (unsent case changes), and chooses in words:
// a separate cache for this service (the other stays on the computer as it is), or quit. Quitting
// is the default, so a stray Enter changes nothing.
import type { Dialog } from 'electron'
import type { OtherServiceCacheError } from '../core/cache-identity/choose-cache.ts'

export type OtherServiceAnswer = 'separate' | 'quit'

export async function askAboutOtherService(
  dialog: Pick<Dialog, 'showMessageBox'>,
  error: OtherServiceCacheError,
): Promise<OtherServiceAnswer> {
  const from = error.cachedFrom.url
  const asked = error.asked.url
  const unsent = error.unsentChanges
  const kept =
    unsent > 0 ? `, with its ${unsent} case change${unsent === 1 ? '' : 's'} not yet sent,` : ''
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Porchlight',
    message: error.unconfirmed
      ? 'Porchlight cannot tell whether this is the delivery service its data came from'
      : 'The data on this computer came from another delivery service',
    detail:
      `${error.message}\n\n` +
      'Porchlight keeps the data of each delivery service apart and never mixes them. You can ' +
      `start a separate cache for ${asked}: the data from ${from} stays on this computer as it ` +
      `is${kept} and is used again when Porchlight is started for ${from}. Or quit, and start ` +
      `Porchlight for ${from}${error.unconfirmed ? ' once it can be reached' : ''}.`,
    buttons: [`Start a separate cache for ${asked}`, 'Quit'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  return response === 0 ? 'separate' : 'quit'
}

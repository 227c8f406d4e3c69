// The desktop app on a data folder filled from another delivery service: a clear question in
// words, naming both services and the unsent work, with quitting as the default. Electron's dialog
// is a stand-in; the error is the core's own, as createPorchlight throws it.
import type { MessageBoxOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { OtherServiceCacheError } from '../../electron/core/cache-identity/choose-cache.ts'
import { askAboutOtherService } from '../../electron/main/other-service-dialog.ts'

const A = 'https://deliveries.example.com'
const B = 'http://127.0.0.1:4010'

function refusal(unsentChanges: number, unconfirmed = false) {
  return new OtherServiceCacheError({
    dataDir: '/home/alex/.config/Porchlight',
    cachedFrom: {
      url: A,
      identity: { id: 'acme-west', name: 'Acme deliveries', scope: 'US West' },
      boundAt: '2025-05-01T08:00:00.000Z',
    },
    asked: { url: B, identity: unconfirmed ? null : { id: 'porchlight-demo-seed-1-2000' } },
    unsentChanges,
    unconfirmed,
  })
}

function dialogAnswering(response: number) {
  const asked: MessageBoxOptions[] = []
  const dialog = {
    showMessageBox: (async (options: MessageBoxOptions) => {
      asked.push(options)
      return { response, checkboxChecked: false }
    }) as never,
  }
  return { dialog, asked }
}

describe('the question when the data came from another delivery service', () => {
  it('names both services and the unsent work, and offers a separate cache or quitting', async () => {
    const { dialog, asked } = dialogAnswering(0)
    expect(await askAboutOtherService(dialog, refusal(3))).toBe('separate')
    expect(asked).toHaveLength(1)
    const box = asked[0]!
    expect(box.message).toBe('The data on this computer came from another delivery service')
    expect(box.detail).toBe(
      `The Porchlight data in /home/alex/.config/Porchlight was filled from the delivery service ` +
        `at ${A} (Acme deliveries, US West), not from ${B} (porchlight-demo-seed-1-2000). It still ` +
        `holds 3 case changes not yet sent to ${A}.\n\n` +
        'Porchlight keeps the data of each delivery service apart and never mixes them. You can ' +
        `start a separate cache for ${B}: the data from ${A} stays on this computer as it is, ` +
        `with its 3 case changes not yet sent, and is used again when Porchlight is started for ` +
        `${A}. Or quit, and start Porchlight for ${A}.`,
    )
    expect(box.buttons).toEqual([`Start a separate cache for ${B}`, 'Quit'])
    expect(box).toMatchObject({ defaultId: 1, cancelId: 1, type: 'warning' })
  })

  it('quits when the person says so, or closes the question', async () => {
    expect(await askAboutOtherService(dialogAnswering(1).dialog, refusal(0))).toBe('quit')
    const unsure = dialogAnswering(1)
    expect(await askAboutOtherService(unsure.dialog, refusal(1, true))).toBe('quit')
    expect(unsure.asked[0]!.message).toBe(
      'Porchlight cannot tell whether this is the delivery service its data came from',
    )
    expect(unsure.asked[0]!.detail).toContain('cannot be reached to confirm it is the same one')
    expect(unsure.asked[0]!.detail).toContain(`start Porchlight for ${A} once it can be reached.`)
  })
})

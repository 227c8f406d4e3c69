// The settings area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const settingsTour: Tour = {
  name: 'settings',
  run: async ({ page, open, check }) => {
    await open('#/settings')
    await expect(page.locator('#settings-appearance')).toBeVisible()
    await check('settings')
  },
}

// The sync area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const syncTour: Tour = {
  name: 'sync',
  run: async ({ page, open, check }) => {
    await open('#/sync-report')
    await expect(page.locator('main h1')).toBeVisible()
    await check('sync')
  },
}

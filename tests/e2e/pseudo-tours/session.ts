// The session area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const sessionTour: Tour = {
  name: 'session',
  run: async ({ page, open, check }) => {
    await open('#/')
    await expect(page.locator('header')).toBeVisible()
    await check('session')
  },
}

// The search area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const searchTour: Tour = {
  name: 'search',
  run: async ({ page, open, check }) => {
    await open('#/')
    await expect(page.locator('main input[type=search]')).toBeVisible()
    await check('search')
  },
}

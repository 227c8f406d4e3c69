// The reports area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const reportsTour: Tour = {
  name: 'reports',
  run: async ({ page, open, check }) => {
    await open('#/reports')
    await expect(page.locator('main h1')).toBeVisible()
    await check('reports')
  },
}

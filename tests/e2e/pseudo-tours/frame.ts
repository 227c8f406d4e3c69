// The frame area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const frameTour: Tour = {
  name: 'frame',
  run: async ({ page, open, check }) => {
    await open('#/')
    await expect(page.locator('header')).toBeVisible()
    await check('frame')
  },
}

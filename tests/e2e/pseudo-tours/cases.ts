// The cases area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const casesTour: Tour = {
  name: 'cases',
  run: async ({ page, open, check }) => {
    await open('#/cases')
    await expect(page.locator('main .MuiDataGrid-row').first()).toBeVisible()
    await check('cases')
  },
}

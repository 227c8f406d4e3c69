// The delivery area in the pseudo-locale (see tour.ts).
import { expect } from '@playwright/test'
import type { Tour } from './tour.ts'

export const deliveryTour: Tour = {
  name: 'delivery',
  run: async ({ page, service, open, check }) => {
    const delivery = (await service.world.deliveries()).find(
      (d) => d.deleted !== true && d.photoWithheld === null && d.photos.length > 0,
    )!
    await open(`#/delivery/${delivery.id}`)
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible()
    await check('a delivery with photos')
  },
}

// Spanish words of the delivery namespace (see en/delivery.ts).
import type { Translation } from '../catalogue.ts'
import type { delivery as english } from '../en/delivery.ts'

export const delivery = {} as const satisfies Translation<typeof english>

// Spanish words of the sync namespace (see en/sync.ts).
import type { Translation } from '../catalogue.ts'
import type { sync as english } from '../en/sync.ts'

export const sync = {} as const satisfies Translation<typeof english>

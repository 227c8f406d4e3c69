// Spanish words of the search namespace (see en/search.ts).
import type { Translation } from '../catalogue.ts'
import type { search as english } from '../en/search.ts'

export const search = {} as const satisfies Translation<typeof english>

// Spanish words of the cases namespace (see en/cases.ts).
import type { Translation } from '../catalogue.ts'
import type { cases as english } from '../en/cases.ts'

export const cases = {} as const satisfies Translation<typeof english>

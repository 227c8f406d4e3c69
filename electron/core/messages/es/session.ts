// Spanish words of the session namespace (see en/session.ts).
import type { Translation } from '../catalogue.ts'
import type { session as english } from '../en/session.ts'

export const session = {} as const satisfies Translation<typeof english>

// Spanish words of the app namespace (see en/app.ts).
import type { Translation } from '../catalogue.ts'
import type { app as english } from '../en/app.ts'

export const app = {} as const satisfies Translation<typeof english>

// Spanish words of the reports namespace (see en/reports.ts).
import type { Translation } from '../catalogue.ts'
import type { reports as english } from '../en/reports.ts'

export const reports = {} as const satisfies Translation<typeof english>

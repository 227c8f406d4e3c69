// Spanish words of the documents namespace (see en/documents.ts).
import type { Translation } from '../catalogue.ts'
import type { documents as english } from '../en/documents.ts'

export const documents = {} as const satisfies Translation<typeof english>

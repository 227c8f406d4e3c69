// Spanish words of the shell namespace (see en/shell.ts).
import type { Translation } from '../catalogue.ts'
import type { shell as english } from '../en/shell.ts'

export const shell = {} as const satisfies Translation<typeof english>

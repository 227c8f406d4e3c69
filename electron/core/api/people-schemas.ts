// People by name, in the API (see definition.ts): everyone the cache can name (the service's
// directory as last synced, and users who signed in here), for the renderer's one hook
// (src/people/usePeople.ts) that shows a person by name with the id on hover.
import { z } from 'zod'

const NoArg = z.undefined().optional()

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['agent', 'supervisor', 'driver']),
})

export const peopleCalls = {
  listPeople: { arg: NoArg, result: z.array(PersonSchema) },
} as const

export type KnownPerson = z.output<typeof PersonSchema>

// Who an id is, on every screen: the one hook that looks names up (the core's listPeople: the
// service's directory as kept in the cache, and users who signed in here). A person it cannot
// name is "Unknown person (id)" (display-words.ts), the words of every export too, never a bare id.
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { personName } from '../../electron/core/api/display-words.ts'
import { queries } from '../api/queries.ts'

export interface PersonLabel {
  /** The name to show: known, or the unknown-person words. */
  name: string
  /** Whether the cache knows the person. */
  known: boolean
  /** For the tooltip: the id the records carry. */
  title: string
}

/** `nameOf(id)`: a person's label; `youId` names the signed-in user "You". */
export function usePeople(youId?: string | null) {
  const { data } = useQuery(queries.people())
  const byId = useMemo(() => new Map((data ?? []).map((p) => [p.id, p.name])), [data])
  const nameOf = useCallback(
    (id: string): PersonLabel => {
      const known = byId.get(id) ?? null
      if (youId && id === youId)
        return { name: 'You', known: true, title: `${known ?? 'You'}, id ${id}` }
      return { name: personName(id, known), known: known !== null, title: `id ${id}` }
    },
    [byId, youId],
  )
  return { nameOf, loaded: data !== undefined }
}

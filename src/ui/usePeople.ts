// Who an id is, on every screen: the one hook that looks names up (the core's listPeople: the
// service's directory as kept in the cache, and users who signed in here). A person it cannot
// name is "Unknown person (id)" (display-words.ts), the words of every export too, never a bare id.
// A name is data (never translated); "You" and the unknown-person words are the catalogue's.
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { personName } from '../../electron/core/api/display-words.ts'
import { queries } from '../api/queries.ts'

export interface PersonLabel {
  /** The name to show: known, or the unknown-person words. */
  name: string
  /** Whether the cache knows the person. */
  known: boolean
  /** Whether `name` is the person's own name (data, never translated), not the catalogue's words. */
  isName: boolean
  /** For the tooltip: the id the records carry. */
  title: string
}

/** `nameOf(id)`: a person's label; `youId` names the signed-in user "You". */
export function usePeople(youId?: string | null) {
  const { t } = useTranslation('app')
  const { data } = useQuery(queries.people())
  const byId = useMemo(() => new Map((data ?? []).map((p) => [p.id, p.name])), [data])
  const nameOf = useCallback(
    (id: string): PersonLabel => {
      const known = byId.get(id) ?? null
      if (youId && id === youId) {
        const you = t('person.you')
        return {
          name: you,
          known: true,
          isName: false,
          title: t('person.youTitle', { name: known ?? you, id }),
        }
      }
      return {
        name: personName(id, known),
        known: known !== null,
        isName: known !== null,
        title: t('person.idTitle', { id }),
      }
    },
    [byId, youId, t],
  )
  return { nameOf, loaded: data !== undefined }
}

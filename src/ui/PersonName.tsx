// A person by name, with the id on hover: the way every screen shows an agent, a supervisor or a
// driver (src/ui/usePeople.ts). `dir="auto"` lets an Arabic or Hebrew name run right to left
// inside a left-to-right line without moving the words around it.
import { usePeople } from './usePeople.ts'

export function PersonName({ id, youId, fallback }: Props) {
  const { nameOf } = usePeople(youId)
  const label = nameOf(id)
  // A record's own name for a driver (a delivery carries it) is used until the directory says.
  const name = !label.known && fallback ? fallback : label.name
  return (
    <bdi title={label.title} data-person-id={id} dir="auto">
      {name}
    </bdi>
  )
}

interface Props {
  id: string
  /** The signed-in user's id: they are "You". */
  youId?: string | null
  /** The name the record itself carries (a delivery's driver), while the directory has none. */
  fallback?: string
}

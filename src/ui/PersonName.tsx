// A person by name, with the id on hover: the way every screen shows an agent, a supervisor or a
// driver (src/ui/usePeople.ts). The id is a tooltip that describes the name (aria-describedby
// while shown; the title attribute, which assistive technology reads as a description, while
// not). Where the name stands on its own (not inside a link or a button), `focusable` lets the
// keyboard reach it, and the tooltip opens on focus too. `dir="auto"` lets an Arabic or Hebrew
// name run right to left inside a left-to-right line without moving the words around it. A name
// is data: `translate="no"` keeps browser translators (and the pseudo-locale test) off it; "You"
// and the unknown-person words come from the catalogue and are translated.
import Tooltip from '@mui/material/Tooltip'
import { usePeople } from './usePeople.ts'

export function PersonName({ id, youId, fallback, focusable }: Props) {
  const { nameOf } = usePeople(youId)
  const label = nameOf(id)
  // A record's own name for a driver (a delivery carries it) is used until the directory says.
  const useFallback = !label.known && fallback !== undefined && fallback !== ''
  const name = useFallback ? fallback : label.name
  const isName = useFallback || label.isName
  return (
    <Tooltip describeChild title={label.title} placement="bottom-start">
      <bdi
        data-person-id={id}
        dir="auto"
        translate={isName ? 'no' : undefined}
        tabIndex={focusable ? 0 : undefined}
      >
        {name}
      </bdi>
    </Tooltip>
  )
}

interface Props {
  id: string
  /** The signed-in user's id: they are "You". */
  youId?: string | null
  /** The name the record itself carries (a delivery's driver), while the directory has none. */
  fallback?: string
  /** Reachable by Tab, for a name that is not inside a link or a button (a report's table). */
  focusable?: boolean
}

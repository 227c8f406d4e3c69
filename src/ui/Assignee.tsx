// Whom a case is assigned to: "Unassigned", "You", or a person by name with the id on hover.
import { PersonName } from './PersonName.tsx'

export function Assignee({ id, meId }: { id: string | null; meId: string | null }) {
  if (id === null) return <>Unassigned</>
  return <PersonName id={id} youId={meId} />
}

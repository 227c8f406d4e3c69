// Whom a case is assigned to: "Unassigned", "You", or a person by name with the id on hover.
import { useTranslation } from 'react-i18next'
import { PersonName } from './PersonName.tsx'

export function Assignee({ id, meId }: { id: string | null; meId: string | null }) {
  const { t } = useTranslation('app')
  if (id === null) return <>{t('person.unassigned')}</>
  return <PersonName id={id} youId={meId} />
}

import { t } from '../../electron/core/messages/messages.ts'

/** "Agent", "Supervisor": roles as words; a role the service adds later, as its own words. */
export function roleLabel(role: string): string {
  if (role === 'agent') return t('session:role.agent')
  if (role === 'supervisor') return t('session:role.supervisor')
  const words = role.replace(/[_-]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : t('session:role.unknown')
}

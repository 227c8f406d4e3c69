// Words for other people's unsent work on this computer, the same wherever it is shown.
import { isUnknownPersonName } from '../../electron/core/api/display-words.ts'
import { t } from '../../electron/core/messages/messages.ts'

export interface OthersWaiting {
  name: string
  changes: number
}

/** "Alex" of "Alex Rivera"; a person the cache cannot name keeps the whole unknown-person words. */
export function firstName(name: string): string {
  if (isUnknownPersonName(name)) return name
  return name.trim().split(/\s+/)[0] || name
}

/** "2 changes by Alex Rivera wait for Alex to sign in". */
export function othersWaitingText(others: ReadonlyArray<OthersWaiting>): string {
  if (others.length === 1) {
    const { name, changes } = others[0]!
    return t('app:othersWaiting.onePerson', { count: changes, name, firstName: firstName(name) })
  }
  const total = others.reduce((sum, o) => sum + o.changes, 0)
  return t('app:othersWaiting.people', { count: total, people: others.length })
}

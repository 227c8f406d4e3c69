// The demo service's directory of people (GET /v1/people): the demo accounts, the colleagues who
// worked the seeded cases without signing in here, and every driver of the world's deliveries.
import type { Person } from '../contract/schemas.ts'
import { DEMO_ACCOUNTS } from './accounts.ts'
import { COLLEAGUES } from './names.ts'
import type { DeliveryDraftItem } from './types.ts'

/** Everyone the demo records name, each once, accounts first, then colleagues, then drivers. */
export function demoDirectory(deliveries: Iterable<DeliveryDraftItem>): Person[] {
  const people = new Map<string, Person>()
  for (const account of DEMO_ACCOUNTS)
    people.set(account.userId, { id: account.userId, name: account.name, kind: account.role })
  for (const colleague of COLLEAGUES)
    if (colleague.inDirectory)
      people.set(colleague.id, { id: colleague.id, name: colleague.name, kind: colleague.role })
  for (const delivery of deliveries) {
    if ('deleted' in delivery) continue
    const { driver } = delivery
    if (!people.has(driver.id))
      people.set(driver.id, { id: driver.id, name: driver.name, kind: 'driver' })
  }
  return [...people.values()]
}

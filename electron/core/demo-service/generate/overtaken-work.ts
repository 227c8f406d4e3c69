// Work the demo agent did on this console while it was offline yesterday, which colleagues'
// later changes on the service overtook: the app's demo world opens with these changes waiting
// for the agent's decision (a 409 each when the console sends them), so settling a conflict is
// there to try on first start. Each is a change that does not commute (a status change or a
// resolution) on the version the agent saw, and a colleague's step after it on the service.
import type { CaseEvent, CaseStatus } from '../../contract/schemas.ts'
import { DEMO_ACCOUNTS } from '../accounts.ts'
import { isoSeconds } from '../local-time.ts'
import { COLLEAGUES } from '../names.ts'
import type { Random } from '../random.ts'
import type { SeedCase, SeedCaseStep } from './seed-cases.ts'

/** A case event made on this console and not sent yet, with the version its author saw. */
export interface EarlierWork {
  caseId: string
  userId: string
  event: CaseEvent
}

type Change = Omit<CaseEvent, 'id' | 'occurredAt' | 'baseVersion'>

/** What the agent did, and what a colleague did on the service after it. */
const OVERTAKEN: ReadonlyArray<{ mine: Change; theirs: Change; colleague: string }> = [
  {
    mine: {
      type: 'resolved',
      resolutionCode: 'refund_issued',
      note: 'Refunded after the customer called again.',
    },
    theirs: { type: 'status_changed', status: 'awaiting_customer' },
    colleague: 'u_irina_sokolova',
  },
  {
    mine: { type: 'status_changed', status: 'awaiting_customer' },
    theirs: {
      type: 'resolved',
      resolutionCode: 'found_by_customer',
      note: 'Customer found it with the building manager.',
    },
    colleague: 'u_zhang_wei',
  },
  {
    mine: { type: 'resolved', resolutionCode: 'delivered_to_neighbor', note: null },
    theirs: { type: 'status_changed', status: 'investigating' },
    colleague: 'u_layla_haddad',
  },
]

const AGENT = DEMO_ACCOUNTS.find((account) => account.role === 'agent')?.userId ?? 'agent'

/**
 * Picks open cases, gives each the agent's change (in the last day, after the case's last step)
 * and a colleague's step after it. The colleague's step is added to the seed case, so the service
 * holds it; the agent's is returned. Which cases, and how many draws, do not depend on the times,
 * so the same cases are overtaken whatever the anchor.
 */
export function overtakeSomeCases(
  rng: Random,
  seedCases: SeedCase[],
  versionBase: number,
  latest: number,
): EarlierWork[] {
  const candidates = seedCases.filter((c) => statusAtEnd(c) === 'open')
  const work: EarlierWork[] = []
  for (const plan of OVERTAKEN) {
    if (candidates.length === 0) break
    if (!COLLEAGUES.some((c) => c.id === plan.colleague)) continue
    const chosen = candidates.splice(rng.int(0, candidates.length - 1), 1)[0] as SeedCase
    const lastAt = Date.parse(
      (chosen.steps[chosen.steps.length - 1] as SeedCaseStep).event.occurredAt,
    )
    // Yesterday, unless the case's last step is later: then between it and now.
    const from = Math.max(lastAt, latest - rng.int(14 * 60, 20 * 60) * 60_000)
    const mineAt = from + (latest - from) * rng.float(0.2, 0.5)
    const theirsAt = mineAt + (latest - mineAt) * rng.float(0.3, 0.8)
    const { type: myType, ...myFields } = plan.mine
    work.push({
      caseId: chosen.caseId,
      userId: AGENT,
      event: {
        id: rng.uuid(),
        type: myType,
        occurredAt: isoSeconds(mineAt),
        // The version after the steps the service held when the agent made this change.
        baseVersion: versionBase + chosen.steps.length - 1,
        ...myFields,
      },
    })
    const { type, ...fields } = plan.theirs
    chosen.steps.push({
      userId: plan.colleague,
      event: { id: rng.uuid(), type, occurredAt: isoSeconds(theirsAt), ...fields },
    })
  }
  return work
}

/** The status a seed case ends in. */
function statusAtEnd(seedCase: SeedCase): CaseStatus {
  let status: CaseStatus = 'open'
  for (const { event } of seedCase.steps) {
    if (event.type === 'status_changed' && event.status) status = event.status
    if (event.type === 'resolved') status = 'resolved'
    if (event.type === 'reopened') status = 'open'
  }
  return status
}

// Which delivery service the core talks to: the built-in demo service, started here on
// 127.0.0.1 (with the accounts the sign-in screen offers), or a real one at its address.
import { type Session as SessionView } from '../api/definition.ts'
import type { Logger } from '../common/logger.ts'
import type { EarlierWorkItem } from './demo-earlier-work.ts'
import type { ServiceChoice } from './types.ts'

export interface StartedService {
  url: string
  /** The demo accounts the sign-in screen offers; none for a real service. */
  demoAccounts: SessionView['demoAccounts']
  /** The people the demo knows, so the console can show their names. */
  knownUsers: ReadonlyArray<{ userId: string; name: string; role: string }>
  /** The demo agent's offline work a new cache starts with (demo-earlier-work.ts); none for a real one. */
  earlierWork: ReadonlyArray<EarlierWorkItem>
  /** Stops the built-in demo service; null for a real one. */
  stop: (() => Promise<void>) | null
}

export async function startServiceChoice(
  choice: ServiceChoice,
  log: Logger,
): Promise<StartedService> {
  if (choice.kind !== 'demo')
    return { url: choice.url, demoAccounts: [], knownUsers: [], earlierWork: [], stop: null }
  // Loaded only in demo mode; the demo world draws its photos with sharp.
  const demo = await import('../demo-service/index.ts')
  const service = await demo.startDemoService({
    seed: choice.seed,
    deliveries: choice.deliveries,
    // Render the demo photos in the background from the start, so the first sync finds most
    // of them ready instead of waiting for each page's photos to be drawn.
    warmPhotoCache: true,
  })
  log.info(`demo delivery service on ${service.url}`)
  return {
    url: service.url,
    demoAccounts: demo.DEMO_ACCOUNTS.map(({ username, password, role }) => ({
      username,
      password,
      role,
    })),
    knownUsers: demo.DEMO_ACCOUNTS,
    earlierWork: service.world.earlierWork().map(({ caseId, userId, event }) => ({
      caseId,
      actor: {
        id: userId,
        name: demo.DEMO_ACCOUNTS.find((a) => a.userId === userId)?.name ?? userId,
      },
      event,
    })),
    stop: () => service.close(),
  }
}

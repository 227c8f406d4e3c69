// The demo delivery service: a deterministic generated world behind the whole delivery-service
// contract, on 127.0.0.1. This is its public face; everything else in the folder is internal.
export { startDemoService, defaultPhotoCacheDir } from './service.ts'
export type { DemoService, DemoServiceOptions } from './service.ts'
export { DEMO_ACCOUNTS, TOKEN_LIFETIME_MS } from './accounts.ts'
export type { DemoAccount } from './accounts.ts'
export { DemoWorld } from './world.ts'
export type { CaseEventResult, PhotoLookup, PullResult, SyncPage } from './world.ts'
export { GENERATOR_VERSION, WORLD_DAYS } from './generate.ts'
export type { FaultSpec } from './faults.ts'
export type { RequestRecord } from './server.ts'
export type {
  AppliedCaseEvent,
  DeliveryDraft,
  DeliveryDraftItem,
  DeliveryPatch,
  PhotoDraft,
  RecordedPhotoView,
  SyncStream,
} from './types.ts'

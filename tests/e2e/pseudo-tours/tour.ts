// A tour: one screen area shown in the pseudo-locale, state after state, each read for words that
// bypass the catalogue and text that overflows (support/pseudo-locale.ts). Each area owns its file.
import type { Page } from '@playwright/test'
import type { DemoService } from '../../../electron/core/demo-service/index.ts'
import { pseudoString } from '../../../electron/core/messages/pseudo.ts'

export type TourContext = {
  page: Page
  service: DemoService
  /** Shows `hash` (e.g. '#/cases') in the pseudo-locale and waits for `ready`. */
  open: (hash: string) => Promise<void>
  /** Reads the page as it stands; `state` names it in the failure message. */
  check: (state: string) => Promise<void>
}

export type Tour = {
  name: string
  /** 1024×768 or 1280×800: each tour runs at the size it names (default 1024×768, the tighter). */
  size?: { width: number; height: number }
  run: (tour: TourContext) => Promise<void>
}

/** What an English catalogue string reads as in the pseudo-locale, for finding it on the page. */
export const pseudo = pseudoString

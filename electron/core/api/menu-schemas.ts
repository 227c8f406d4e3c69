// The desktop app's menu asks the page for what only the page can do (focus the search box, show
// the shortcuts, sync now with its progress in the status bar) by one window event, named here
// for both sides. Places (Cases, Settings…) need no command: the menu moves the page's address.

export const MENU_COMMAND_EVENT = 'porchlight-menu-command'

export const MENU_COMMANDS = ['search', 'shortcuts', 'sync-now'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** The page's addresses the menu can go to. */
export const MENU_PLACES = {
  cases: '#/cases',
  'sync-report': '#/sync-report',
  settings: '#/settings',
} as const
export type MenuPlace = keyof typeof MENU_PLACES

// The application menu, on each OS's conventions: macOS has the app's own menu first (About,
// Settings, Hide, Quit) and a Window menu; Windows and Linux put Settings and Exit under File and
// About under Help. Every command the console has a shortcut for shows it; single keys (`?`, the
// case keys) are shown but not claimed, so typing in a box is never taken over.
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'
import { MENU_COMMAND_EVENT, type MenuCommand, type MenuPlace } from '../core/api/menu-schemas.ts'
import type { Logger } from '../core/app/types.ts'

export interface MenuActions {
  /** Moves the page to one of its places. */
  go: (place: MenuPlace) => void
  /** Asks the page to do something only it can do. */
  command: (command: MenuCommand) => void
  /** Saves the diagnostics bundle for a support ticket. */
  reportProblem: () => void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development builds keep Reload and the developer tools in the View menu. */
  packaged: boolean
  actions: MenuActions
}

export function menuTemplate({ platform, packaged, actions }: MenuOptions) {
  const mac = platform === 'darwin'
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.go('settings'),
  }
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: 'Porchlight',
      submenu: [
        { role: 'about', label: 'About Porchlight' },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: 'Quit Porchlight' },
      ],
    })
  }
  template.push({
    label: mac ? 'File' : '&File',
    submenu: [
      {
        label: 'Sync now',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.command('sync-now'),
      },
      { type: 'separator' },
      ...(mac
        ? [{ role: 'close' } as const]
        : [settings, { type: 'separator' } as const, { role: 'quit', label: 'E&xit' } as const]),
    ],
  })
  template.push({ role: 'editMenu', label: mac ? 'Edit' : '&Edit' })
  template.push({
    label: mac ? 'View' : '&View',
    submenu: [
      {
        label: 'Search deliveries',
        accelerator: 'CmdOrCtrl+K',
        click: () => actions.command('search'),
      },
      { label: 'Cases', accelerator: 'CmdOrCtrl+1', click: () => actions.go('cases') },
      { label: 'Sync report', accelerator: 'CmdOrCtrl+2', click: () => actions.go('sync-report') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(packaged
        ? []
        : [
            { type: 'separator' } as const,
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
          ]),
    ],
  })
  template.push({ role: 'windowMenu', label: mac ? 'Window' : '&Window' })
  template.push({
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [
      {
        label: 'Keyboard shortcuts',
        accelerator: '?',
        registerAccelerator: false,
        click: () => actions.command('shortcuts'),
      },
      { label: 'Report a problem…', click: () => actions.reportProblem() },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { role: 'about', label: 'About Porchlight' } as const]),
    ],
  })
  return template
}

/** Hands a menu command to the page (it listens for MENU_COMMAND_EVENT). */
export function sendMenuCommand(
  window: { webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript'> },
  command: MenuCommand,
  log: Logger,
): void {
  const event = `new CustomEvent(${JSON.stringify(MENU_COMMAND_EVENT)}, { detail: ${JSON.stringify(command)} })`
  window.webContents
    .executeJavaScript(`window.dispatchEvent(${event})`)
    .catch((error: unknown) =>
      log.error(`the page did not take the menu command ${command}`, error),
    )
}

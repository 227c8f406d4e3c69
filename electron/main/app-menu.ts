// The application menu, on each OS's conventions: macOS has the app's own menu first (About,
// Settings, Hide, Quit) and a Window menu; Windows and Linux put Settings and Exit under File and
// About under Help. Every command the console has a shortcut for shows it; single keys (`?`, the
// case keys) are shown but not claimed, so typing in a box is never taken over. Every label is
// the catalogue's, in the language the core speaks: the shell builds the menu again when Settings
// change it (see index.ts).
import type { BrowserWindow, Menu, MenuItemConstructorOptions } from 'electron'
import { MENU_COMMAND_EVENT, type MenuCommand, type MenuPlace } from '../core/api/menu-schemas.ts'
import type { Logger } from '../core/common/logger.ts'
import type { shell } from '../core/messages/en/shell.ts'
import { t } from '../core/messages/messages.ts'

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
  /** A menu's or an item's label; macOS shows no access keys, so it gets none. */
  const label: Label = (key) => {
    const words = t(`shell:menu.${key}`)
    return mac ? words.replace(/&(?!&)/g, '') : words
  }
  const settings: MenuItemConstructorOptions = {
    label: label(mac ? 'settingsMac' : 'settings'),
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.go('settings'),
  }
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: t('app:name'),
      submenu: [
        { role: 'about', label: label('about') },
        separator,
        settings,
        separator,
        { role: 'services', label: label('services') },
        separator,
        { role: 'hide', label: label('hide') },
        { role: 'hideOthers', label: label('hideOthers') },
        { role: 'unhide', label: label('unhide') },
        separator,
        { role: 'quit', label: label('quit') },
      ],
    })
  }
  template.push({
    label: label('file'),
    submenu: [
      {
        label: label('syncNow'),
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.command('sync-now'),
      },
      separator,
      ...(mac
        ? [{ role: 'close', label: label('closeWindow') } as const]
        : [settings, separator, { role: 'quit', label: label('exit') } as const]),
    ],
  })
  template.push(editMenu(mac, label))
  template.push({
    label: label('view'),
    submenu: [
      {
        label: label('searchDeliveries'),
        accelerator: 'CmdOrCtrl+K',
        click: () => actions.command('search'),
      },
      { label: label('cases'), accelerator: 'CmdOrCtrl+1', click: () => actions.go('cases') },
      {
        label: label('syncReport'),
        accelerator: 'CmdOrCtrl+2',
        click: () => actions.go('sync-report'),
      },
      separator,
      { role: 'resetZoom', label: label('actualSize') },
      { role: 'zoomIn', label: label('zoomIn') },
      { role: 'zoomOut', label: label('zoomOut') },
      separator,
      { role: 'togglefullscreen', label: label('fullScreen') },
      ...(packaged
        ? []
        : [
            separator,
            { role: 'reload', label: label('reload') } as const,
            { role: 'toggleDevTools', label: label('developerTools') } as const,
          ]),
    ],
  })
  template.push(windowMenu(mac, label))
  template.push({
    role: 'help',
    label: label('help'),
    submenu: [
      {
        label: label('shortcuts'),
        accelerator: '?',
        registerAccelerator: false,
        click: () => actions.command('shortcuts'),
      },
      { label: label('reportProblem'), click: () => actions.reportProblem() },
      ...(mac ? [] : [separator, { role: 'about', label: label('about') } as const]),
    ],
  })
  return template
}

type MenuWord = keyof typeof shell.menu
type Label = (key: MenuWord) => string
const separator = { type: 'separator' } as const

// Edit and Window are spelled out, not Electron's editMenu and windowMenu roles, whose items are
// always English; they hold the items those roles would. ('window' still makes it macOS's Window
// menu, which lists the open windows.)
function editMenu(mac: boolean, label: Label): MenuItemConstructorOptions {
  return {
    label: label('edit'),
    submenu: [
      { role: 'undo', label: label('undo') },
      { role: 'redo', label: label('redo') },
      separator,
      { role: 'cut', label: label('cut') },
      { role: 'copy', label: label('copy') },
      { role: 'paste', label: label('paste') },
      ...(mac
        ? [
            { role: 'pasteAndMatchStyle', label: label('pasteAndMatchStyle') } as const,
            { role: 'delete', label: label('delete') } as const,
            { role: 'selectAll', label: label('selectAll') } as const,
          ]
        : [
            { role: 'delete', label: label('delete') } as const,
            separator,
            { role: 'selectAll', label: label('selectAll') } as const,
          ]),
    ],
  }
}

function windowMenu(mac: boolean, label: Label): MenuItemConstructorOptions {
  return {
    role: 'window',
    label: label('window'),
    submenu: mac
      ? [
          { role: 'minimize', label: label('minimize') },
          { role: 'zoom', label: label('zoom') },
          separator,
          { role: 'front', label: label('bringAllToFront') },
        ]
      : [
          { role: 'minimize', label: label('minimize') },
          { role: 'close', label: label('closeWindow') },
        ],
  }
}

/**
 * Sets the application menu; each call sets it again, in the language spoken then (the shell
 * calls it at start and whenever the core says Settings changed the language).
 */
export function applicationMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  options: MenuOptions,
): () => void {
  return () => menu.setApplicationMenu(menu.buildFromTemplate(menuTemplate(options)))
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

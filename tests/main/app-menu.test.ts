// The application menu on each OS's conventions, and what each entry does: places move the page,
// commands go to the page as one window event, Report a problem saves the diagnostics bundle.
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { MENU_COMMAND_EVENT } from '../../electron/core/api/menu-schemas.ts'
import { speak } from '../../electron/core/messages/messages.ts'
import { menuTemplate, sendMenuCommand } from '../../electron/main/app-menu.ts'

function build(platform: NodeJS.Platform, packaged = true) {
  const did: string[] = []
  const template = menuTemplate({
    platform,
    packaged,
    actions: {
      go: (place) => did.push(`go ${place}`),
      command: (command) => did.push(`command ${command}`),
      reportProblem: () => did.push('report a problem'),
    },
  })
  return { template, did }
}

type Item = MenuItemConstructorOptions
const labels = (items: Item[]) => items.map((i) => i.label ?? i.role ?? i.type)
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[]
const find = (items: Item[], label: string): Item => {
  for (const item of items) {
    if (item.label === label) return item
    const inner = Array.isArray(item.submenu) ? find(item.submenu, label) : null
    if (inner && inner.label === label) return inner
  }
  return {}
}
const click = (item: Item) => (item.click as unknown as () => void)()

afterEach(() => speak({ language: 'en', locale: 'en' }))

describe('the application menu', () => {
  it('follows Windows and Linux: Settings and Exit under File, About under Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform)
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
      expect(labels(submenu(template[0]))).toEqual([
        'Sync now',
        'separator',
        'Settings',
        'separator',
        'E&xit',
      ])
      expect(submenu(template[4]).at(-1)).toMatchObject({ role: 'about' })
    }
  })

  it('follows macOS: the app menu first with About, Settings… and Quit', () => {
    const { template } = build('darwin')
    expect(labels(template)).toEqual(['Porchlight', 'File', 'Edit', 'View', 'Window', 'Help'])
    expect(submenu(template[0]).map((i) => i.role ?? i.label ?? i.type)).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ])
    expect(submenu(template[5]).map((i) => i.label)).toEqual([
      'Keyboard shortcuts',
      'Report a problem…',
    ])
  })

  it('spells out Edit and Window with each OS’s items, so that every label can be translated', () => {
    const roles = (items: Item[]) => items.map((i) => i.role ?? i.type)
    const linux = build('linux').template
    expect(roles(submenu(linux[1]))).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'delete',
      'separator',
      'selectAll',
    ])
    expect(roles(submenu(linux[3]))).toEqual(['minimize', 'close'])
    expect(linux[3]).toMatchObject({ role: 'window' })
    const mac = build('darwin').template
    expect(roles(submenu(mac[4]))).toEqual(['minimize', 'zoom', 'separator', 'front'])
    for (const item of [...submenu(linux[1]), ...submenu(mac[4])]) {
      if (item.type !== 'separator') expect(item.label).toBeTruthy()
    }
  })

  it('speaks the language the core speaks; macOS shows no access keys', () => {
    speak({ language: 'es', locale: 'es' })
    expect(labels(build('win32').template)).toEqual([
      '&Archivo',
      '&Edición',
      '&Ver',
      'Ve&ntana',
      'Ay&uda',
    ])
    const mac = build('darwin').template
    expect(labels(mac)).toEqual(['Porchlight', 'Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda'])
    expect(submenu(mac[0]).at(-1)).toMatchObject({ role: 'quit', label: 'Salir de Porchlight' })
  })

  it('shows the console’s shortcuts, and claims no single key a person types in a box', () => {
    const { template } = build('linux')
    expect(find(template, 'Search deliveries').accelerator).toBe('CmdOrCtrl+K')
    expect(find(template, 'Settings').accelerator).toBe('CmdOrCtrl+,')
    expect(find(template, 'Keyboard shortcuts')).toMatchObject({
      accelerator: '?',
      registerAccelerator: false,
    })
  })

  it('keeps Reload and the developer tools out of the packaged app', () => {
    const roles = (packaged: boolean) =>
      submenu(build('linux', packaged).template[2]).map((i) => i.role)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(true)).not.toContain('reload')
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('moves the page to its places and hands it its commands', () => {
    const { template, did } = build('win32')
    for (const label of [
      'Cases',
      'Sync report',
      'Settings',
      'Search deliveries',
      'Sync now',
      'Keyboard shortcuts',
      'Report a problem…',
    ]) {
      click(find(template, label))
    }
    expect(did).toEqual([
      'go cases',
      'go sync-report',
      'go settings',
      'command search',
      'command sync-now',
      'command shortcuts',
      'report a problem',
    ])
  })

  it('hands a command to the page as one window event with the command as its detail', async () => {
    const ran: string[] = []
    const window = {
      webContents: { executeJavaScript: async (code: string) => void ran.push(code) },
    }
    sendMenuCommand(window as never, 'sync-now', { info() {}, warn() {}, error() {} })
    expect(ran).toEqual([
      `window.dispatchEvent(new CustomEvent("${MENU_COMMAND_EVENT}", { detail: "sync-now" }))`,
    ])
  })
})

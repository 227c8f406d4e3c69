// The desktop shell speaks the core's language: the application menu is set again in Spanish
// when Settings choose Spanish, the notification after an outage is in Spanish, and the next start
// asks its first questions (another delivery service) in the language spoken last. A real core
// against the demo service; Electron's Menu, Notification and dialog are replaced.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore } from '../../electron/core/app/memory-token-store.ts'
import { createPorchlight } from '../../electron/core/app/porchlight.ts'
import type { PorchlightCore } from '../../electron/core/app/types.ts'
import { OtherServiceCacheError } from '../../electron/core/cache-identity/choose-cache.ts'
import { startDemoService, type DemoService } from '../../electron/core/demo-service/index.ts'
import type { Speaking } from '../../electron/core/messages/languages.ts'
import { speak } from '../../electron/core/messages/messages.ts'
import { applicationMenu } from '../../electron/main/app-menu.ts'
import { askAboutOtherService } from '../../electron/main/other-service-dialog.ts'
import {
  readSpokenLanguage,
  rememberSpokenLanguage,
  speakAsLastTime,
} from '../../electron/main/shell-language.ts'
import { createSyncNotifier } from '../../electron/main/sync-notifications.ts'

type Item = MenuItemConstructorOptions
const log = { info: () => {}, warn: () => {}, error: () => {} }

/** Electron's Menu, keeping each template it was given. */
function fakeMenu() {
  const set: Item[][] = []
  return {
    set,
    Menu: {
      buildFromTemplate: (template: Item[]) => template as never,
      setApplicationMenu: (menu: unknown) => void set.push(menu as Item[]),
    },
  }
}

const labels = (items: Item[]) => items.map((item) => item.label)
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[]

let service: DemoService
let dataDir: string
let core: PorchlightCore | null = null
const spoken: Speaking[] = []
const menu = fakeMenu()

beforeAll(async () => {
  service = await startDemoService({ seed: 5, deliveries: 8 })
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-shell-language-'))
  const setMenu = applicationMenu(menu.Menu, {
    platform: 'linux',
    packaged: true,
    actions: { go: () => {}, command: () => {}, reportProblem: () => {} },
  })
  core = await createPorchlight({
    dataDir,
    service: { kind: 'remote', url: service.url },
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    retentionIntervalMs: 0,
    log,
    systemLocales: ['en-US'],
    // What the shell does (electron/main/index.ts): keep the language, set the menu again.
    onLanguage: (speaking) => {
      spoken.push(speaking)
      rememberSpokenLanguage(dataDir, speaking, log)
      setMenu()
    },
  })
})

afterAll(async () => {
  await core?.close()
  await service?.close()
  rmSync(dataDir, { recursive: true, force: true })
  speak({ language: 'en', locale: 'en' })
})

describe('the shell in the language Settings choose', () => {
  it('sets the menu in English at start, and again in Spanish when Settings choose Spanish', async () => {
    expect(spoken).toEqual([{ language: 'en', locale: 'en-US' }])
    expect(labels(menu.set.at(-1)!)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])

    await core!.handlers.signIn({ username: 'agent', password: 'demo-agent' })
    await core!.handlers.updateSettings({ language: 'es' })

    expect(spoken.at(-1)).toEqual({ language: 'es', locale: 'es' })
    const spanish = menu.set.at(-1)!
    expect(labels(spanish)).toEqual(['&Archivo', '&Edición', '&Ver', 'Ve&ntana', 'Ay&uda'])
    expect(labels(submenu(spanish[0]))).toEqual([
      'Sincronizar ahora',
      undefined,
      'Ajustes',
      undefined,
      '&Salir',
    ])
    expect(labels(submenu(spanish[1]))).toContain('Pegar')
    expect(labels(submenu(spanish[2]))).toEqual(
      expect.arrayContaining(['Buscar entregas', 'Casos', 'Informe de sincronización']),
    )
    expect(labels(submenu(spanish[4]))).toEqual([
      'Atajos de teclado',
      'Informar de un problema…',
      undefined,
      'Acerca de Porchlight',
    ])
  })

  it('says the news after an outage in Spanish', () => {
    const shown: Array<{ title: string; body: string }> = []
    class Notification {
      static isSupported = () => true
      readonly options: { title: string; body: string }
      constructor(options: { title: string; body: string }) {
        this.options = options
      }
      on() {
        return this
      }
      show() {
        shown.push(this.options)
      }
    }
    createSyncNotifier({ Notification, show: () => {}, log })({ sentAfterOutage: 3, conflicts: 0 })
    expect(shown).toEqual([
      {
        title: 'De nuevo con conexión',
        body: 'Se enviaron los 3 cambios que hizo sin conexión.',
        silent: true,
      },
    ])
  })

  it('starts next time in the language spoken last, before the settings are read', async () => {
    expect(readSpokenLanguage(dataDir)).toEqual({ language: 'es', locale: 'es' })
    speak({ language: 'en', locale: 'en' })
    expect(speakAsLastTime(dataDir, ['en-US'])).toEqual({ language: 'es', locale: 'es' })

    const asked: MessageBoxOptions[] = []
    const dialog = {
      showMessageBox: (async (options: MessageBoxOptions) => {
        asked.push(options)
        return { response: 1, checkboxChecked: false }
      }) as never,
    }
    const refusal = new OtherServiceCacheError({
      dataDir,
      cachedFrom: { url: 'https://a.example', identity: null, boundAt: '2025-05-01T08:00:00Z' },
      asked: { url: 'https://b.example', identity: null },
      unsentChanges: 2,
      unconfirmed: false,
    })
    expect(await askAboutOtherService(dialog, refusal)).toBe('quit')
    expect(asked[0]).toMatchObject({
      message: 'Los datos de este equipo vienen de otro servicio de entregas',
      buttons: ['Iniciar una caché aparte para https://b.example', 'Salir'],
    })
    expect(asked[0]!.detail).toContain(
      'Aún contienen 2 cambios de casos sin enviar a https://a.example.',
    )
  })

  it('without a language kept, speaks the system’s', () => {
    const empty = mkdtempSync(join(tmpdir(), 'porchlight-shell-language-none-'))
    try {
      expect(speakAsLastTime(empty, ['es-MX', 'en-US'])).toEqual({
        language: 'es',
        locale: 'es-MX',
      })
      expect(speakAsLastTime(empty, ['de-DE'])).toEqual({ language: 'en', locale: 'en' })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

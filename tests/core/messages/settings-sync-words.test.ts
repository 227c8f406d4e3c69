// The core's words about settings and the sync follow the language spoken: Spanish once Settings
// choose it, back to English after. Each is read where it is made (the template checks, a map
// file's problem, the sync's errors and news, a wait the service asked for, a purged photo).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serviceWaitWords, requestWords } from '../../../electron/core/api/service-wait-schemas.ts'
import { ticketUrlTemplateProblem } from '../../../electron/core/api/ticket-url-template.ts'
import { tileUrlTemplateProblem } from '../../../electron/core/api/tile-url-template.ts'
import { TileServerSchema } from '../../../electron/core/api/map-schemas.ts'
import { syncNewsWords } from '../../../electron/core/app/sync-news.ts'
import { createMapFileRegistry } from '../../../electron/core/map-tiles/map-files.ts'
import { speak } from '../../../electron/core/messages/messages.ts'
import { purgedPhotoReason } from '../../../electron/core/retention/retention.ts'

const spanish = () => speak({ language: 'es', locale: 'es-ES' })
afterEach(() => speak({ language: 'en', locale: 'en' }))

describe('the core’s words about settings and the sync', () => {
  it('check the two templates in the language spoken', () => {
    spanish()
    expect(tileUrlTemplateProblem('http://tiles.example.com/{z}/{x}/{y}.png')).toBe(
      'La dirección debe empezar por https:// (http simple solo se permite para un servidor en este equipo).',
    )
    expect(ticketUrlTemplateProblem('https://x.example/')).toBe(
      'La dirección debe contener {ticket} exactamente una vez, por ejemplo https://example.zendesk.com/agent/tickets/{ticket}',
    )
    const checked = TileServerSchema.safeParse({
      enabled: true,
      urlTemplate: 'https://tiles.example.com/{z}/{x}/{y}.png',
      attribution: ' ',
      maxZoom: 19,
    })
    expect(checked.error?.issues.map((issue) => issue.message)).toEqual([
      'Indique de quién es el mapa: las condiciones del servidor exigen la atribución.',
    ])
  })

  it('word a map file’s problem when it is read, not when it was found', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-words-'))
    try {
      mkdirSync(join(dataDir, 'maps'))
      writeFileSync(join(dataDir, 'maps', 'broken.mbtiles'), 'not a database')
      const registry = createMapFileRegistry({
        dataDir,
        demoBasemap: null,
        loadAdded: () => [],
        saveAdded: () => {},
      })
      registry.refresh()
      expect(registry.entries().map((e) => e.problem)).toEqual([
        'broken.mbtiles is not an MBTiles file: it is not an SQLite database.',
      ])
      spanish()
      expect(registry.entries().map((e) => e.problem)).toEqual([
        'broken.mbtiles no es un archivo MBTiles: no es una base de datos SQLite.',
      ])
      registry.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('say a wait, the news after an outage and a purged photo in the language spoken', () => {
    const until = new Date(2026, 11, 3, 14, 32)
    spanish()
    expect(serviceWaitWords(until)).toBe('El servicio de entregas pidió esperar hasta las 14:32')
    expect(requestWords('photo')).toBe('una descarga de foto')
    expect(syncNewsWords({ sentAfterOutage: 1234, conflicts: 1 })).toEqual({
      title: 'Un cambio necesita su decisión',
      body: 'Se enviaron los 1234 cambios que hizo sin conexión. Un cambio necesita su decisión: su caso cambió en el servicio.',
    })
    expect(purgedPhotoReason(30)).toMatch(
      /^No se guarda en este equipo: las fotos de más de 30 días/,
    )
    speak({ language: 'en', locale: 'en' })
    expect(syncNewsWords({ sentAfterOutage: 1234, conflicts: 0 })).toEqual({
      title: 'Back online',
      body: 'The 1,234 changes you made while offline were sent.',
    })
  })
})

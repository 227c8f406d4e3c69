// The proof-of-delivery sheet for the customer: what it holds (read back from the PDF's text, and
// the photo's own pixels in the PNG) and what it must never hold (notes, claim counts, the
// driver, other customers); refused for a withheld delivery whatever the page asks; every sheet
// made is in the audit log; a desktop save goes where the person chose, owner-only; and it speaks
// the language the agent's Settings choose (read back with pdftotext).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import sharp from 'sharp'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { createProofSheets } from '../../../electron/core/proof-sheet/proof-sheets.ts'
import { photoBoxes } from '../../../electron/core/proof-sheet/sheet-png.ts'
import {
  signedInConsole,
  startDeskService,
  tempDirs,
  type DeskService,
  type TestConsole,
} from '../cases/desk-harness.ts'

let svc: DeskService
let desk: TestConsole
let delivery: DeliveryDraft
const dirs = tempDirs()
const quiet = { info: () => {}, warn: () => {}, error: () => {} }
const NOTE = 'Internal: the driver has two earlier complaints.'

beforeAll(async () => {
  svc = await startDeskService({ seed: 51 })
  delivery = svc.deliveries()[0]!
  expect(delivery.photos.length).toBeGreaterThan(0)
  desk = await signedInConsole(svc.front.url, dirs.make())
  // A case with an internal note, so the sheet has something internal it must leave out.
  await desk.h.openCase({ deliveryId: delivery.id, reason: 'not_received', note: NOTE })
})
afterAll(async () => {
  await desk?.close()
  await svc?.stop()
  dirs.removeAll()
})

const sheetEntries = () => {
  const db = new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite'), { readonly: true })
  try {
    return db
      .prepare<[], { actor_id: string; payload_json: string }>(
        "SELECT actor_id, payload_json FROM audit_log WHERE kind = 'proof-sheet' ORDER BY seq",
      )
      .all()
      .map((row) => ({ actorId: row.actor_id, ...JSON.parse(row.payload_json) }))
  } finally {
    db.close()
  }
}

describe('the proof-of-delivery sheet', () => {
  it('holds the order, the local time, the place and the distance, and nothing internal', async () => {
    const made = await desk.h.makeProofSheet({
      deliveryId: delivery.id,
      caseId: null,
      format: 'pdf',
      to: 'file',
    })
    // Browser mode (and this test's console) hands the bytes back for the page to save.
    expect(made).toMatchObject({ made: true, savedTo: null })
    expect(made.fileName).toBe(`proof-of-delivery-${delivery.orderId}.pdf`)
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(made.base64!, 'base64')))
    expect(pdf.numPages).toBe(1)
    const { text } = await extractText(pdf, { mergePages: true })
    const shown = await desk.h.getDelivery({ id: delivery.id })
    expect(text).toContain('Proof of delivery')
    expect(text).toContain(delivery.orderId)
    expect(text).toContain(delivery.trackingNumber)
    expect(text).toContain(delivery.address.line1)
    // The distance is the screen's figure, in the screen's words.
    const distance = shown!.locationCheck.dropOffDistanceM
    if (distance !== null) {
      const metres = Math.round(distance).toLocaleString('en-US')
      expect(text).toMatch(new RegExp(`${metres} m\\s+from\\s+the\\s+address`))
    }
    // Lines may wrap anywhere a space is.
    if (shown!.timeZone) expect(text).toMatch(/local\s+time\s+at\s+the\s+address/i)
    // Nothing internal: no note, no driver, no claim counts, no other customer.
    expect(text).not.toContain(NOTE)
    expect(text).not.toContain(delivery.driver.name)
    expect(text).not.toContain(delivery.driver.id)
    expect(text).not.toMatch(/claim/i)
    for (const other of svc.deliveries().filter((d) => d.customer.id !== delivery.customer.id)) {
      expect(text).not.toContain(other.customer.name)
    }
  })

  it('as an image, shows the photo itself', async () => {
    const made = await desk.h.makeProofSheet({
      deliveryId: delivery.id,
      caseId: null,
      format: 'png',
      to: 'clipboard',
    })
    const png = Buffer.from(made.base64!, 'base64')
    const meta = await sharp(png).metadata()
    expect(meta).toMatchObject({ format: 'png', width: 1240, height: 1754 })
    // The first photo's box on the page holds that photo, shrunk to fit.
    const photo = await desk.core.resolvePhoto(delivery.photos[0]!.id)
    if (!photo.ok) throw new Error(photo.reason)
    const shown = Math.min(2, delivery.photos.length)
    const box = photoBoxes(shown)[0]!
    const expected = await sharp(photo.path)
      .rotate()
      .resize(box.width, box.height, { fit: 'inside' })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const left = box.x + Math.floor((box.width - expected.info.width) / 2)
    const top = box.y + Math.floor((box.height - expected.info.height) / 2)
    const region = await sharp(png)
      .extract({ left, top, width: expected.info.width, height: expected.info.height })
      .removeAlpha()
      .raw()
      .toBuffer()
    let difference = 0
    for (let i = 0; i < region.length; i++) difference += Math.abs(region[i]! - expected.data[i]!)
    expect(difference / region.length).toBeLessThan(2)
  })

  it('is refused for a withheld delivery, whatever the page asks, and nothing is recorded', async () => {
    const withheld = svc.deliveries()[1]!
    svc.service.world.updateDelivery(withheld.id, { photoWithheld: 'gift_or_registry' })
    await desk.core.syncOnce()
    const before = sheetEntries().length
    for (const format of ['pdf', 'png'] as const) {
      expect(
        await dispatchCall(
          desk.core,
          'makeProofSheet',
          { deliveryId: withheld.id, caseId: null, format, to: 'file' },
          quiet,
        ),
      ).toMatchObject({ ok: false, error: { code: 'photo-withheld' } })
    }
    // A PDF cannot be put on the clipboard: refused at the edge, in words.
    expect(
      await dispatchCall(
        desk.core,
        'makeProofSheet',
        { deliveryId: delivery.id, caseId: null, format: 'pdf', to: 'clipboard' },
        quiet,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(sheetEntries()).toHaveLength(before)
  })

  it('writes every sheet made to the audit log, with who made it', () => {
    const entries = sheetEntries()
    expect(entries.map((e) => [e.format, e.to])).toEqual([
      ['pdf', 'file'],
      ['png', 'clipboard'],
    ])
    expect(entries[0]).toMatchObject({
      actorId: 'u_alex_rivera',
      deliveryId: delivery.id,
      photoIds: delivery.photos
        .slice(0, 2)
        .map((p) => p.id)
        .join(' '),
    })
  })

  it('in the desktop app, saves where the person chose, owner-only; a cancelled save makes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'porchlight-sheet-save-'))
    try {
      let answer: string | null = join(folder, 'for-the-customer.pdf')
      const asked: string[] = []
      const sheets = createProofSheets({
        sqlite: new BetterSqlite3(join(desk.dataDir, 'porchlight.sqlite')),
        currentUser: () => ({ id: 'u_alex_rivera', name: 'Alex Rivera', role: 'agent' }),
        delivery: (id) => desk.h.getDelivery({ id }),
        photoFile: async (id) => {
          const file = await desk.core.resolvePhoto(id)
          return file.ok ? file : { ok: false, reason: file.reason }
        },
        destination: {
          downloadable: false,
          choose: async (name, _format, words) => {
            asked.push(`${words?.title}: ${name}`)
            return answer
          },
        },
      })
      const arg = { deliveryId: delivery.id, caseId: null, format: 'pdf', to: 'file' } as const
      const saved = await sheets.handlers.makeProofSheet(arg)
      expect(saved).toMatchObject({ made: true, base64: null, savedTo: answer })
      expect(readFileSync(answer!).subarray(0, 5).toString()).toBe('%PDF-')
      expect(statSync(answer!).mode & 0o777).toBe(0o600)
      expect(asked).toEqual([
        `Save the proof-of-delivery sheet: proof-of-delivery-${delivery.orderId}.pdf`,
      ])
      const before = sheetEntries().length
      answer = null
      expect(await sheets.handlers.makeProofSheet(arg)).toMatchObject({ made: false })
      expect(sheetEntries()).toHaveLength(before)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('speaks the language Settings choose: Spanish words, dates and numbers, then English again', async () => {
    const { language: before } = await desk.h.getSettings(undefined)
    await desk.h.updateSettings({ language: 'es' })
    try {
      const made = await desk.h.makeProofSheet({
        deliveryId: delivery.id,
        caseId: null,
        format: 'pdf',
        to: 'file',
      })
      expect(made.fileName).toBe(`comprobante-de-entrega-${delivery.orderId}.pdf`)
      const file = join(desk.dataDir, 'sheet-es.pdf')
      writeFileSync(file, Buffer.from(made.base64!, 'base64'))
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ')
      const shown = await desk.h.getDelivery({ id: delivery.id })
      expect(text).toContain('Comprobante de entrega')
      expect(text).toContain(
        `Pedido ${delivery.orderId} · Número de seguimiento ${delivery.trackingNumber}`,
      )
      // The long date the Spanish way ("martes, 13 de octubre de 2026, 18:42:31 …").
      expect(text).toMatch(
        /Entregado el (lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de [a-z]+ de \d{4}/,
      )
      if (shown!.timeZone) expect(text).toContain('Hora local en la dirección')
      expect(text).toContain('Dónde se dejó:')
      const distance = shown!.locationCheck.dropOffDistanceM
      if (distance !== null) {
        const metres = new Intl.NumberFormat('es').format(Math.round(distance))
        expect(text).toContain(
          `El repartidor marcó el paquete como entregado a ${metres} m de la dirección.`,
        )
      }
      expect(text).toMatch(/Foto tomada el \d+ [a-z]+ \d{4}/)
      expect(text).toMatch(/Generado el \d+ [a-z]+ \d{4}, .* a partir del registro de esta entrega/)
      expect(text).not.toContain('Proof of delivery')

      // The refusal for a withheld delivery is said in Spanish too.
      const withheld = svc.deliveries()[2]!
      svc.service.world.updateDelivery(withheld.id, { photoWithheld: 'gift_or_registry' })
      await desk.core.syncOnce()
      expect(
        await dispatchCall(
          desk.core,
          'makeProofSheet',
          { deliveryId: withheld.id, caseId: null, format: 'pdf', to: 'file' },
          quiet,
        ),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'photo-withheld',
          message:
            'No se genera comprobante de entrega para esta entrega: Pedido de regalo o de lista: las fotos se retienen para no arruinar la sorpresa.',
        },
      })
    } finally {
      await desk.h.updateSettings({ language: before })
    }
    const english = await desk.h.makeProofSheet({
      deliveryId: delivery.id,
      caseId: null,
      format: 'png',
      to: 'clipboard',
    })
    expect(english.fileName).toBe(`proof-of-delivery-${delivery.orderId}.png`)
  })
})

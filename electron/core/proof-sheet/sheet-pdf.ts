// The proof-of-delivery sheet as a one-page PDF: the words of sheet-content.ts, the photos, and
// the small map of where the parcel was left (drawn as the case report draws it).
import PDFDocument from 'pdfkit'
import { drawMapPanel } from '../reports/pdf-map-panel.ts'
import { registerPdfFonts, writeText } from '../reports/pdf-scripts.ts'
import type { SheetContent } from './sheet-content.ts'

const MARGIN = 48
const INK = '#212121'
const MUTED = '#546e7a'

/** The sheet as PDF bytes. */
export async function renderSheetPdf(sheet: SheetContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${sheet.title} · ${sheet.orderLine}`, Creator: 'Porchlight' },
  })
  registerPdfFonts(doc)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve) => doc.on('end', resolve))
  const width = doc.page.width - 2 * MARGIN

  doc.font('Bold').fontSize(22).fillColor(INK).text(sheet.title)
  doc.moveDown(0.2).font('Body').fontSize(11).fillColor(MUTED).text(sheet.orderLine)
  doc.moveDown(0.8).font('Bold').fontSize(12).fillColor(INK).text(sheet.deliveredLine)
  if (sheet.deliveredNote) doc.font('Body').fontSize(10).fillColor(MUTED).text(sheet.deliveredNote)
  doc.fillColor(INK)
  doc.moveDown(0.5).font('Body').fontSize(11)
  // The address may be in any script.
  for (const line of sheet.addressLines) writeText(doc, line, 'Body')
  doc.moveDown(0.5).text(sheet.leftAtLine)
  doc.text(sheet.distanceLine)

  // The photos side by side (one alone takes the width), each with its caption.
  const top = doc.y + 16
  const gap = 12
  const count = Math.max(1, sheet.photos.length)
  const boxW = (width - gap * (count - 1)) / count
  const boxH = Math.min(boxW * 0.75, 330)
  sheet.photos.forEach((photo, index) => {
    const x = MARGIN + index * (boxW + gap)
    doc.image(photo.path, x, top, { fit: [boxW, boxH], align: 'center', valign: 'center' })
    doc
      .font('Body')
      .fontSize(9)
      .fillColor(MUTED)
      .text(photo.caption, x, top + boxH + 4, { width: boxW, align: 'center' })
  })

  const mapTop = top + boxH + 30
  const mapH = Math.min(220, doc.page.height - MARGIN - mapTop - 40)
  drawMapPanel(
    doc,
    { x: MARGIN, y: mapTop, width, height: mapH },
    {
      address: sheet.map.address,
      dropOff: sheet.map.dropOff,
      photos: sheet.photos.flatMap((p) => (p.location ? [p.location] : [])),
      flagged: false,
    },
  )
  doc
    .font('Body')
    .fontSize(9)
    .fillColor(MUTED)
    .text(sheet.footer, MARGIN, mapTop + mapH + 10, { width })
  doc.end()
  await ended
  return Buffer.concat(chunks)
}

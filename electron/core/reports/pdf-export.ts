// The PDF case report (pdfkit): a cover with the period, the filters and the figures, then a page
// per case: its facts, the resolution, the photo (a downscaled copy of the verified local file,
// or why there is none) beside a map panel drawn from the fixes, and the case's timeline. Every
// page carries its number, when the report was made and by whom.
//
// Withheld photos are never read, let alone drawn: a withheld delivery keeps no photo rows, and
// this module does not look for one when the delivery says its photos are withheld.
import { createWriteStream, existsSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import type BetterSqlite3 from 'better-sqlite3'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import type { ReportFigures } from '../api/report-schemas.ts'
import { createCaseViews, type CaseViewContext } from '../cases/case-views.ts'
import { createEvidenceReader } from '../cases/evidence-snapshot.ts'
import { MAX_PHOTO_PIXELS } from '../photos/thumbnails.ts'
import { photoFilePath } from '../photos/photo-files.ts'
import { registerPdfFonts, writeText } from './pdf-scripts.ts'
import { drawMapPanel, MAP_COLOURS } from './pdf-map-panel.ts'
import { formatDateTime, formatDistance, formatHours, formatShare } from '../api/display-format.ts'
import {
  deliveryStatusText,
  dropOffSpotText,
  personName,
  REASON_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
} from '../api/display-words.ts'
import { deliveryTimeZone } from '../deliveries/delivery-time-zone.ts'
import { photosOfDeliveryInOrder } from '../deliveries/photo-table.ts'
import { addressText, isAway, type ReportCase } from './report-cases.ts'
import { readableTime } from './report-period.ts'
import { filtersInWords, summaryLines, type SummaryValue } from './summary-lines.ts'

type Doc = InstanceType<typeof PDFDocument>

/** Case pages in one PDF at most; the cover says when the selection had more. */
export const MAX_PDF_CASES = 1000
/** The photo's longest side in the PDF, pixels: sharp enough on paper, ~50 kB a page. */
const PHOTO_PIXELS = 720
/** Output allowed to wait for the disk before the next page is drawn. */
const MAX_PENDING_BYTES = 4 << 20

const WITHHELD_WORDS: Record<string, string> = {
  customer_opted_out: 'The customer opted out of delivery photos.',
  confidential_address: 'This is a confidential address; photos are not kept.',
  gift_or_registry: 'Gift or registry order: photos are withheld to protect the surprise.',
}

export function withheldWords(reason: string): string {
  return WITHHELD_WORDS[reason] ?? 'Photos of this delivery are withheld.'
}

export interface PdfOptions {
  file: string
  sqlite: BetterSqlite3.Database
  dataDir: string
  figures: ReportFigures
  /** The selected cases, at most MAX_PDF_CASES of them. */
  cases: AsyncIterable<ReportCase>
  /** How many cases the selection has in all. */
  selected: number
  generatedBy: { id: string; name: string }
  userName: (id: string | null) => string | null
  filterNames?: { driver?: string | null; agent?: string | null }
  onRow: (written: number) => void
  signal: AbortSignal
}

const PAGE = { width: 612, height: 792, margin: 48 }
const INNER = PAGE.width - 2 * PAGE.margin
const GREY = '#607d8b'
const INK = '#212121'

export async function writePdf(options: PdfOptions): Promise<number> {
  const { figures } = options
  const tz = figures.filters.timeZone
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: PAGE.margin, bottom: PAGE.margin + 14, left: PAGE.margin, right: PAGE.margin },
    info: {
      Title: `Porchlight case report ${figures.filters.from} to ${figures.filters.to}`,
      Author: options.generatedBy.name,
      Creator: 'Porchlight',
    },
  })
  registerPdfFonts(doc)
  // Each page gets its footer as it is made: pages are written out as soon as the next one starts,
  // so a thousand case pages never sit in memory together.
  let pageNumber = 1
  const footer = () => drawFooter(doc, options, tz, pageNumber)
  footer()
  doc.on('pageAdded', () => {
    pageNumber++
    footer()
  })
  const out = createWriteStream(options.file, { mode: 0o600 })
  doc.pipe(out)

  const photos = photosOfDeliveryInOrder.on(options.sqlite)
  const views = createCaseViews(options.sqlite)
  const evidence = createEvidenceReader(options.sqlite)
  const context: CaseViewContext = {
    meId: options.generatedBy.id,
    firstActionTargetHours: 24,
    locationThresholdM: figures.locationThresholdM,
    currentEvidence: (deliveryId) =>
      evidence(deliveryId, figures.locationThresholdM, figures.generatedAt),
    userName: options.userName,
  }

  try {
    drawCover(doc, options)
    let written = 0
    for await (const c of options.cases) {
      options.signal.throwIfAborted()
      doc.addPage()
      const rows =
        c.delivery && c.delivery.photoWithheld === null
          ? photos.all({ deliveryId: c.deliveryId })
          : []
      const shown = rows.find((p) => p.state === 'stored' && p.display_error === null)
      let photo: Buffer | null = null
      if (shown) {
        const path = photoFilePath(options.dataDir, shown.sha256)
        if (existsSync(path)) photo = await downscale(path)
      }
      const detail = views.detail(c.id, context)
      drawCasePage(doc, c, {
        tz,
        thresholdM: figures.locationThresholdM,
        photo,
        photoNote: photoNote(c, rows.length, shown !== undefined, photo !== null),
        photoFixes: rows
          .filter((p) => p.lat !== null && p.lng !== null)
          .map((p) => ({ lat: p.lat!, lng: p.lng!, accuracyM: p.accuracy_m })),
        photoCount: rows.length,
        timeline: detail?.timeline ?? [],
        evidenceChanges: detail?.evidenceChanges ?? [],
        userName: options.userName,
      })
      options.onRow(++written)
      // sharp works off the main thread, but pdfkit draws on it: let other work in between. And
      // pdfkit pushes its output whether or not the file keeps up: wait for the file when it
      // falls behind, so that pages do not pile up in memory on a slow disk.
      await new Promise<void>((resolve) => setImmediate(resolve))
      while (doc.readableLength + out.writableLength > MAX_PENDING_BYTES)
        await new Promise((resolve) => setTimeout(resolve, 2))
    }
    doc.end()
    await finished(out)
    return written
  } catch (error) {
    doc.unpipe(out)
    out.destroy()
    throw error
  }
}

async function downscale(path: string): Promise<Buffer | null> {
  try {
    return await sharp(path, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_PIXELS, PHOTO_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .timeout({ seconds: 20 })
      .toBuffer()
  } catch {
    return null
  }
}

function photoNote(c: ReportCase, count: number, stored: boolean, drawn: boolean): string | null {
  if (!c.delivery) return 'The delivery is not in the local copy, so neither is its photo.'
  if (c.delivery.photoWithheld) return `Photo withheld. ${withheldWords(c.delivery.photoWithheld)}`
  if (count === 0) return 'The driver took no photo of this delivery.'
  if (!stored) return 'The photo has not been downloaded to this computer yet.'
  if (!drawn) return 'The photo file could not be read.'
  return null
}

function valueText(v: SummaryValue): string {
  switch (v.kind) {
    case 'count':
      return v.value.toLocaleString('en-US')
    case 'share':
      return formatShare(v.value, 'en-US')
    case 'hours':
      return formatHours(v.value, 'en-US')
    case 'text':
      return v.value
  }
}

function drawCover(doc: Doc, options: PdfOptions): void {
  const { figures } = options
  const f = figures.filters
  doc.font('Bold').fontSize(20).fillColor(INK).text('Missing-package case report')
  doc.moveDown(0.3)
  doc
    .font('Body')
    .fontSize(11)
    .fillColor(GREY)
    .text(`Period: ${f.from} to ${f.to} (days in ${f.timeZone})`)
  // Names may be in any script.
  writeText(doc, `Filters: ${filtersInWords(f, options.filterNames)}`, 'Body')
  writeText(
    doc,
    `Generated ${readableTime(figures.generatedAt, f.timeZone)} by ${options.generatedBy.name}`,
    'Body',
  )
  const pages =
    options.selected === 0
      ? 'No case was opened in the period with these filters, so this report has no case pages.'
      : options.selected > MAX_PDF_CASES
        ? `Case pages: the first ${MAX_PDF_CASES.toLocaleString('en-US')} of ${options.selected.toLocaleString('en-US')} cases opened in the period, oldest first. Narrow the period or the filters for the rest.`
        : `Case pages: the ${options.selected.toLocaleString('en-US')} case${options.selected === 1 ? '' : 's'} opened in the period, oldest first.`
  doc.moveDown(0.5).fillColor(INK).text(pages)
  doc.moveDown(0.8)

  for (const line of summaryLines(figures)) {
    if (doc.y > PAGE.height - PAGE.margin - 40) doc.addPage()
    if (line.heading) {
      doc.moveDown(0.4).font('Bold').fontSize(11).fillColor(INK).text(line.label)
      doc
        .moveTo(PAGE.margin, doc.y + 1)
        .lineTo(PAGE.margin + INNER, doc.y + 1)
        .lineWidth(0.5)
        .strokeColor('#cfd8dc')
        .stroke()
      doc.moveDown(0.25)
      continue
    }
    const y = doc.y
    doc.font('Body').fontSize(9.5).fillColor(INK)
    // The PDF writes a duration with its own unit ("5.5 h", "2.3 d"), as the screen does.
    const label = line.value.kind === 'hours' ? line.label.replace(' (hours)', '') : line.label
    doc.text(label, PAGE.margin, y, { width: INNER - 110 })
    const after = doc.y
    doc.text(valueText(line.value), PAGE.margin + INNER - 100, y, { width: 100, align: 'right' })
    doc.x = PAGE.margin
    doc.y = Math.max(after, doc.y) + 1.5
  }
}

interface CasePageParts {
  tz: string
  thresholdM: number
  photo: Buffer | null
  photoNote: string | null
  photoFixes: Array<{ lat: number; lng: number; accuracyM: number | null }>
  photoCount: number
  timeline: Array<{ at: string; actorName: string | null; text: string; send: string }>
  evidenceChanges: string[]
  userName: (id: string | null) => string | null
}

function drawCasePage(doc: Doc, c: ReportCase, parts: CasePageParts): void {
  const d = c.delivery
  const person = (id: string | null) => (id ? personName(id, parts.userName(id)) : 'nobody')
  doc.font('Bold').fontSize(15).fillColor(INK).text(`Order ${c.orderId}`, PAGE.margin, PAGE.margin)
  doc.font('Body').fontSize(8.5).fillColor(GREY).text(`Case ${c.id} · delivery ${c.deliveryId}`)
  const status = STATUS_LABELS[c.status]
  doc
    .font('Bold')
    .fontSize(10)
    .fillColor(c.status === 'resolved' ? '#2e7d32' : '#ef6c00')
    .text(status, PAGE.margin, PAGE.margin + 3, { width: INNER, align: 'right' })
  doc.y = PAGE.margin + 40

  const facts: Array<[string, string]> = [
    ['Reason', REASON_LABELS[c.reason]],
    ['Opened', `${readableTime(c.openedAt, parts.tz)} by ${person(c.openedBy)}`],
    ['Assigned to', person(c.assigneeId)],
    ['Ticket', c.ticket ?? 'none'],
    [
      'Delivered',
      d?.deliveredAt
        ? `${readableTime(d.deliveredAt, parts.tz)} (${deliveryStatusText(d.status)}); at the address ${formatDateTime(d.deliveredAt, { timeZone: deliveryTimeZone({ lat: d.addressLat, lng: d.addressLng }, { lat: d.dropLat, lng: d.dropLng }), locale: 'en-US' })}`
        : 'not recorded',
    ],
    ['Tracking number', d?.trackingNumber ?? '—'],
    ['Customer', d?.customerName ?? '—'],
    ['Address', d ? `${addressText(d)}, ${d.country}` : 'not in the local copy'],
    ['Driver', d ? `${d.driverName} (${d.driverId})` : '—'],
    ['Left at', d ? dropOffSpotText(d.dropSpot) : '—'],
  ]
  if (d?.dropNote) facts.push(["Driver's note", d.dropNote])
  if (d) {
    const distances = [
      d.dropDistanceM !== null
        ? `drop-off ${formatDistance(d.dropDistanceM, 'en-US')} from the address`
        : null,
      d.photoDistanceM !== null
        ? `farthest photo ${formatDistance(d.photoDistanceM, 'en-US')}`
        : null,
    ].filter(Boolean)
    facts.push([
      'Distances',
      distances.length ? distances.join(', ') : 'the address has no position',
    ])
    facts.push([
      'Location flag',
      isAway(d, parts.thresholdM)
        ? `Delivered away from the address: ${formatDistance(d.awayM ?? 0, 'en-US')} beyond the fix's accuracy (threshold ${formatDistance(parts.thresholdM, 'en-US')})`
        : `Not flagged (threshold ${formatDistance(parts.thresholdM, 'en-US')} beyond the fix's accuracy)`,
    ])
  }
  drawFacts(doc, facts)

  // Photo and map, side by side.
  const top = doc.y + 8
  const boxW = (INNER - 12) / 2
  const boxH = boxW * 0.75
  drawPhotoBox(doc, { x: PAGE.margin, y: top, width: boxW, height: boxH }, parts)
  drawMapPanel(
    doc,
    { x: PAGE.margin + boxW + 12, y: top, width: boxW, height: boxH },
    {
      address:
        d && d.addressLat !== null && d.addressLng !== null
          ? { lat: d.addressLat, lng: d.addressLng }
          : null,
      dropOff:
        d && d.dropLat !== null && d.dropLng !== null
          ? { lat: d.dropLat, lng: d.dropLng, accuracyM: d.dropAccuracyM }
          : null,
      photos: parts.photoFixes,
      flagged: isAway(d, parts.thresholdM),
    },
  )
  drawLegend(doc, PAGE.margin + boxW + 12, top + boxH + 4, boxW)
  doc.x = PAGE.margin
  doc.y = top + boxH + 22

  section(doc, 'Resolution')
  if (c.resolution) {
    doc.font('Body').fontSize(9.5).fillColor(INK)
    writeText(
      doc,
      `${RESOLUTION_LABELS[c.resolution.code]} on ${readableTime(c.resolution.resolvedAt, parts.tz)} by ${person(c.resolution.resolvedBy)}`,
      'Body',
    )
    if (c.resolution.note) writeText(doc.fillColor(GREY), c.resolution.note, 'Body')
  } else {
    doc.font('Body').fontSize(9.5).fillColor(GREY).text('Not resolved.')
  }
  if (parts.evidenceChanges.length) {
    section(doc, 'Evidence changed since the case was opened')
    doc.font('Body').fontSize(9).fillColor(INK)
    for (const change of parts.evidenceChanges) doc.text(`• ${change}`)
  }

  section(doc, 'Timeline')
  if (parts.timeline.length === 0) doc.font('Body').fontSize(9).fillColor(GREY).text('No entries.')
  for (const entry of parts.timeline) {
    const y = doc.y
    if (y > PAGE.height - PAGE.margin - 40) doc.addPage()
    const rowY = doc.y
    doc.font('Body').fontSize(8.5).fillColor(GREY)
    doc.text(readableTime(entry.at, parts.tz), PAGE.margin, rowY, { width: 92 })
    writeText(doc, entry.actorName ?? '', 'Body', PAGE.margin + 94, rowY, { width: 90 })
    const sendNote =
      entry.send === 'sent' ? '' : ` (${entry.send === 'pending' ? 'not yet sent' : entry.send})`
    writeText(doc.fillColor(INK), `${entry.text}${sendNote}`, 'Body', PAGE.margin + 186, rowY, {
      width: INNER - 186,
    })
    doc.x = PAGE.margin
    doc.moveDown(0.2)
  }
}

function drawFacts(doc: Doc, facts: Array<[string, string]>): void {
  for (const [label, value] of facts) {
    const y = doc.y
    doc.font('Bold').fontSize(8.5).fillColor(GREY).text(label, PAGE.margin, y, { width: 100 })
    writeText(doc.fontSize(9).fillColor(INK), value, 'Body', PAGE.margin + 104, y, {
      width: INNER - 104,
    })
    doc.x = PAGE.margin
    doc.y += 1.5
  }
}

function drawPhotoBox(
  doc: Doc,
  box: { x: number; y: number; width: number; height: number },
  parts: CasePageParts,
): void {
  doc.save()
  doc.rect(box.x, box.y, box.width, box.height).fillAndStroke('#eceff1', '#b0bec5')
  doc.restore()
  if (parts.photo) {
    doc.image(parts.photo, box.x + 2, box.y + 2, {
      fit: [box.width - 4, box.height - 4],
      align: 'center',
      valign: 'center',
    })
    if (parts.photoCount > 1) {
      doc
        .font('Body')
        .fontSize(7.5)
        .fillColor(GREY)
        .text(
          `Photo 1 of ${parts.photoCount}; every photo's position is on the map.`,
          box.x,
          box.y + box.height + 4,
          { width: box.width },
        )
    }
    return
  }
  doc
    .font('Bold')
    .fontSize(9.5)
    .fillColor(INK)
    .text(parts.photoNote ?? 'No photo.', box.x + 14, box.y + box.height / 2 - 14, {
      width: box.width - 28,
      align: 'center',
    })
}

function drawLegend(doc: Doc, x: number, y: number, width: number): void {
  const items: Array<[string, string, 'square' | 'circle']> = [
    ['A address', MAP_COLOURS.address, 'square'],
    ['D drop-off', MAP_COLOURS.dropOff, 'circle'],
    ['1, 2 photos', MAP_COLOURS.photo, 'circle'],
  ]
  let cx = x
  doc.save().font('Body').fontSize(7.5)
  for (const [label, colour, shape] of items) {
    if (shape === 'square')
      doc
        .rect(cx, y + 2, 6, 6)
        .lineWidth(1)
        .stroke(colour)
    else doc.circle(cx + 3, y + 5, 3).fill(colour)
    doc.fillColor(GREY).text(label, cx + 9, y + 1, { lineBreak: false })
    cx += doc.widthOfString(label) + 22
  }
  doc.text('circles: accuracy', cx, y + 1, {
    width: Math.max(10, x + width - cx),
    lineBreak: false,
  })
  doc.restore()
}

function section(doc: Doc, title: string): void {
  if (doc.y > PAGE.height - PAGE.margin - 60) doc.addPage()
  doc.moveDown(0.5).font('Bold').fontSize(10.5).fillColor(INK).text(title, PAGE.margin)
  doc.moveDown(0.15)
}

function drawFooter(doc: Doc, options: PdfOptions, tz: string, pageNumber: number): void {
  const generated = `Generated ${readableTime(options.figures.generatedAt, tz)} by ${options.generatedBy.name}`
  // The footer is drawn when a page starts, possibly in the middle of a paragraph that flows
  // onto it: put back the position, font and colour the paragraph was using (pdfkit keeps them
  // in these fields and re-applies the fill colour after its own page break).
  const state = doc as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown }
  const saved = { font: state._font, size: state._fontSize, fill: state._fillColor }
  const { x, y } = doc
  // Writing inside the bottom margin must not start a new page.
  const bottom = doc.page.margins.bottom
  doc.page.margins.bottom = 0
  doc
    .font('Body')
    .fontSize(7.5)
    .fillColor(GREY)
    .text(generated, PAGE.margin, PAGE.height - PAGE.margin + 10, {
      width: INNER,
      lineBreak: false,
    })
    .text(`Page ${pageNumber}`, PAGE.margin, PAGE.height - PAGE.margin + 10, {
      width: INNER,
      align: 'right',
      lineBreak: false,
    })
  doc.page.margins.bottom = bottom
  doc.x = x
  doc.y = y
  state._font = saved.font
  state._fontSize = saved.size
  state._fillColor = saved.fill
}

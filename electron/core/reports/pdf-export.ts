// The PDF case report (pdfkit): a cover with the period, the filters and the figures, then a page
// per case: its facts, the resolution, the photo (a downscaled copy of the verified local file,
// or why there is none) beside a map panel drawn from the fixes, and the case's timeline. Every
// page carries its number, when the report was made and by whom. Every word is the catalogue's
// (documents:caseReport, documents:summary), and numbers and dates are the locale's, as spoken
// when the file is written.
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
import {
  formatCount,
  formatDateTime,
  formatDistance,
  formatHours,
  formatShare,
} from '../api/display-format.ts'
import {
  deliveryStatusText,
  dropOffSpotText,
  personName,
  REASON_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
  withheldReasonText,
} from '../api/display-words.ts'
import type { documents } from '../messages/en/documents.ts'
import { t } from '../messages/messages.ts'
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
      Title: t('documents:caseReport.fileTitle', {
        from: figures.filters.from,
        to: figures.filters.to,
      }),
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
  if (!c.delivery) return t('documents:caseReport.photoNote.notInLocalCopy')
  if (c.delivery.photoWithheld)
    return t('documents:caseReport.photoNote.withheld', {
      reason: withheldReasonText(c.delivery.photoWithheld),
    })
  if (count === 0) return t('documents:caseReport.photoNote.noneTaken')
  if (!stored) return t('documents:caseReport.photoNote.notDownloaded')
  if (!drawn) return t('documents:caseReport.photoNote.unreadable')
  return null
}

function valueText(v: SummaryValue): string {
  switch (v.kind) {
    case 'count':
      return formatCount(v.value)
    case 'share':
      return formatShare(v.value)
    case 'hours':
      return formatHours(v.value)
    case 'text':
      return v.value
  }
}

function drawCover(doc: Doc, options: PdfOptions): void {
  const { figures } = options
  const f = figures.filters
  doc.font('Bold').fontSize(20).fillColor(INK).text(t('documents:caseReport.title'))
  doc.moveDown(0.3)
  doc
    .font('Body')
    .fontSize(11)
    .fillColor(GREY)
    .text(t('documents:caseReport.period', { from: f.from, to: f.to, timeZone: f.timeZone }))
  // Names may be in any script.
  writeText(
    doc,
    t('documents:caseReport.filters', { filters: filtersInWords(f, options.filterNames) }),
    'Body',
  )
  writeText(doc, generatedWords(options), 'Body')
  const pages =
    options.selected === 0
      ? t('documents:caseReport.noCasePages')
      : options.selected > MAX_PDF_CASES
        ? t('documents:caseReport.casePagesFirst', {
            shown: MAX_PDF_CASES,
            total: options.selected,
          })
        : t('documents:caseReport.casePages', { count: options.selected })
  doc.moveDown(0.5).fillColor(INK).text(pages)
  doc.moveDown(0.8)

  for (const line of summaryLines(figures, 'plain')) {
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
    // The PDF writes a duration with its own unit ("5.5 h", "2.3 d"), as the screen does: its
    // label does not say "(hours)". Names (repeat customers, drivers) may be in any script.
    writeText(doc, line.label, 'Body', PAGE.margin, y, { width: INNER - 110 })
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
  const person = (id: string | null) =>
    id ? personName(id, parts.userName(id)) : t('documents:caseReport.nobody')
  doc
    .font('Bold')
    .fontSize(15)
    .fillColor(INK)
    .text(t('documents:caseReport.order', { orderId: c.orderId }), PAGE.margin, PAGE.margin)
  doc
    .font('Body')
    .fontSize(8.5)
    .fillColor(GREY)
    .text(t('documents:caseReport.caseAndDelivery', { caseId: c.id, deliveryId: c.deliveryId }))
  const status = STATUS_LABELS[c.status]
  doc
    .font('Bold')
    .fontSize(10)
    .fillColor(c.status === 'resolved' ? '#2e7d32' : '#ef6c00')
    .text(status, PAGE.margin, PAGE.margin + 3, { width: INNER, align: 'right' })
  doc.y = PAGE.margin + 40

  drawFacts(doc, caseFacts(c, parts))

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
  const legendBottom = drawLegend(doc, PAGE.margin + boxW + 12, top + boxH + 4, boxW)
  doc.x = PAGE.margin
  doc.y = Math.max(top + boxH + 22, legendBottom + 6)

  section(doc, t('documents:caseReport.resolution'))
  if (c.resolution) {
    doc.font('Body').fontSize(9.5).fillColor(INK)
    writeText(
      doc,
      t('documents:caseReport.resolvedOn', {
        resolution: RESOLUTION_LABELS[c.resolution.code],
        time: readableTime(c.resolution.resolvedAt, parts.tz),
        name: person(c.resolution.resolvedBy),
      }),
      'Body',
    )
    if (c.resolution.note) writeText(doc.fillColor(GREY), c.resolution.note, 'Body')
  } else {
    doc.font('Body').fontSize(9.5).fillColor(GREY).text(t('documents:caseReport.notResolved'))
  }
  if (parts.evidenceChanges.length) {
    section(doc, t('documents:caseReport.evidenceChanged'))
    doc.font('Body').fontSize(9).fillColor(INK)
    for (const change of parts.evidenceChanges) doc.text(`• ${change}`)
  }

  section(doc, t('documents:caseReport.timeline'))
  if (parts.timeline.length === 0)
    doc.font('Body').fontSize(9).fillColor(GREY).text(t('documents:caseReport.noEntries'))
  for (const entry of parts.timeline) {
    const y = doc.y
    if (y > PAGE.height - PAGE.margin - 40) doc.addPage()
    const rowY = doc.y
    doc.font('Body').fontSize(8.5).fillColor(GREY)
    doc.text(readableTime(entry.at, parts.tz), PAGE.margin, rowY, { width: 92 })
    writeText(doc, entry.actorName ?? '', 'Body', PAGE.margin + 94, rowY, { width: 90 })
    const line = isSendState(entry.send)
      ? t('documents:caseReport.withSendState', {
          text: entry.text,
          state: t(`documents:caseReport.sendState.${entry.send}`),
        })
      : entry.text
    writeText(doc.fillColor(INK), line, 'Body', PAGE.margin + 186, rowY, {
      width: INNER - 186,
    })
    doc.x = PAGE.margin
    doc.moveDown(0.2)
  }
}

/** The case's facts, label and value, as the top of its page lists them. */
function caseFacts(c: ReportCase, parts: CasePageParts): Array<[string, string]> {
  const d = c.delivery
  const person = (id: string | null) =>
    id ? personName(id, parts.userName(id)) : t('documents:caseReport.nobody')
  const timeBy = (at: string, id: string | null) =>
    t('documents:caseReport.timeBy', { time: readableTime(at, parts.tz), name: person(id) })
  const none = t('common:time.none')
  const fact = (key: keyof typeof documents.caseReport.fact) =>
    t(`documents:caseReport.fact.${key}`)
  const facts: Array<[string, string]> = [
    [fact('reason'), REASON_LABELS[c.reason]],
    [fact('opened'), timeBy(c.openedAt, c.openedBy)],
    [fact('assignedTo'), person(c.assigneeId)],
    [fact('ticket'), c.ticket ?? t('documents:caseReport.noTicket')],
    [
      fact('delivered'),
      d?.deliveredAt
        ? t('documents:caseReport.deliveredAt', {
            time: readableTime(d.deliveredAt, parts.tz),
            status: deliveryStatusText(d.status),
            localTime: formatDateTime(d.deliveredAt, {
              timeZone: deliveryTimeZone(
                { lat: d.addressLat, lng: d.addressLng },
                { lat: d.dropLat, lng: d.dropLng },
              ),
            }),
          })
        : t('documents:caseReport.notRecorded'),
    ],
    [fact('trackingNumber'), d?.trackingNumber ?? none],
    [fact('customer'), d?.customerName ?? none],
    [
      fact('address'),
      d
        ? t('documents:caseReport.addressWithCountry', {
            address: addressText(d),
            country: d.country,
          })
        : t('documents:caseReport.notInLocalCopy'),
    ],
    [
      fact('driver'),
      d ? t('documents:caseReport.driverWithId', { name: d.driverName, id: d.driverId }) : none,
    ],
    [fact('leftAt'), d ? dropOffSpotText(d.dropSpot) : none],
  ]
  if (d?.dropNote) facts.push([fact('driversNote'), d.dropNote])
  if (d) {
    const drop = d.dropDistanceM !== null ? formatDistance(d.dropDistanceM) : null
    const photo = d.photoDistanceM !== null ? formatDistance(d.photoDistanceM) : null
    facts.push([
      fact('distances'),
      drop !== null && photo !== null
        ? t('documents:caseReport.distanceBoth', { distance: drop, photo })
        : drop !== null
          ? t('documents:caseReport.distanceDropOff', { distance: drop })
          : photo !== null
            ? t('documents:caseReport.distancePhoto', { photo })
            : t('documents:caseReport.noAddressPosition'),
    ])
    const threshold = formatDistance(parts.thresholdM)
    facts.push([
      fact('locationFlag'),
      isAway(d, parts.thresholdM)
        ? t('documents:caseReport.flagged', {
            distance: formatDistance(d.awayM ?? 0),
            threshold,
          })
        : t('documents:caseReport.notFlagged', { threshold }),
    ])
  }
  return facts
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
          t('documents:caseReport.photoOf', { count: parts.photoCount }),
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
    .text(
      parts.photoNote ?? t('documents:caseReport.noPhoto'),
      box.x + 14,
      box.y + box.height / 2 - 14,
      {
        width: box.width - 28,
        align: 'center',
      },
    )
}

/**
 * The map's legend under it: each mark and what it means, then what the circles are. An item that
 * does not fit on the line starts the next one (longer languages take two). Returns its bottom.
 */
function drawLegend(doc: Doc, x: number, y: number, width: number): number {
  const items: Array<[string, string | null, 'square' | 'circle' | null]> = [
    [
      t('documents:caseReport.legend.address', { mark: t('documents:map.addressMark') }),
      MAP_COLOURS.address,
      'square',
    ],
    [
      t('documents:caseReport.legend.dropOff', { mark: t('documents:map.dropOffMark') }),
      MAP_COLOURS.dropOff,
      'circle',
    ],
    [t('documents:caseReport.legend.photos'), MAP_COLOURS.photo, 'circle'],
    [t('documents:caseReport.legend.accuracy'), null, null],
  ]
  const LINE = 10
  let cx = x
  let cy = y
  doc.save().font('Body').fontSize(7.5)
  for (const [label, colour, shape] of items) {
    const itemWidth = (shape ? 9 : 0) + doc.widthOfString(label)
    if (cx > x && cx + itemWidth > x + width) {
      cx = x
      cy += LINE
    }
    if (shape === 'square')
      doc
        .rect(cx, cy + 2, 6, 6)
        .lineWidth(1)
        .stroke(colour!)
    else if (shape === 'circle') doc.circle(cx + 3, cy + 5, 3).fill(colour!)
    doc.fillColor(GREY).text(label, cx + (shape ? 9 : 0), cy + 1, { lineBreak: false })
    cx += itemWidth + 13
  }
  doc.restore()
  return cy + LINE
}

function section(doc: Doc, title: string): void {
  if (doc.y > PAGE.height - PAGE.margin - 60) doc.addPage()
  doc.moveDown(0.5).font('Bold').fontSize(10.5).fillColor(INK).text(title, PAGE.margin)
  doc.moveDown(0.15)
}

function drawFooter(doc: Doc, options: PdfOptions, tz: string, pageNumber: number): void {
  const generated = generatedWords(options, tz)
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
    .text(
      t('documents:caseReport.page', { number: pageNumber }),
      PAGE.margin,
      PAGE.height - PAGE.margin + 10,
      {
        width: INNER,
        align: 'right',
        lineBreak: false,
      },
    )
  doc.page.margins.bottom = bottom
  doc.x = x
  doc.y = y
  state._font = saved.font
  state._fontSize = saved.size
  state._fillColor = saved.fill
}

/** "Generated 1 Jun 2025 09:30 by Sam Okafor": the cover's line and every page's footer. */
function generatedWords(options: PdfOptions, tz = options.figures.filters.timeZone): string {
  return t('documents:caseReport.generated', {
    time: readableTime(options.figures.generatedAt, tz),
    name: options.generatedBy.name,
  })
}

const SEND_STATES = ['pending', 'conflict', 'failed', 'discarded'] as const

/** A timeline entry not (yet) accepted by the service: its state is said after its words. */
function isSendState(send: string): send is (typeof SEND_STATES)[number] {
  return (SEND_STATES as readonly string[]).includes(send)
}

// The map panel of a case page, drawn as vectors from the fixes: the address, where the driver
// marked the package delivered, where each photo was taken, their accuracy circles, the distance
// from the address to each, a scale bar and north. No map tiles: the panel says where things
// were relative to each other, which is what the evidence is about.
import type PDFDocument from 'pdfkit'
import { distanceM } from '../deliveries/location-check.ts'
import { formatDistance } from '../api/display-format.ts'
import { currentLocale, t } from '../messages/messages.ts'

type Doc = InstanceType<typeof PDFDocument>

export interface MapFix {
  lat: number
  lng: number
  accuracyM: number | null
}

export interface MapPanelInput {
  address: { lat: number; lng: number } | null
  dropOff: MapFix | null
  photos: MapFix[]
  flagged: boolean
}

export const MAP_COLOURS = {
  address: '#1565c0',
  dropOff: '#ef6c00',
  photo: '#2e7d32',
  grid: '#dde3ea',
  text: '#37474f',
  background: '#f7f9fb',
  away: '#c62828',
} as const

const M_PER_DEG_LAT = 110_574
const M_PER_DEG_LNG_EQUATOR = 111_320

interface Point {
  x: number
  y: number
}

/** Metres east and north of `origin`: plenty precise over the few hundred metres drawn here. */
function project(origin: { lat: number; lng: number }, p: { lat: number; lng: number }): Point {
  return {
    x: (p.lng - origin.lng) * M_PER_DEG_LNG_EQUATOR * Math.cos((origin.lat * Math.PI) / 180),
    y: (p.lat - origin.lat) * M_PER_DEG_LAT,
  }
}

/** The largest 1, 2 or 5 × 10^n not above `limit`. */
export function niceLength(limit: number): number {
  const power = 10 ** Math.floor(Math.log10(limit))
  for (const step of [5, 2, 1]) if (step * power <= limit) return step * power
  return power
}

/** A scale bar's length: "50 m", "1.5 km" (decimals in the locale spoken). */
export function formatMetres(m: number): string {
  if (m < 1000) return formatDistance(m)
  const digits = m >= 10_000 ? 0 : 1
  const value = new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(m / 1000)
  return t('documents:map.kilometres', { value })
}

/** Draws the panel into the box; returns false (and draws a note) when nothing has a position. */
export function drawMapPanel(
  doc: Doc,
  box: { x: number; y: number; width: number; height: number },
  input: MapPanelInput,
): boolean {
  const fixes: Array<{ kind: 'address' | 'dropOff' | 'photo'; fix: MapFix; label: string }> = []
  if (input.address)
    fixes.push({
      kind: 'address',
      fix: { ...input.address, accuracyM: null },
      label: t('documents:map.addressMark'),
    })
  if (input.dropOff)
    fixes.push({ kind: 'dropOff', fix: input.dropOff, label: t('documents:map.dropOffMark') })
  input.photos.forEach((p, i) => fixes.push({ kind: 'photo', fix: p, label: String(i + 1) }))

  doc.save()
  doc.rect(box.x, box.y, box.width, box.height).fillAndStroke(MAP_COLOURS.background, '#b0bec5')
  if (fixes.length === 0) {
    doc
      .fillColor(MAP_COLOURS.text)
      .fontSize(9)
      .text(t('documents:map.noPosition'), box.x + 12, box.y + box.height / 2 - 6, {
        width: box.width - 24,
        align: 'center',
      })
    doc.restore()
    return false
  }

  const origin = input.address ?? fixes[0]!.fix
  const points = fixes.map((f) => ({ ...f, p: project(origin, f.fix) }))
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const { p, fix } of points) {
    const r = fix.accuracyM ?? 0
    minX = Math.min(minX, p.x - r)
    maxX = Math.max(maxX, p.x + r)
    minY = Math.min(minY, p.y - r)
    maxY = Math.max(maxY, p.y + r)
  }
  // At least 60 m across, so that a perfect fix is not drawn as a speck at the edge.
  const spanX = Math.max(maxX - minX, 60)
  const spanY = Math.max(maxY - minY, 60)
  const pad = 22
  const scale = Math.min((box.width - 2 * pad) / spanX, (box.height - 2 * pad - 18) / spanY)
  const centreX = (minX + maxX) / 2
  const centreY = (minY + maxY) / 2
  const toPage = (p: Point): Point => ({
    x: box.x + box.width / 2 + (p.x - centreX) * scale,
    y: box.y + (box.height - 18) / 2 + 4 - (p.y - centreY) * scale,
  })

  doc.rect(box.x, box.y, box.width, box.height).clip()
  drawGrid(doc, box, { scale, centreX, centreY, toPage })

  const colour = (kind: 'address' | 'dropOff' | 'photo') => MAP_COLOURS[kind]
  // Accuracy circles first, under everything else.
  for (const { kind, fix, p } of points) {
    if (!fix.accuracyM) continue
    const c = toPage(p)
    doc.save()
    doc.circle(c.x, c.y, Math.max(fix.accuracyM * scale, 1.5))
    doc.fillOpacity(0.12).strokeOpacity(0.7).lineWidth(0.6)
    doc.fillAndStroke(colour(kind), colour(kind))
    doc.restore()
  }
  // Lines from the address to each fix, with the distance.
  const address = points.find((f) => f.kind === 'address')
  if (address && input.address) {
    const a = toPage(address.p)
    for (const f of points) {
      if (f.kind === 'address') continue
      const b = toPage(f.p)
      const d = distanceM(input.address, f.fix)
      doc.save()
      doc.lineWidth(0.8).dash(3, { space: 2 }).strokeColor(colour(f.kind))
      doc.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke()
      doc.undash()
      doc
        .fillColor(colour(f.kind))
        .fontSize(7)
        .text(formatDistance(d), (a.x + b.x) / 2 + 4, (a.y + b.y) / 2 - 9, {
          lineBreak: false,
        })
      doc.restore()
    }
  }
  // Markers on top: circles for the fixes, then the address as an outlined square over them, so
  // that a fix taken right at the address leaves both visible.
  const markers = [...points].sort(
    (a, b) => (a.kind === 'address' ? 1 : 0) - (b.kind === 'address' ? 1 : 0),
  )
  for (const { kind, p, label } of markers) {
    const c = toPage(p)
    doc.save()
    if (kind === 'address') {
      doc
        .rect(c.x - 6, c.y - 6, 12, 12)
        .lineWidth(1.5)
        .fillAndStroke('#ffffff', colour(kind))
    } else {
      doc.circle(c.x, c.y, 6).fillAndStroke(colour(kind), '#ffffff')
    }
    doc
      .fillColor(kind === 'address' ? colour(kind) : '#ffffff')
      .fontSize(6.5)
      .text(label, c.x - 5, c.y - 3.2, { width: 10, align: 'center', lineBreak: false })
    doc.restore()
  }

  drawScaleAndNorth(doc, box, scale)
  doc.restore()
  return true
}

type Box = { x: number; y: number; width: number; height: number }

/** A grid at the scale bar's length, as a quiet reference for distances. */
function drawGrid(
  doc: Doc,
  box: Box,
  view: { scale: number; centreX: number; centreY: number; toPage: (p: Point) => Point },
) {
  const { scale, centreX, centreY, toPage } = view
  const gridM = niceLength(box.width / 4 / scale)
  doc.lineWidth(0.4).strokeColor(MAP_COLOURS.grid)
  const left = centreX - box.width / 2 / scale
  const bottom = centreY - box.height / 2 / scale
  for (let gx = Math.floor(left / gridM) * gridM; gx < left + box.width / scale; gx += gridM) {
    const x = toPage({ x: gx, y: 0 }).x
    doc
      .moveTo(x, box.y)
      .lineTo(x, box.y + box.height)
      .stroke()
  }
  for (let gy = Math.floor(bottom / gridM) * gridM; gy < bottom + box.height / scale; gy += gridM) {
    const y = toPage({ x: 0, y: gy }).y
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .stroke()
  }
}

/** The scale bar, bottom left on a white ground, and the north arrow. */
function drawScaleAndNorth(doc: Doc, box: Box, scale: number) {
  const barM = niceLength((box.width * 0.3) / scale)
  const barW = barM * scale
  const bx = box.x + 10
  const by = box.y + box.height - 12
  doc.save()
  doc
    .rect(bx - 4, by - 12, barW + 8 + 40, 18)
    .fillOpacity(0.85)
    .fill('#ffffff')
  doc.fillOpacity(1).lineWidth(1.2).strokeColor(MAP_COLOURS.text)
  doc
    .moveTo(bx, by - 3)
    .lineTo(bx, by)
    .lineTo(bx + barW, by)
    .lineTo(bx + barW, by - 3)
    .stroke()
  doc
    .fillColor(MAP_COLOURS.text)
    .fontSize(7)
    .text(formatMetres(barM), bx + barW + 4, by - 7, {
      lineBreak: false,
    })
  // North.
  const nx = box.x + box.width - 14
  const ny = box.y + 10
  doc.polygon([nx, ny], [nx - 4, ny + 10], [nx + 4, ny + 10]).fill(MAP_COLOURS.text)
  doc.fontSize(7).text(t('documents:map.north'), nx - 3, ny + 11, { lineBreak: false })
  doc.restore()
}

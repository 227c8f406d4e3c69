// The proof-of-delivery sheet as a PNG image (A4 at 150 dpi), for pasting into a reply: the same
// words, photos and map as the PDF. The page is an SVG (text and map) that sharp renders, with the
// photos laid over it, each shrunk to its box as it is decoded.
import sharp from 'sharp'
import { MAP_COLOURS, niceLength, formatMetres } from '../reports/pdf-map-panel.ts'
import type { SheetContent } from './sheet-content.ts'

export const SHEET_PNG = { width: 1240, height: 1754 } as const
const MARGIN = 100
const INK = '#212121'
const MUTED = '#546e7a'

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Where each photo is drawn on the page: the tests compare these pixels with the photo's. */
export function photoBoxes(count: number): Box[] {
  const width = SHEET_PNG.width - 2 * MARGIN
  const gap = 24
  const n = Math.max(1, count)
  const boxW = Math.floor((width - gap * (n - 1)) / n)
  const boxH = Math.min(Math.floor(boxW * 0.75), 640)
  return Array.from({ length: count }, (_, i) => ({
    x: MARGIN + i * (boxW + gap),
    y: 600,
    width: boxW,
    height: boxH,
  }))
}

export async function renderSheetPng(sheet: SheetContent): Promise<Buffer> {
  const boxes = photoBoxes(sheet.photos.length)
  const photosBottom = boxes.length > 0 ? boxes[0]!.y + boxes[0]!.height : 600
  const mapBox = { x: MARGIN, y: photosBottom + 70, width: SHEET_PNG.width - 2 * MARGIN, height: 0 }
  mapBox.height = Math.min(420, SHEET_PNG.height - mapBox.y - 110)
  const layers = await Promise.all(
    sheet.photos.map(async (photo, i) => {
      const box = boxes[i]!
      const { data, info } = await sharp(photo.path)
        .rotate()
        .resize(box.width, box.height, { fit: 'inside' })
        .png()
        .toBuffer({ resolveWithObject: true })
      return {
        input: data,
        left: box.x + Math.floor((box.width - info.width) / 2),
        top: box.y + Math.floor((box.height - info.height) / 2),
      }
    }),
  )
  const svg = pageSvg(sheet, boxes, mapBox)
  return sharp(Buffer.from(svg)).composite(layers).png({ compressionLevel: 6 }).toBuffer()
}

function pageSvg(sheet: SheetContent, boxes: Box[], map: Box): string {
  const lines: string[] = []
  const text = (x: number, y: number, size: number, words: string, opts = '') =>
    lines.push(
      `<text x="${x}" y="${y}" font-size="${size}" font-family="DejaVu Sans, Arial, sans-serif" ${opts}>${escape(words)}</text>`,
    )
  text(MARGIN, 150, 50, sheet.title, `font-weight="bold" fill="${INK}"`)
  text(MARGIN, 200, 24, sheet.orderLine, `fill="${MUTED}"`)
  text(MARGIN, 265, 26, sheet.deliveredLine, `font-weight="bold" fill="${INK}"`)
  if (sheet.deliveredNote) text(MARGIN, 297, 20, sheet.deliveredNote, `fill="${MUTED}"`)
  let y = 345
  for (const line of sheet.addressLines) {
    text(MARGIN, y, 24, line, `fill="${INK}"`)
    y += 32
  }
  text(MARGIN, y + 12, 24, sheet.leftAtLine, `fill="${INK}"`)
  text(MARGIN, y + 46, 24, sheet.distanceLine, `fill="${INK}"`)
  sheet.photos.forEach((photo, i) => {
    const box = boxes[i]!
    lines.push(
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="#eceff1"/>`,
    )
    text(
      box.x + box.width / 2,
      box.y + box.height + 30,
      20,
      photo.caption,
      `fill="${MUTED}" text-anchor="middle"`,
    )
  })
  lines.push(mapSvg(sheet, map))
  text(MARGIN, SHEET_PNG.height - 60, 20, sheet.footer, `fill="${MUTED}"`)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHEET_PNG.width}" height="${SHEET_PNG.height}"><rect width="100%" height="100%" fill="#ffffff"/>${lines.join('')}</svg>`
}

/** The address, where the parcel was left, the line between them and a scale bar. */
function mapSvg(sheet: SheetContent, box: Box): string {
  const parts = [
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="${MAP_COLOURS.background}" stroke="#b0bec5"/>`,
  ]
  const { address, dropOff } = sheet.map
  const points = [address, dropOff].filter((p): p is { lat: number; lng: number } => p !== null)
  if (points.length === 0) {
    parts.push(
      `<text x="${box.x + box.width / 2}" y="${box.y + box.height / 2}" font-size="22" text-anchor="middle" fill="${MAP_COLOURS.text}" font-family="DejaVu Sans, Arial, sans-serif">${escape(sheet.noPosition)}</text>`,
    )
    return parts.join('')
  }
  const origin = points[0]!
  const mPerDegLng = 111_320 * Math.cos((origin.lat * Math.PI) / 180)
  const metres = (p: { lat: number; lng: number }) => ({
    x: (p.lng - origin.lng) * mPerDegLng,
    y: (p.lat - origin.lat) * 110_574,
  })
  const ms = points.map(metres)
  const spanM =
    Math.max(60, ...ms.map((m) => Math.abs(m.x) * 2), ...ms.map((m) => Math.abs(m.y) * 2)) * 1.4
  const scale = Math.min(box.width, box.height) / spanM
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const at = (p: { lat: number; lng: number }) => {
    const m = metres(p)
    return { x: cx + m.x * scale, y: cy - m.y * scale }
  }
  if (address && dropOff) {
    const a = at(address)
    const d = at(dropOff)
    parts.push(
      `<line x1="${a.x}" y1="${a.y}" x2="${d.x}" y2="${d.y}" stroke="${MAP_COLOURS.text}" stroke-width="3" stroke-dasharray="10 8"/>`,
    )
  }
  const marker = (p: { lat: number; lng: number }, colour: string, label: string) => {
    const { x, y } = at(p)
    parts.push(
      `<circle cx="${x}" cy="${y}" r="18" fill="${colour}" stroke="#ffffff" stroke-width="4"/>`,
      `<text x="${x}" y="${y + 8}" font-size="22" font-weight="bold" text-anchor="middle" fill="#ffffff" font-family="DejaVu Sans, Arial, sans-serif">${escape(label)}</text>`,
    )
  }
  if (address) marker(address, MAP_COLOURS.address, sheet.marks.address)
  if (dropOff) marker(dropOff, MAP_COLOURS.dropOff, sheet.marks.dropOff)
  const barM = niceLength((box.width * 0.25) / scale)
  const barX = box.x + 24
  const barY = box.y + box.height - 28
  parts.push(
    `<line x1="${barX}" y1="${barY}" x2="${barX + barM * scale}" y2="${barY}" stroke="${MAP_COLOURS.text}" stroke-width="4"/>`,
    `<text x="${barX}" y="${barY - 10}" font-size="18" fill="${MAP_COLOURS.text}" font-family="DejaVu Sans, Arial, sans-serif">${escape(formatMetres(barM))}</text>`,
    `<text x="${box.x + box.width - 24}" y="${box.y + 36}" font-size="18" text-anchor="end" fill="${MAP_COLOURS.text}" font-family="DejaVu Sans, Arial, sans-serif">${escape(sheet.mapLegend)}</text>`,
  )
  return parts.join('')
}

function escape(words: string): string {
  return words.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

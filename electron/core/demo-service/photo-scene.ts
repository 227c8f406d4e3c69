// Draws a proof-of-delivery photo as SVG: a wall and floor dressed for the drop-off spot, the
// parcel, the light of the hour, a slightly tilted handset and the burned-in caption. Only flat
// shapes, linear gradients and small patterns: radial gradients, filters and <text> cost several
// times more to rasterise, and hundreds of these are rendered on a cold cache.
import { GLYPH_HEIGHT, textPath, textWidth } from './caption-font.ts'
import { createRandom } from './random.ts'
import type { Random } from './random.ts'
import type { PhotoScene } from './types.ts'

const n = (value: number): string => String(Math.round(value * 10) / 10)

const WALL_COLOURS = [
  '#d9d2c3',
  '#b7c4c8',
  '#e8e1d4',
  '#9fa89a',
  '#c9b8a0',
  '#f0ece4',
  '#a7b5c9',
  '#8e9ca6',
]
const BRICK_COLOURS = ['#9c4a36', '#8a3f2e', '#a8614a', '#7d4a3a']
const DOOR_COLOURS = [
  '#7a4b2a',
  '#2f4858',
  '#8c1c13',
  '#1f3d2b',
  '#f2efe6',
  '#33302e',
  '#4a6274',
  '#b5651d',
  '#5b3a29',
]
const TRIM_COLOURS = ['#f4f1ea', '#e9e4d8', '#3b3b3b', '#ffffff']
const PARCEL_COLOURS = ['#c89b62', '#b98a52', '#d2a86f', '#a87c48']
const MAILER_COLOURS = ['#d9dadc', '#f2f2f0', '#e8d9a8', '#c4c8cc']

interface Frame {
  width: number
  height: number
  ground: number
  rng: Random
}

export function sceneSvg(scene: PhotoScene): string {
  const rng = createRandom(scene.seed)
  const frame: Frame = {
    width: scene.width,
    height: scene.height,
    ground: scene.height * rng.float(0.66, 0.78),
    rng,
  }
  const defs: string[] = []
  const body: string[] = []

  switch (scene.spot) {
    case 'front_door':
    case 'neighbor':
      body.push(
        ...doorScene(frame, defs, scene.doorNumber, scene.indoors, scene.spot === 'neighbor'),
      )
      break
    case 'back_door':
      body.push(...backDoorScene(frame, defs))
      break
    case 'porch':
      body.push(...porchScene(frame, defs, scene.doorNumber))
      break
    case 'garage':
      body.push(...garageScene(frame, defs))
      break
    case 'mailroom':
      body.push(...mailroomScene(frame, defs))
      break
    case 'leasing_office':
      body.push(...leasingScene(frame, defs))
      break
    case 'locker':
      body.push(...lockerScene(frame, defs))
      break
    case 'other':
      body.push(...outdoorScene(frame, defs))
      break
  }

  const { width: w, height: h } = frame
  const tilt = rng.float(-3.5, 3.5)
  // Where the driver stood: nearer or farther, a little to one side. The frame stays covered.
  const zoom = rng.float(1.1, 1.6)
  const slack = (zoom - 1.09) / 2
  const dx = rng.float(-slack, slack) * w
  const dy = rng.float(-slack, slack) * h * 0.6
  const light = lightFor(scene.localHour, w, h, rng)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<defs>${defs.join('')}</defs>`,
    `<rect width="${w}" height="${h}" fill="#555"/>`,
    `<g transform="translate(${n(w / 2 + dx)} ${n(h / 2 + dy)}) rotate(${n(tilt)}) scale(${n(zoom)}) translate(${n(-w / 2)} ${n(-h / 2)})">`,
    ...body,
    '</g>',
    light,
    caption(scene.caption, w, h),
    '</svg>',
  ].join('')
}

// Textures are drawn as explicit paths, not <pattern>s: librsvg re-renders a pattern tile by tile
// under the handset tilt, which made a photo ten times slower.
function wall(frame: Frame, defs: string[], style?: 'siding' | 'brick' | 'plain'): string {
  const { width: w, ground, rng } = frame
  const kind =
    style ??
    rng.weighted<'siding' | 'brick' | 'plain'>([
      ['siding', 4],
      ['brick', 3],
      ['plain', 3],
    ])
  const colour = kind === 'brick' ? rng.pick(BRICK_COLOURS) : rng.pick(WALL_COLOURS)
  const left = -60
  const right = w + 60
  const base = `<rect x="${left}" y="-60" width="${n(right - left)}" height="${n(ground + 60)}"`
  if (kind === 'siding') {
    const gap = rng.int(14, 24)
    let shadows = ''
    let highlights = ''
    for (let y = -60 + gap; y < ground; y += gap) {
      shadows += `M${left} ${y - 3}h${right - left}v3h${left - right}z`
      highlights += `M${left} ${y}h${right - left}v2h${left - right}z`
    }
    return (
      `${base} fill="${colour}"/>` +
      `<path d="${shadows}" fill="#000" fill-opacity="0.16"/>` +
      `<path d="${highlights}" fill="#fff" fill-opacity="0.18"/>`
    )
  }
  if (kind === 'brick') {
    let mortar = ''
    for (let row = 0, y = -60; y < ground; row++, y += 24) {
      mortar += `M${left} ${y + 23}h${right - left}`
      for (let x = left + (row % 2 === 0 ? 23 : 47); x < right; x += 48) mortar += `M${x} ${y}v23`
    }
    return `${base} fill="${colour}"/><path d="${mortar}" stroke="#d8d0c4" stroke-width="2"/>`
  }
  defs.push(
    '<linearGradient id="wall" x1="0" y1="0" x2="1" y2="0.3">',
    `<stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="${shade(colour, -0.18)}"/>`,
    '</linearGradient>',
  )
  return `${base} fill="url(#wall)"/>`
}

function floor(
  frame: Frame,
  defs: string[],
  kind: 'concrete' | 'boards' | 'tile' | 'carpet' | 'grass',
): string {
  const { width: w, height: h, ground, rng } = frame
  const left = -60
  const right = w + 60
  const bottom = h + 60
  const top = n(ground)
  const span = `x="${left}" y="${top}" width="${n(right - left)}" height="${n(bottom - ground)}"`
  if (kind === 'boards') {
    const colour = rng.pick(['#8b6a4a', '#9a7b5c', '#6f5a48', '#a08d7a'])
    let seams = ''
    for (let y = ground + 20; y < bottom; y += 22) {
      seams += `M${left} ${n(y)}h${right - left}`
      const joint = rng.float(left, right)
      seams += `M${n(joint)} ${n(y)}v22`
    }
    return `<rect ${span} fill="${colour}"/><path d="${seams}" stroke="#000" stroke-opacity="0.25" stroke-width="2"/>`
  }
  if (kind === 'tile') {
    const colour = rng.pick(['#cfcac0', '#b9b4aa', '#dedad2'])
    let grid = ''
    for (let y = ground + 60; y < bottom; y += 60) grid += `M${left} ${n(y)}h${right - left}`
    for (let x = left + rng.int(0, 59); x < right; x += 60) grid += `M${x} ${top}V${bottom}`
    return `<rect ${span} fill="${colour}"/><path d="${grid}" stroke="#8f8a80" stroke-width="1.5"/>`
  }
  const colour =
    kind === 'grass'
      ? rng.pick(['#5d7d3a', '#6b8a45', '#4f6f35'])
      : kind === 'carpet'
        ? rng.pick(['#5a5f6b', '#6b5a4f', '#4f5b52'])
        : rng.pick(['#a3a29c', '#b5b3ab', '#8f8e88'])
  defs.push(
    '<linearGradient id="floor" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${shade(colour, -0.12)}"/><stop offset="1" stop-color="${colour}"/>`,
    '</linearGradient>',
  )
  const joints =
    kind === 'concrete'
      ? `<path d="M${left} ${n(ground + (h - ground) * 0.45)}h${right - left}M${n(w * rng.float(0.2, 0.8))} ${top}l${n(rng.float(-80, 80))} ${n(bottom - ground)}" stroke="#6e6d68" stroke-width="2" fill="none"/>`
      : ''
  return `<rect ${span} fill="url(#floor)"/>${joints}`
}

interface DoorOptions {
  x: number
  width: number
  height: number
  colour: string
  trim: string
  glass?: boolean
}

function door(frame: Frame, options: DoorOptions): string {
  const { ground, rng } = frame
  const { x, width, height, colour, trim } = options
  const top = ground - height
  const parts = [
    `<rect x="${n(x - 14)}" y="${n(top - 14)}" width="${n(width + 28)}" height="${n(height + 14)}" fill="${trim}"/>`,
    `<rect x="${n(x)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" fill="${colour}"/>`,
  ]
  const inset = width * 0.14
  const panelWidth = (width - inset * 3) / 2
  if (options.glass) {
    parts.push(
      `<rect x="${n(x + inset)}" y="${n(top + inset)}" width="${n(width - inset * 2)}" height="${n(height * 0.38)}" fill="#b9d3df" stroke="${shade(colour, -0.3)}" stroke-width="4"/>`,
      `<path d="M${n(x + width / 2)} ${n(top + inset)}v${n(height * 0.38)}M${n(x + inset)} ${n(top + inset + height * 0.19)}h${n(width - inset * 2)}" stroke="${trim}" stroke-width="5"/>`,
    )
  } else {
    for (const [dx, dy, ph] of [
      [0, 0, 0.36],
      [1, 0, 0.36],
    ] as const) {
      parts.push(
        `<rect x="${n(x + inset + dx * (panelWidth + inset))}" y="${n(top + inset + dy)}" width="${n(panelWidth)}" height="${n(height * ph)}" fill="none" stroke="${shade(colour, -0.25)}" stroke-width="4"/>`,
      )
    }
  }
  for (const dx of [0, 1]) {
    parts.push(
      `<rect x="${n(x + inset + dx * (panelWidth + inset))}" y="${n(top + height * 0.5)}" width="${n(panelWidth)}" height="${n(height * 0.4)}" fill="none" stroke="${shade(colour, -0.25)}" stroke-width="4"/>`,
    )
  }
  const knobX = rng.chance(0.5) ? x + width - inset * 0.55 : x + inset * 0.55
  parts.push(
    `<circle cx="${n(knobX)}" cy="${n(top + height * 0.5)}" r="${n(width * 0.035)}" fill="#c9a43b"/>`,
    `<circle cx="${n(knobX)}" cy="${n(top + height * 0.43)}" r="${n(width * 0.022)}" fill="#a8892f"/>`,
  )
  return parts.join('')
}

function numberPlate(x: number, y: number, label: string, scale: number, dark: boolean): string {
  const w = textWidth(label, scale) + scale * 4
  const h = GLYPH_HEIGHT * scale + scale * 4
  return (
    `<rect x="${n(x - w / 2)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${scale}" fill="${dark ? '#2b2b2b' : '#e7dcc0'}"/>` +
    `<path d="${textPath(label, Math.round(x - w / 2 + scale * 2), Math.round(y + scale * 2), scale)}" fill="${dark ? '#e6e6e6' : '#222'}"/>`
  )
}

/** Where a house number goes: right of the door, or above it when the frame is too narrow. */
function besideDoor(
  width: number,
  doorX: number,
  doorWidth: number,
  doorTop: number,
): { x: number; y: number; scale: number } {
  const right = doorX + doorWidth + 60
  if (right < width - 60) return { x: right, y: doorTop + 40, scale: 4 }
  return { x: doorX + doorWidth / 2, y: Math.max(8, doorTop - 56), scale: 4 }
}

/** The parcel: a box with tape and label, or a soft mailer, standing on the floor at (cx, base). */
function parcel(frame: Frame, cx: number, base: number, size: number): string {
  const { rng } = frame
  const shadow = `<ellipse cx="${n(cx + size * 0.08)}" cy="${n(base)}" rx="${n(size * 0.62)}" ry="${n(size * 0.1)}" fill="#000" fill-opacity="0.28"/>`
  if (rng.chance(0.2)) {
    const colour = rng.pick(MAILER_COLOURS)
    const w = size * 1.1
    const h = size * 0.32
    return (
      shadow +
      `<rect x="${n(cx - w / 2)}" y="${n(base - h)}" width="${n(w)}" height="${n(h)}" rx="${n(h * 0.35)}" fill="${colour}" stroke="${shade(colour, -0.2)}" stroke-width="2"/>` +
      label(cx - w * 0.2, base - h * 0.85, w * 0.36, h * 0.6, rng)
    )
  }
  const colour = rng.pick(PARCEL_COLOURS)
  const w = size
  const h = size * rng.float(0.55, 0.9)
  const depth = size * 0.22
  const left = cx - w / 2
  const top = base - h
  return [
    shadow,
    `<rect x="${n(left)}" y="${n(top)}" width="${n(w)}" height="${n(h)}" fill="${colour}"/>`,
    `<path d="M${n(left)} ${n(top)}l${n(depth)} ${n(-depth * 0.6)}h${n(w)}l${n(-depth)} ${n(depth * 0.6)}z" fill="${shade(colour, 0.14)}"/>`,
    `<path d="M${n(left + w)} ${n(top)}l${n(depth)} ${n(-depth * 0.6)}v${n(h)}l${n(-depth)} ${n(depth * 0.6)}z" fill="${shade(colour, -0.2)}"/>`,
    `<rect x="${n(cx - w * 0.06)}" y="${n(top)}" width="${n(w * 0.12)}" height="${n(h * 0.35)}" fill="${shade(colour, 0.25)}" fill-opacity="0.8"/>`,
    label(left + w * 0.52, top + h * 0.42, w * 0.38, h * 0.44, rng),
  ].join('')
}

function label(x: number, y: number, w: number, h: number, rng: Random): string {
  let bars = ''
  let bx = x + w * 0.08
  while (bx < x + w * 0.9) {
    const bw = rng.pick([1, 1.5, 2, 3])
    bars += `M${n(bx)} ${n(y + h * 0.52)}h${bw}v${n(h * 0.36)}h${-bw}z`
    bx += bw + rng.pick([1, 1.5, 2])
  }
  return (
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#f7f7f2"/>` +
    `<path d="M${n(x + w * 0.08)} ${n(y + h * 0.12)}h${n(w * 0.6)}v${n(h * 0.08)}h${n(-w * 0.6)}zM${n(x + w * 0.08)} ${n(y + h * 0.28)}h${n(w * 0.8)}v${n(h * 0.07)}h${n(-w * 0.8)}z${bars}" fill="#222"/>`
  )
}

function planter(frame: Frame, cx: number, size: number): string {
  const { ground, rng } = frame
  const pot = rng.pick(['#a0522d', '#4d4d4d', '#c2b59b', '#2f4f4f'])
  const leaf = rng.pick(['#3f6b35', '#4c7a3c', '#2e5a2a'])
  let leaves = ''
  for (let i = 0; i < 7; i++) {
    leaves += `<circle cx="${n(cx + rng.float(-0.5, 0.5) * size)}" cy="${n(ground - size * 0.8 - rng.float(0, 0.7) * size)}" r="${n(size * rng.float(0.22, 0.36))}" fill="${shade(leaf, rng.float(-0.15, 0.15))}"/>`
  }
  return (
    leaves +
    `<path d="M${n(cx - size * 0.45)} ${n(ground - size * 0.75)}h${n(size * 0.9)}l${n(-size * 0.1)} ${n(size * 0.75)}h${n(-size * 0.7)}z" fill="${pot}"/>`
  )
}

function doorScene(
  frame: Frame,
  defs: string[],
  doorNumber: string | null,
  indoors: boolean,
  neighbour: boolean,
): string[] {
  const { width: w, height: h, ground, rng } = frame
  const hallway = indoors && rng.chance(0.75)
  const doorHeight = Math.min(ground * 0.92, h * 0.62)
  const doorWidth = doorHeight * 0.45
  const x = w * rng.float(0.3, 0.5)
  const colour = rng.pick(DOOR_COLOURS)
  const trim = rng.pick(TRIM_COLOURS)
  const parts = [
    wall(frame, defs, hallway ? 'plain' : undefined),
    floor(frame, defs, hallway ? 'carpet' : 'concrete'),
  ]
  if (!hallway) {
    parts.push(
      `<rect x="${n(x - 60)}" y="${n(ground - 6)}" width="${n(doorWidth + 120)}" height="${n(h * 0.06)}" fill="#9b9a94"/>`,
    )
  }
  parts.push(
    door(frame, {
      x,
      width: doorWidth,
      height: doorHeight,
      colour,
      trim,
      glass: !hallway && rng.chance(0.3),
    }),
  )
  if (doorNumber) {
    const plate = hallway
      ? { x: x + doorWidth / 2, y: ground - doorHeight * 0.92, scale: 3 }
      : besideDoor(w, x, doorWidth, ground - doorHeight)
    const dark = neighbour ? rng.chance(0.5) : rng.chance(0.3)
    parts.push(numberPlate(plate.x, plate.y, doorNumber, plate.scale, dark))
  }
  const mat = rng.pick(['#3b3a36', '#5a4632', '#2d3b4a'])
  parts.push(
    `<rect x="${n(x - doorWidth * 0.1)}" y="${n(ground + 4)}" width="${n(doorWidth * 1.2)}" height="${n(h * 0.07)}" rx="4" fill="${mat}"/>`,
  )
  if (!hallway && rng.chance(0.6)) parts.push(planter(frame, x - w * 0.13, w * 0.09))
  parts.push(
    parcel(
      frame,
      x + doorWidth * rng.float(0.3, 0.8),
      ground + h * 0.07,
      w * rng.float(0.16, 0.26),
    ),
  )
  return parts
}

function backDoorScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const doorHeight = Math.min(ground * 0.9, h * 0.6)
  const doorWidth = doorHeight * 0.44
  const x = w * rng.float(0.32, 0.5)
  const parts = [
    wall(frame, defs, 'siding'),
    floor(frame, defs, rng.chance(0.5) ? 'boards' : 'concrete'),
  ]
  parts.push(
    door(frame, {
      x,
      width: doorWidth,
      height: doorHeight,
      colour: rng.pick(DOOR_COLOURS),
      trim: rng.pick(TRIM_COLOURS),
      glass: true,
    }),
  )
  // A screen door in front: its frame and a faint mesh.
  parts.push(
    `<rect x="${n(x - 4)}" y="${n(ground - doorHeight - 4)}" width="${n(doorWidth + 8)}" height="${n(doorHeight + 4)}" fill="#fff" fill-opacity="0.08" stroke="#e8e8e8" stroke-width="6"/>`,
    `<path d="M${n(x - 4)} ${n(ground - doorHeight * 0.5)}h${n(doorWidth + 8)}" stroke="#e8e8e8" stroke-width="6"/>`,
  )
  for (let step = 0; step < 2; step++) {
    parts.push(
      `<rect x="${n(x - 30 - step * 20)}" y="${n(ground + step * h * 0.05)}" width="${n(doorWidth + 60 + step * 40)}" height="${n(h * 0.05)}" fill="${shade('#8a857b', -step * 0.08)}"/>`,
    )
  }
  parts.push(
    `<circle cx="${n(w * 0.82)}" cy="${n(ground - h * 0.12)}" r="${n(w * 0.06)}" fill="none" stroke="#2e7d32" stroke-width="10"/>`,
  )
  parts.push(
    parcel(frame, x + doorWidth * rng.float(0.2, 0.9), ground + h * 0.1, w * rng.float(0.15, 0.24)),
  )
  return parts
}

function porchScene(frame: Frame, defs: string[], doorNumber: string | null): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [
    wall(frame, defs, rng.chance(0.6) ? 'siding' : 'plain'),
    floor(frame, defs, 'boards'),
  ]
  const doorHeight = Math.min(ground * 0.9, h * 0.58)
  const doorWidth = doorHeight * 0.45
  const doorX = w * rng.float(0.55, 0.68)
  parts.push(
    door(frame, {
      x: doorX,
      width: doorWidth,
      height: doorHeight,
      colour: rng.pick(DOOR_COLOURS),
      trim: rng.pick(TRIM_COLOURS),
      glass: rng.chance(0.4),
    }),
  )
  // A window to the left of the door, with muntins.
  const winW = w * 0.24
  const winH = doorHeight * 0.5
  const winX = w * 0.12
  const winY = ground - doorHeight * 0.85
  parts.push(
    `<rect x="${n(winX - 10)}" y="${n(winY - 10)}" width="${n(winW + 20)}" height="${n(winH + 20)}" fill="#f4f1ea"/>`,
    `<rect x="${n(winX)}" y="${n(winY)}" width="${n(winW)}" height="${n(winH)}" fill="#6f8796"/>`,
    `<path d="M${n(winX + winW / 2)} ${n(winY)}v${n(winH)}M${n(winX)} ${n(winY + winH / 2)}h${n(winW)}" stroke="#f4f1ea" stroke-width="6"/>`,
  )
  if (doorNumber) {
    const plate = besideDoor(w, doorX, doorWidth, ground - doorHeight)
    parts.push(numberPlate(plate.x, plate.y, doorNumber, plate.scale, rng.chance(0.4)))
  }
  // Railing across the front-left, partly in front of the scene.
  const railTop = ground + (h - ground) * 0.15
  const railEnd = w * rng.float(0.3, 0.42)
  let balusters = ''
  for (let bx = -40; bx < railEnd; bx += 26)
    balusters += `M${n(bx)} ${n(railTop)}v${n(h - railTop + 40)}`
  parts.push(
    `<path d="${balusters}" stroke="#f4f1ea" stroke-width="9"/>`,
    `<rect x="-60" y="${n(railTop - 12)}" width="${n(railEnd + 70)}" height="16" fill="#f4f1ea"/>`,
  )
  if (rng.chance(0.5)) {
    // A bench or chair against the wall.
    const bx = w * 0.1
    parts.push(
      `<rect x="${n(bx)}" y="${n(ground - h * 0.1)}" width="${n(w * 0.3)}" height="${n(h * 0.025)}" fill="#5d4037"/>`,
      `<rect x="${n(bx + 8)}" y="${n(ground - h * 0.1)}" width="10" height="${n(h * 0.1)}" fill="#4e342e"/>`,
      `<rect x="${n(bx + w * 0.3 - 18)}" y="${n(ground - h * 0.1)}" width="10" height="${n(h * 0.1)}" fill="#4e342e"/>`,
    )
  }
  if (rng.chance(0.6)) parts.push(planter(frame, doorX + doorWidth + w * 0.12, w * 0.08))
  parts.push(
    parcel(
      frame,
      doorX - w * rng.float(0.02, 0.1),
      ground + (h - ground) * 0.45,
      w * rng.float(0.17, 0.27),
    ),
  )
  return parts
}

function garageScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [
    wall(frame, defs, rng.chance(0.5) ? 'siding' : 'plain'),
    floor(frame, defs, 'concrete'),
  ]
  const gw = w * 0.66
  const gh = Math.min(ground * 0.85, h * 0.55)
  const gx = w * rng.float(0.08, 0.26)
  const colour = rng.pick(['#f2f0ea', '#d8d4cb', '#6d6a64', '#8a7f72'])
  parts.push(
    `<rect x="${n(gx - 14)}" y="${n(ground - gh - 14)}" width="${n(gw + 28)}" height="${n(gh + 14)}" fill="${rng.pick(TRIM_COLOURS)}"/>`,
  )
  parts.push(
    `<rect x="${n(gx)}" y="${n(ground - gh)}" width="${n(gw)}" height="${n(gh)}" fill="${colour}"/>`,
  )
  let lines = ''
  for (let i = 1; i < 4; i++) lines += `M${n(gx)} ${n(ground - gh + (gh * i) / 4)}h${n(gw)}`
  parts.push(`<path d="${lines}" stroke="${shade(colour, -0.22)}" stroke-width="5"/>`)
  for (let i = 0; i < 4; i++) {
    parts.push(
      `<rect x="${n(gx + gw * 0.06 + i * gw * 0.235)}" y="${n(ground - gh + gh * 0.06)}" width="${n(gw * 0.18)}" height="${n(gh * 0.13)}" fill="#51606b"/>`,
    )
  }
  if (rng.chance(0.6)) {
    const bx = gx + gw + w * 0.04
    parts.push(
      `<rect x="${n(bx)}" y="${n(ground - h * 0.2)}" width="${n(w * 0.1)}" height="${n(h * 0.22)}" rx="6" fill="${rng.pick(['#2e7d32', '#37474f', '#1565c0'])}"/>`,
      `<rect x="${n(bx - 4)}" y="${n(ground - h * 0.21)}" width="${n(w * 0.1 + 8)}" height="12" rx="4" fill="#263238"/>`,
    )
  }
  parts.push(
    parcel(
      frame,
      gx + gw * rng.float(0.15, 0.85),
      ground + (h - ground) * rng.float(0.15, 0.5),
      w * rng.float(0.15, 0.25),
    ),
  )
  return parts
}

function mailroomScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [wall(frame, defs, 'plain'), floor(frame, defs, 'tile')]
  const shelfLeft = w * 0.04
  const shelfRight = w * rng.float(0.6, 0.75)
  const levels = 4
  const shelfTop = ground * 0.12
  const step = (ground - shelfTop) / levels
  const wood = rng.pick(['#8d6e63', '#9e9e9e', '#a1887f', '#78909c'])
  for (let level = 0; level < levels; level++) {
    const y = shelfTop + step * (level + 1)
    let x = shelfLeft + 8
    while (x < shelfRight - 40) {
      const size = rng.float(0.45, 0.8) * step
      if (x + size > shelfRight) break
      if (rng.chance(0.8)) {
        const c = rng.chance(0.7) ? rng.pick(PARCEL_COLOURS) : rng.pick(MAILER_COLOURS)
        const bh = size * rng.float(0.4, 0.85)
        parts.push(
          `<rect x="${n(x)}" y="${n(y - bh - 6)}" width="${n(size)}" height="${n(bh)}" fill="${c}" stroke="${shade(c, -0.2)}" stroke-width="2"/>`,
        )
        if (rng.chance(0.5))
          parts.push(
            `<rect x="${n(x + size * 0.5)}" y="${n(y - bh * 0.8 - 6)}" width="${n(size * 0.35)}" height="${n(bh * 0.3)}" fill="#f7f7f2"/>`,
          )
      }
      x += size + rng.float(6, 20)
    }
    parts.push(
      `<rect x="${n(shelfLeft)}" y="${n(y - 6)}" width="${n(shelfRight - shelfLeft)}" height="12" fill="${wood}"/>`,
    )
  }
  parts.push(
    `<path d="M${n(shelfLeft)} ${n(shelfTop)}v${n(ground - shelfTop)}M${n(shelfRight)} ${n(shelfTop)}v${n(ground - shelfTop)}" stroke="${shade(wood, -0.2)}" stroke-width="12"/>`,
  )
  // Wall of mailboxes beside the shelves.
  const boxLeft = shelfRight + w * 0.05
  const cols = 3
  const cellW = (w - boxLeft - w * 0.02) / cols
  const cellH = ground * 0.09
  for (let row = 0; row < 7; row++) {
    for (let col = 0; col < cols; col++) {
      const bx = boxLeft + col * cellW
      const by = ground * 0.2 + row * cellH
      parts.push(
        `<rect x="${n(bx)}" y="${n(by)}" width="${n(cellW - 4)}" height="${n(cellH - 4)}" fill="#b0b7bd" stroke="#7d868c" stroke-width="2"/>`,
      )
      parts.push(
        `<rect x="${n(bx + cellW * 0.4)}" y="${n(by + cellH * 0.35)}" width="${n(cellW * 0.2)}" height="4" fill="#5f676d"/>`,
      )
    }
  }
  parts.push(
    parcel(
      frame,
      w * rng.float(0.3, 0.55),
      ground + (h - ground) * rng.float(0.35, 0.6),
      w * rng.float(0.17, 0.26),
    ),
  )
  return parts
}

function leasingScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [
    wall(frame, defs, rng.chance(0.5) ? 'brick' : 'plain'),
    floor(frame, defs, 'concrete'),
  ]
  const gx = w * 0.15
  const gw = w * 0.7
  const gh = ground * 0.72
  const gy = ground - gh
  parts.push(
    `<rect x="${n(gx - 10)}" y="${n(gy - 10)}" width="${n(gw + 20)}" height="${n(gh + 10)}" fill="#37474f"/>`,
    `<rect x="${n(gx)}" y="${n(gy)}" width="${n(gw)}" height="${n(gh)}" fill="#9fb8c4"/>`,
    `<path d="M${n(gx + gw * 0.1)} ${n(gy + gh)}l${n(gw * 0.3)} ${n(-gh)}M${n(gx + gw * 0.3)} ${n(gy + gh)}l${n(gw * 0.25)} ${n(-gh * 0.8)}" stroke="#fff" stroke-opacity="0.35" stroke-width="14"/>`,
    `<path d="M${n(gx + gw / 2)} ${n(gy)}v${n(gh)}" stroke="#37474f" stroke-width="10"/>`,
    `<rect x="${n(gx + gw / 2 - 30)}" y="${n(gy + gh * 0.4)}" width="8" height="${n(gh * 0.25)}" fill="#cfd8dc"/>`,
    `<rect x="${n(gx + gw / 2 + 22)}" y="${n(gy + gh * 0.4)}" width="8" height="${n(gh * 0.25)}" fill="#cfd8dc"/>`,
  )
  const sign = 'LEASING OFFICE'
  const scale = Math.max(2, Math.floor((gw * 0.7) / textWidth(sign, 1)))
  const sw = textWidth(sign, scale) + scale * 6
  const sx = gx + (gw - sw) / 2
  const sy = Math.max(6, gy - GLYPH_HEIGHT * scale - scale * 8)
  parts.push(
    `<rect x="${n(sx)}" y="${n(sy)}" width="${n(sw)}" height="${n(GLYPH_HEIGHT * scale + scale * 5)}" fill="#263238"/>`,
    `<path d="${textPath(sign, Math.round(sx + scale * 3), Math.round(sy + scale * 2.5), scale)}" fill="#f5f5f5"/>`,
  )
  parts.push(
    `<rect x="${n(gx + gw * 0.3)}" y="${n(ground + 4)}" width="${n(gw * 0.4)}" height="${n(h * 0.06)}" rx="4" fill="#3b3a36"/>`,
  )
  parts.push(
    parcel(
      frame,
      gx + gw * rng.float(0.1, 0.9),
      ground + (h - ground) * rng.float(0.3, 0.55),
      w * rng.float(0.16, 0.24),
    ),
  )
  return parts
}

function lockerScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [wall(frame, defs, 'plain'), floor(frame, defs, 'tile')]
  const body = rng.pick(['#90a4ae', '#4db6ac', '#b0bec5', '#ffb74d', '#78909c'])
  const lx = w * 0.06
  const lw = w * 0.88
  const ly = ground * 0.06
  const lh = ground - ly
  parts.push(
    `<rect x="${n(lx)}" y="${n(ly)}" width="${n(lw)}" height="${n(lh)}" fill="${shade(body, -0.3)}"/>`,
  )
  const cols = 5
  const colW = lw / cols
  let openCell: { x: number; y: number; w: number; h: number } | null = null
  const openCol = rng.int(0, cols - 1) === 2 ? 1 : rng.pick([0, 1, 3, 4])
  for (let col = 0; col < cols; col++) {
    const x = lx + col * colW
    if (col === 2) {
      parts.push(
        `<rect x="${n(x + 6)}" y="${n(ly + 6)}" width="${n(colW - 12)}" height="${n(lh * 0.45)}" fill="${body}"/>`,
        `<rect x="${n(x + colW * 0.15)}" y="${n(ly + lh * 0.08)}" width="${n(colW * 0.7)}" height="${n(lh * 0.18)}" fill="#0d2b45"/>`,
        `<rect x="${n(x + colW * 0.2)}" y="${n(ly + lh * 0.3)}" width="${n(colW * 0.6)}" height="${n(lh * 0.1)}" fill="#37474f"/>`,
      )
    }
    let y = col === 2 ? ly + lh * 0.45 + 6 : ly + 6
    while (y < ly + lh - 20) {
      const cellH = Math.min(ly + lh - 6 - y, lh * rng.pick([0.12, 0.18, 0.25]))
      if (cellH < 20) break
      if (col === openCol && !openCell && y > ly + lh * 0.35) {
        openCell = { x: x + 6, y, w: colW - 12, h: cellH - 6 }
        parts.push(
          `<rect x="${n(x + 6)}" y="${n(y)}" width="${n(colW - 12)}" height="${n(cellH - 6)}" fill="#263238"/>`,
        )
      } else {
        parts.push(
          `<rect x="${n(x + 6)}" y="${n(y)}" width="${n(colW - 12)}" height="${n(cellH - 6)}" fill="${body}"/>`,
          `<rect x="${n(x + colW - 26)}" y="${n(y + cellH * 0.35)}" width="6" height="${n(cellH * 0.3)}" fill="${shade(body, -0.35)}"/>`,
        )
      }
      y += cellH
    }
  }
  if (openCell) {
    parts.push(
      parcel(
        frame,
        openCell.x + openCell.w / 2,
        openCell.y + openCell.h - 4,
        Math.min(openCell.w * 0.8, openCell.h * 1.1),
      ),
    )
    parts.push(
      `<path d="M${n(openCell.x)} ${n(openCell.y)}l${n(-colW * 0.45)} ${n(-8)}v${n(openCell.h + 16)}l${n(colW * 0.45)} ${n(-8)}z" fill="${shade(body, 0.1)}"/>`,
    )
  } else {
    parts.push(parcel(frame, w * 0.5, ground + (h - ground) * 0.5, w * 0.2))
  }
  return parts
}

function outdoorScene(frame: Frame, defs: string[]): string[] {
  const { width: w, height: h, ground, rng } = frame
  const parts = [
    `<rect x="-60" y="-60" width="${n(w + 120)}" height="${n(ground + 60)}" fill="${rng.pick(['#9ec1d9', '#b8cfdf', '#c9d3da'])}"/>`,
    floor(frame, defs, rng.chance(0.6) ? 'grass' : 'concrete'),
  ]
  const wood = rng.pick(['#8d6e63', '#a1887f', '#6d4c41', '#bcaaa4'])
  const fenceTop = ground * rng.float(0.25, 0.45)
  let boards = ''
  for (let x = -60; x < w + 60; x += 34)
    boards += `M${x} ${n(fenceTop + (x % 68 === 0 ? 0 : 8))}h30v${n(ground - fenceTop + 10)}h-30z`
  parts.push(`<path d="${boards}" fill="${wood}"/>`)
  parts.push(
    `<rect x="-60" y="${n(fenceTop + (ground - fenceTop) * 0.25)}" width="${n(w + 120)}" height="10" fill="${shade(wood, -0.25)}"/>`,
  )
  const gateX = w * rng.float(0.35, 0.6)
  parts.push(
    `<rect x="${n(gateX)}" y="${n(fenceTop - 10)}" width="${n(w * 0.16)}" height="${n(ground - fenceTop + 12)}" fill="${shade(wood, 0.1)}" stroke="${shade(wood, -0.35)}" stroke-width="6"/>`,
  )
  parts.push(
    `<path d="M${n(gateX)} ${n(ground)}l${n(w * 0.16)} ${n(-(ground - fenceTop))}" stroke="${shade(wood, -0.35)}" stroke-width="6"/>`,
  )
  for (let i = 0; i < 9; i++) {
    parts.push(
      `<circle cx="${n(rng.pick([rng.float(0, 0.25), rng.float(0.78, 1)]) * w)}" cy="${n(ground - rng.float(0, 0.12) * h)}" r="${n(w * rng.float(0.04, 0.08))}" fill="${shade('#3f6b35', rng.float(-0.15, 0.2))}"/>`,
    )
  }
  parts.push(
    parcel(
      frame,
      gateX + w * rng.float(-0.05, 0.2),
      ground + (h - ground) * rng.float(0.3, 0.6),
      w * rng.float(0.16, 0.26),
    ),
  )
  return parts
}

/** The hour's light: dim and flash-lit at night, warm in the evening, neutral by day. */
function lightFor(hour: number, w: number, h: number, rng: Random): string {
  if (hour >= 20 || hour < 7) {
    return (
      `<rect width="${w}" height="${h}" fill="#0b1020" fill-opacity="0.55"/>` +
      [1, 0.75, 0.5]
        .map(
          (k) =>
            `<ellipse cx="${n(w / 2)}" cy="${n(h * 0.62)}" rx="${n(w * 0.42 * k)}" ry="${n(h * 0.36 * k)}" fill="#fff8e1" fill-opacity="0.07"/>`,
        )
        .join('')
    )
  }
  if (hour >= 17)
    return `<rect width="${w}" height="${h}" fill="#ff8f00" fill-opacity="${rng.float(0.08, 0.16).toFixed(2)}"/>`
  if (rng.chance(0.3)) return `<rect width="${w}" height="${h}" fill="#fff" fill-opacity="0.08"/>`
  return ''
}

function caption(lines: ReadonlyArray<string>, w: number, h: number): string {
  const scale = 2
  const lineHeight = GLYPH_HEIGHT * scale + 6
  const stripHeight = lines.length * lineHeight + 12
  let path = ''
  lines.forEach((line, index) => {
    path += textPath(line, 10, h - stripHeight + 8 + index * lineHeight, scale)
  })
  return (
    `<rect y="${h - stripHeight}" width="${w}" height="${stripHeight}" fill="#000" fill-opacity="0.55"/>` +
    `<path d="${path}" fill="#fff"/>`
  )
}

/** Lightens (amount > 0) or darkens a #rrggbb colour. */
function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16)
  const channel = (shift: number): string => {
    const c = (value >> shift) & 0xff
    const next = amount >= 0 ? c + (255 - c) * amount : c * (1 + amount)
    return Math.round(Math.min(255, Math.max(0, next)))
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(16)}${channel(8)}${channel(0)}`
}

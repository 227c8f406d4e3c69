// Makes every icon the installers need from the two drawings in this folder, the same way every
// time: `npm run icons`. icon.svg is the product icon (with the margin macOS expects); icon-small.svg
// is the same lamp and parcel redrawn for 16-32 px, where the big drawing's glow and check mark
// would blur. Output, committed:
//   icon.png (1024), icons/<n>x<n>.png (Linux), icon.ico (Windows: 16-256), icon.icns (macOS).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pngToIco from 'png-to-ico'
import png2icons from 'png2icons'
import sharp from 'sharp'

const here = import.meta.dirname
const big = readFileSync(join(here, 'icon.svg'))
const small = readFileSync(join(here, 'icon-small.svg'))

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const SMALL_UP_TO = 32

async function render(size: number): Promise<Buffer> {
  const source = size <= SMALL_UP_TO ? small : big
  // Rendered at the target size (not scaled down from 1024) so edges land on whole pixels;
  // no metadata, so the bytes depend on the drawing only.
  return sharp(source, { density: (72 * size) / (size <= SMALL_UP_TO ? 32 : 1024) })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer()
}

async function main(): Promise<void> {
  mkdirSync(join(here, 'icons'), { recursive: true })
  const pngs = new Map<number, Buffer>()
  for (const size of LINUX_SIZES) {
    const png = await render(size)
    pngs.set(size, png)
    writeFileSync(join(here, 'icons', `${size}x${size}.png`), png)
  }
  writeFileSync(join(here, 'icon.png'), pngs.get(1024)!)
  writeFileSync(join(here, 'icon.ico'), await pngToIco(ICO_SIZES.map((size) => pngs.get(size)!)))
  const icns = png2icons.createICNS(pngs.get(1024)!, png2icons.BICUBIC2, 0)
  if (!icns) throw new Error('png2icons could not make icon.icns')
  writeFileSync(join(here, 'icon.icns'), icns)
  console.log(`icons written to ${here}`)
}

if (process.argv[1] === import.meta.filename) await main()

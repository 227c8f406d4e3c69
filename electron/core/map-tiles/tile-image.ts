// The bytes of a raster tile: what kind of image they are (read from the bytes, not from what a
// file or a server claims), and the enlarged quarter of a tile for zooms its source lacks.
import sharp from 'sharp'

export const TILE_FORMATS = ['png', 'jpg', 'webp'] as const
export type TileFormat = (typeof TILE_FORMATS)[number]

export const CONTENT_TYPES: Readonly<Record<TileFormat, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
}

/**
 * The largest tile Porchlight sends to the map, wherever it comes from (the tile server or an
 * MBTiles file): a 256 or 512 px raster tile is tens of kilobytes; anything past this is refused.
 */
export const MAX_TILE_BYTES = 2 * 1024 * 1024

/** A tile ready to go to the map. */
export interface TileImage {
  bytes: Buffer
  format: TileFormat
}

/** The image format of `bytes` from its signature, or null when it is none we show. */
export function sniffTileFormat(bytes: Uint8Array): TileFormat | null {
  const starts = (signature: number[], offset = 0) =>
    bytes.length >= offset + signature.length &&
    signature.every((byte, index) => bytes[offset + index] === byte)
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts([0xff, 0xd8, 0xff])) return 'jpg'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return null
}

/** A tile should be 256 or 512 pixels a side; anything far larger is refused from its header. */
const MAX_TILE_PIXELS = 4096 * 4096

/**
 * One quarter-of-a-quarter… of `image`: the part a tile `levels` zooms deeper covers, enlarged to
 * the parent's size. Lets a basemap that stops at zoom 17 still fill the map at 18 and 19 (sharp
 * runs this off the event loop).
 */
export async function enlargePart(
  image: TileImage,
  levels: number,
  offset: { dx: number; dy: number },
): Promise<TileImage> {
  const input = sharp(image.bytes, { limitInputPixels: MAX_TILE_PIXELS, failOn: 'error' })
  const meta = await input.metadata()
  const size = meta.width
  if (!size || meta.height !== size) throw new Error('the tile is not square')
  const parts = 2 ** levels
  const part = size / parts
  if (!Number.isInteger(part)) throw new Error(`a ${size} px tile cannot be split ${parts} ways`)
  const enlarged = input
    .extract({ left: offset.dx * part, top: offset.dy * part, width: part, height: part })
    // Nearest neighbour keeps a drawn map's flat colours and lines crisp; on imagery it shows as
    // larger pixels, which is honest about the missing detail.
    .resize(size, size, { kernel: 'nearest' })
  // JPEG stays JPEG; PNG and WebP (often lossless drawings) become PNG, which adds no artefacts.
  if (image.format === 'jpg') {
    return { bytes: await enlarged.jpeg({ quality: 85 }).toBuffer(), format: 'jpg' }
  }
  return { bytes: await enlarged.png().toBuffer(), format: 'png' }
}

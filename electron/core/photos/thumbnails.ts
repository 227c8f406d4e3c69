// Checks that a verified photo is an image we can show, and makes its thumbnail. Decoding runs
// in sharp's worker threads (off the main event loop), with a pixel limit so an "image bomb"
// is refused from its header instead of exhausting memory, and a time limit so nothing hangs.
import { mkdirSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { t } from '../messages/messages.ts'
import { hashRawPixels, type PerceptualHash } from './perceptual-hash.ts'
import { photoFilePath, thumbnailPath } from './photo-files.ts'

/** 100 megapixels: well above any phone camera, far below what would exhaust memory. */
export const MAX_PHOTO_PIXELS = 100_000_000
export const THUMBNAIL_SIZE = 320

/** A displayable photo gets its thumbnail and its perceptual hash, both from one decode. */
export type ThumbnailOutcome = { ok: true; hash: PerceptualHash } | { ok: false; reason: string }

export async function makeThumbnail(dataDir: string, sha256: string): Promise<ThumbnailOutcome> {
  const source = photoFilePath(dataDir, sha256)
  const target = thumbnailPath(dataDir, sha256)
  const tmp = `${target}.tmp`
  try {
    const image = sharp(source, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
    const meta = await image.metadata()
    if (!meta.width || !meta.height) {
      return { ok: false, reason: t('delivery:photoFile.noImageSize') }
    }
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 })
    // Decoded and reduced once (JPEG shrunk on load); the thumbnail is encoded from these pixels
    // and the perceptual hash computed from them in memory (photoPixels, so a hash made later
    // for an older photo is the same).
    const { data, info } = await photoPixels(image)
    await sharp(data, { raw: info })
      // The fastest WebP method: thumbnails are made for every photo a sync brings (hundreds a
      // minute), and at this size the file is barely larger than at the default effort (4),
      // which took about half again as long per photo.
      .webp({ quality: 72, effort: 0 })
      .timeout({ seconds: 20 })
      .toFile(tmp)
    const hash = hashRawPixels(data, info)
    await rename(tmp, target)
    return { ok: true, hash }
  } catch (error) {
    await rm(tmp, { force: true })
    return { ok: false, reason: describeDecodeError(error) }
  }
}

/** The photo as shown (EXIF orientation applied), at thumbnail size, as raw pixels. */
function photoPixels(image: Sharp) {
  return image
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .timeout({ seconds: 20 })
    .raw()
    .toBuffer({ resolveWithObject: true })
}

/**
 * The perceptual hash of an image file or its bytes, made as a new download's is (from the same
 * pixels as its thumbnail). Null when it cannot be read as an image.
 */
export async function photoHash(input: string | Buffer): Promise<PerceptualHash | null> {
  try {
    const image = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
    const { data, info } = await photoPixels(image)
    return hashRawPixels(data, info)
  } catch {
    return null
  }
}

/** The hash of a photo stored before hashes were kept (photo-match/match-photos.ts). */
export function hashStoredPhoto(dataDir: string, sha256: string): Promise<PerceptualHash | null> {
  return photoHash(photoFilePath(dataDir, sha256))
}

function describeDecodeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/pixel limit/i.test(message)) {
    return t('delivery:photoFile.tooLarge', { megapixels: MAX_PHOTO_PIXELS / 1_000_000 })
  }
  if (
    /unsupported image format|bad seek|corrupt|premature end|VipsJpeg|Input file/i.test(message)
  ) {
    return t('delivery:photoFile.unreadable')
  }
  if (/timeout/i.test(message)) return t('delivery:photoFile.tooSlow')
  return t('delivery:photoFile.notDecoded', { error: message.split('\n')[0] ?? message })
}

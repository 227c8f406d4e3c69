// Turns a scene into JPEG bytes with the EXIF a handset would write: when (local time and its
// offset) and where (GPS). Same scene, same libvips: same bytes.
import sharp from 'sharp'
import type { LatLng } from '../contract/schemas.ts'
import { GENERATOR_VERSION } from './generate.ts'
import { sceneSvg } from './photo-scene.ts'
import type { PhotoScene } from './types.ts'

export const JPEG_QUALITY = 70

export async function renderPhoto(scene: PhotoScene): Promise<Buffer> {
  const original = await renderScene(scene)
  return scene.reuse ? reusedCopy(original, scene) : original
}

/**
 * What a driver's phone makes of a photo reused from its gallery: the same file, or one saved
 * again (re-encoded, shrunk, trimmed at the edges, brightened). Each stays within the look-alike
 * distance (tests/core/photos/perceptual-hash.test.ts measures these very changes).
 */
async function reusedCopy(original: Buffer, scene: PhotoScene): Promise<Buffer> {
  const reuse = scene.reuse
  if (!reuse || reuse.kind === 'same') return original
  const image = sharp(original)
  switch (reuse.kind) {
    case 'reencoded':
      return image.jpeg({ quality: reuse.quality, optimiseCoding: false }).toBuffer()
    case 'resized':
      return image
        .resize(Math.round(scene.width * reuse.scale))
        .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
        .toBuffer()
    case 'cropped': {
      const dx = Math.round(scene.width * reuse.fraction)
      const dy = Math.round(scene.height * reuse.fraction)
      return image
        .extract({ left: dx, top: dy, width: scene.width - 2 * dx, height: scene.height - 2 * dy })
        .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
        .toBuffer()
    }
    case 'brightened':
      return image
        .modulate({ brightness: reuse.factor })
        .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
        .toBuffer()
  }
}

async function renderScene(scene: PhotoScene): Promise<Buffer> {
  // The scene is opaque, so dropping alpha loses nothing; Huffman optimisation is off because
  // it costs a sixth of the render time for files about 12% smaller.
  return sharp(Buffer.from(sceneSvg(scene), 'utf8'))
    .removeAlpha()
    .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
    .withExif({
      IFD0: {
        Make: 'Porchlight Demo',
        Model: 'POD Handset 3',
        Software: `porchlight-demo-service ${GENERATOR_VERSION}`,
      },
      IFD2: {
        DateTimeOriginal: scene.localDateTime,
        OffsetTimeOriginal: scene.utcOffset,
      },
      IFD3: scene.location ? gpsTags(scene.location) : {},
    })
    .toBuffer()
}

/** EXIF GPS as degrees, minutes and thousandths of seconds (about 3 cm). */
function gpsTags(location: LatLng): Record<string, string> {
  return {
    GPSLatitudeRef: location.lat < 0 ? 'S' : 'N',
    GPSLatitude: dms(Math.abs(location.lat)),
    GPSLongitudeRef: location.lng < 0 ? 'W' : 'E',
    GPSLongitude: dms(Math.abs(location.lng)),
  }
}

function dms(degrees: number): string {
  let whole = Math.floor(degrees)
  let minutes = Math.floor((degrees - whole) * 60)
  let milliSeconds = Math.round(((degrees - whole) * 60 - minutes) * 60_000)
  if (milliSeconds >= 60_000) {
    milliSeconds -= 60_000
    minutes += 1
  }
  if (minutes >= 60) {
    minutes -= 60
    whole += 1
  }
  return `${whole}/1 ${minutes}/1 ${milliSeconds}/1000`
}

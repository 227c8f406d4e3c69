// The reusing driver's later deliveries: about half carry, as their first photo, one of their
// own earlier photos of another address (the same file, or saved again: re-encoded, resized,
// trimmed or brightened), so the console has reused photos and look-alikes to find.
import type { Random } from '../random.ts'
import type { DeliveryDraft, PhotoDraft, PhotoReuse, PhotoScene } from '../types.ts'

export function reusePhotos(
  rng: Random,
  drafts: ReadonlyArray<DeliveryDraft>,
  scenes: Map<string, PhotoScene>,
  reuses: (deliveryId: string) => boolean,
): void {
  const theirs = drafts
    .filter((d) => reuses(d.id) && d.status === 'delivered' && d.photos.length > 0)
    .sort(
      (a, b) =>
        (a.deliveredAt ?? '').localeCompare(b.deliveredAt ?? '') || a.id.localeCompare(b.id),
    )
  const originals: DeliveryDraft[] = []
  let reused = 0
  for (const delivery of theirs) {
    const sources = originals.filter((o) => o.address.line1 !== delivery.address.line1)
    if (originals.length < 3 || sources.length === 0 || !rng.chance(0.5)) {
      originals.push(delivery)
      continue
    }
    const source = scenes.get((rng.pick(sources).photos[0] as PhotoDraft).id) as PhotoScene
    const photo = delivery.photos[0] as PhotoDraft
    const ways: ReadonlyArray<readonly [PhotoReuse, number]> = [
      [{ kind: 'same' }, 3],
      [{ kind: 'reencoded', quality: rng.int(45, 60) }, 2],
      [{ kind: 'resized', scale: 0.75 }, 1],
      [{ kind: 'cropped', fraction: 0.01 }, 2],
      [{ kind: 'brightened', factor: 1.08 }, 1],
    ]
    // The first reuses go through every way in turn, so even a small world has each to find.
    const reuse =
      reused < ways.length ? (ways[reused] as (typeof ways)[number])[0] : rng.weighted(ways)
    reused++
    const size = photoSize(source, reuse)
    photo.width = size.width
    photo.height = size.height
    scenes.set(photo.id, { ...source, photoId: photo.id, reuse })
  }
}

/** The size of a photo made from `scene`'s the way `reuse` says. */
function photoSize(scene: PhotoScene, reuse: PhotoReuse): { width: number; height: number } {
  if (reuse.kind === 'resized') {
    const width = Math.round(scene.width * reuse.scale)
    return { width, height: Math.round((scene.height * width) / scene.width) }
  }
  if (reuse.kind === 'cropped') {
    return {
      width: scene.width - 2 * Math.round(scene.width * reuse.fraction),
      height: scene.height - 2 * Math.round(scene.height * reuse.fraction),
    }
  }
  return { width: scene.width, height: scene.height }
}

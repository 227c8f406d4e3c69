// Where the committed demo basemap lives in a source checkout (Node: tests, the porchlight
// command, browser mode). The packaged app passes its own path (it ships under resources/).
import { join } from 'node:path'

export const DEMO_BASEMAP_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'resources',
  'demo-basemap.mbtiles',
)

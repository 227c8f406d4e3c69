// `npm run demo-basemap [-- --out FILE]`: draws the demo basemap into resources/demo-basemap.mbtiles
// (committed, so the demo needs no drawing at start). Run it again after changing the drawing.
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEMO_BASEMAP_FILE } from './basemap-file.ts'
import { buildBasemap } from './build-basemap.ts'

const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true })
const out = values.out ?? DEMO_BASEMAP_FILE
const started = performance.now()
const { tiles } = await buildBasemap(out, {
  onProgress: (done, total) => process.stdout.write(`\r${done} of ${total} tiles`),
})
const seconds = ((performance.now() - started) / 1000).toFixed(1)
const megabytes = (statSync(out).size / 1_048_576).toFixed(2)
console.log(`\nwrote ${tiles} tiles to ${out} (${megabytes} MB) in ${seconds} s`)

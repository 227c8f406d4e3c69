import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openMbtiles, MbtilesError } from '../../../electron/core/map-tiles/mbtiles-file.ts'
import { writeMbtiles } from '../../../electron/core/map-tiles/write-mbtiles.ts'
import { tempDir } from '../fixtures/deliveries.ts'
import { solidTile } from '../../support/tile-server.ts'

const temp = tempDir('porchlight-mbtiles-')
let red: Buffer
let blue: Buffer
let jpeg: Buffer

beforeAll(async () => {
  red = await solidTile('#ff0000')
  blue = await solidTile('#0000ff')
  jpeg = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#0f0' } })
    .jpeg()
    .toBuffer()
})
afterAll(() => temp.remove())

/** An MBTiles file written by hand, the way other tools write them: rows counted from the south. */
function handMadeFile(
  name: string,
  metadata: Record<string, string>,
  rows: Array<[number, number, number, Buffer]>,
) {
  const path = join(temp.dir, name)
  const db = new BetterSqlite3(path)
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);`)
  for (const [key, value] of Object.entries(metadata)) {
    db.prepare('INSERT INTO metadata VALUES (?, ?)').run(key, value)
  }
  for (const row of rows) db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)').run(...row)
  db.close()
  return path
}

async function colourOf(bytes: Buffer): Promise<string> {
  const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  return `${data[0]},${data[1]},${data[2]}`
}

describe('reading an MBTiles file', () => {
  it('flips rows: a tile stored at TMS row 2^z-1-y is the XYZ tile y', async () => {
    // At zoom 2 there are four rows; XYZ row 0 (the north) is TMS row 3.
    const path = handMadeFile('hand.mbtiles', { name: 'Hand made', format: 'png' }, [
      [2, 1, 3, red],
      [2, 1, 0, blue],
    ])
    const file = openMbtiles(path)
    try {
      expect(await colourOf(file.readTile({ z: 2, x: 1, y: 0 })!.bytes)).toBe('255,0,0')
      expect(await colourOf(file.readTile({ z: 2, x: 1, y: 3 })!.bytes)).toBe('0,0,255')
      expect(file.readTile({ z: 2, x: 0, y: 0 })).toBeNull()
      expect(file.readTile({ z: 2, x: 1, y: 1 })).toBeNull()
      // The zoom range comes from the tiles when the metadata does not give it.
      expect(file.info).toMatchObject({ name: 'Hand made', format: 'png', minZoom: 2, maxZoom: 2 })
    } finally {
      file.close()
    }
  })

  it('writes rows the same way it reads them (checked against the raw table)', async () => {
    const path = join(temp.dir, 'written.mbtiles')
    await writeMbtiles(
      path,
      { name: 'Written', format: 'png', minzoom: '5', maxzoom: '5', bounds: '-123,37,-122,48' },
      [
        { z: 5, x: 5, y: 11, bytes: red },
        { z: 5, x: 5, y: 12, bytes: blue },
      ],
    )
    const raw = new BetterSqlite3(path, { readonly: true })
    const rows = raw
      .prepare('SELECT tile_column AS x, tile_row AS row FROM tiles ORDER BY tile_row')
      .all()
    raw.close()
    expect(rows).toEqual([
      { x: 5, row: 31 - 12 },
      { x: 5, row: 31 - 11 },
    ])
    const file = openMbtiles(path)
    try {
      expect(await colourOf(file.readTile({ z: 5, x: 5, y: 11 })!.bytes)).toBe('255,0,0')
      expect(file.info.bounds).toEqual([-123, 37, -122, 48])
    } finally {
      file.close()
    }
  })

  it('types each tile from its bytes and skips blobs that are not images', async () => {
    const path = handMadeFile('mixed.mbtiles', { name: 'Mixed', format: 'png' }, [
      [1, 0, 1, jpeg],
      [1, 1, 1, Buffer.from('<html>not a tile</html>')],
    ])
    const file = openMbtiles(path)
    try {
      expect(file.readTile({ z: 1, x: 0, y: 0 })?.format).toBe('jpg')
      expect(file.readTile({ z: 1, x: 1, y: 0 })).toBeNull()
    } finally {
      file.close()
    }
  })

  it('shows the attribution as plain text, whatever HTML the file carries', () => {
    const path = handMadeFile(
      'attributed.mbtiles',
      {
        name: 'City basemap',
        format: 'image/png',
        attribution:
          '<a href="https://example.org" onclick="steal()">&copy; Example&nbsp;Maps</a> <script>alert(1)</script>&amp; friends &#169;',
      },
      [[0, 0, 0, red]],
    )
    const file = openMbtiles(path)
    try {
      expect(file.info.attribution).toBe('© Example Maps alert(1) & friends ©')
      expect(file.info.format).toBe('png')
    } finally {
      file.close()
    }
  })
})

describe('refusing files that cannot be used, in words', () => {
  it.each([
    ['vector.mbtiles', { name: 'Vector', format: 'pbf' }, /holds vector tiles \(pbf\)/],
    ['nofmt.mbtiles', { name: 'No format' }, /metadata has no format \(png, jpg or webp\)/],
    ['tiff.mbtiles', { name: 'Tiff', format: 'tiff' }, /format Porchlight cannot show \(tiff\)/],
  ])('%s', (name, metadata, message) => {
    const path = handMadeFile(name, metadata as Record<string, string>, [[0, 0, 0, red]])
    expect(() => openMbtiles(path)).toThrow(MbtilesError)
    expect(() => openMbtiles(path)).toThrow(message)
  })

  it('a file with no tiles', () => {
    const path = handMadeFile('empty.mbtiles', { name: 'Empty', format: 'png' }, [])
    expect(() => openMbtiles(path)).toThrow(`empty.mbtiles has no tiles.`)
  })

  it('an SQLite database that is not MBTiles', () => {
    const path = join(temp.dir, 'other.mbtiles')
    const db = new BetterSqlite3(path)
    db.exec('CREATE TABLE deliveries (id TEXT)')
    db.close()
    expect(() => openMbtiles(path)).toThrow(
      'other.mbtiles is not an MBTiles file: it has no tiles table.',
    )
  })

  it('a file that is not a database at all', () => {
    const path = join(temp.dir, 'photo.mbtiles')
    writeFileSync(path, Buffer.alloc(4096, 7))
    expect(() => openMbtiles(path)).toThrow(
      'photo.mbtiles is not an MBTiles file: it is not an SQLite database.',
    )
  })

  it('a file that is not there', () => {
    expect(() => openMbtiles(join(temp.dir, 'gone.mbtiles'))).toThrow(
      'gone.mbtiles could not be opened. Check that the file is still there and readable.',
    )
  })
})

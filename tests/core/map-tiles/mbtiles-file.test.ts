import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openMbtiles,
  MbtilesError,
  UNINDEXED_LIMIT_BYTES,
} from '../../../electron/core/map-tiles/mbtiles-file.ts'
import { MAX_TILE_BYTES } from '../../../electron/core/map-tiles/tile-image.ts'
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

/**
 * A file shaped by hand, schema and all, the way a hostile or careless tool could write it. Each
 * one opens as a valid MBTiles file would on today's main branch (format and zooms in its metadata),
 * so only the reader's own checks stand between it and the console.
 */
function fileWithSchema(name: string, schema: string, fill?: (db: BetterSqlite3.Database) => void) {
  const path = join(temp.dir, name)
  const db = new BetterSqlite3(path)
  db.exec(schema)
  fill?.(db)
  db.close()
  return path
}

const METADATA = `CREATE TABLE metadata (name TEXT, value TEXT);
  INSERT INTO metadata VALUES ('name', 'Hostile'), ('format', 'png'), ('minzoom', '0'),
    ('maxzoom', '19');`

/** The MBTiles spec's own layout: tiles as a view joining map and images (as mbutil writes it). */
const MAP_IMAGES = `CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
    tile_id TEXT);
  CREATE TABLE images (tile_data blob, tile_id text);`
const MAP_IMAGES_VIEW = `CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level,
    map.tile_column AS tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data
  FROM map JOIN images ON images.tile_id = map.tile_id;`

describe('refusing hostile files before anything runs without bound', () => {
  it('a tiles view over an endless recursive query', () => {
    const path = fileWithSchema(
      'endless.mbtiles',
      `${METADATA}
       CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
         SELECT 5 AS zoom_level, 5 AS tile_column, i AS tile_row, zeroblob(8) AS tile_data FROM n;`,
    )
    const started = performance.now()
    expect(() => openMbtiles(path)).toThrow(
      'endless.mbtiles cannot be used: its tiles table is a view Porchlight does not accept. Only a real tiles table, or the standard view joining the map and images tables, is read.',
    )
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('a view that reads the map and images tables some other way', () => {
    const recursive = fileWithSchema(
      'pair-endless.mbtiles',
      `${METADATA} ${MAP_IMAGES}
       CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
         SELECT map.zoom_level, map.tile_column, map.tile_row, images.tile_data
         FROM map JOIN images ON images.tile_id = map.tile_id JOIN n ON n.i > 0;`,
    )
    const subquery = fileWithSchema(
      'pair-subquery.mbtiles',
      `${METADATA} ${MAP_IMAGES}
       CREATE VIEW tiles AS SELECT zoom_level, tile_column, tile_row, tile_data FROM map, images
         WHERE map.tile_id = images.tile_id AND (SELECT count(*) FROM images) > 0;`,
    )
    const mapOnly = fileWithSchema(
      'map-only.mbtiles',
      `${METADATA} ${MAP_IMAGES}
       CREATE VIEW tiles AS SELECT zoom_level, tile_column, tile_row, tile_id AS tile_data FROM map;`,
    )
    for (const path of [recursive, subquery, mapOnly]) {
      expect(() => openMbtiles(path)).toThrow(/tiles table is a view Porchlight does not accept/)
    }
  })

  it('a metadata view, a virtual tiles table, computed columns', () => {
    const metadataView = fileWithSchema(
      'metadata-view.mbtiles',
      `CREATE VIEW metadata AS SELECT 'format' AS name, 'png' AS value;
       CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
         tile_data BLOB);`,
    )
    expect(() => openMbtiles(metadataView)).toThrow(
      'metadata-view.mbtiles cannot be used: its metadata table is a view, not a real table.',
    )
    const virtual = fileWithSchema(
      'virtual.mbtiles',
      `${METADATA}
       CREATE VIRTUAL TABLE tiles USING fts5(zoom_level, tile_column, tile_row, tile_data);`,
    )
    expect(() => openMbtiles(virtual)).toThrow(
      'virtual.mbtiles cannot be used: its tiles table is a virtual table, not a real table.',
    )
    const computed = fileWithSchema(
      'computed.mbtiles',
      `${METADATA}
       CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
         tile_data BLOB AS (zeroblob(1000000000)));`,
    )
    expect(() => openMbtiles(computed)).toThrow(
      'computed.mbtiles cannot be used: its tiles table has computed columns.',
    )
  })

  it('a large file whose tiles have no index (a full scan for every tile)', () => {
    const path = fileWithSchema(
      'unindexed.mbtiles',
      `${METADATA}
       CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,
         tile_data BLOB);`,
      (db) =>
        db
          .prepare('INSERT INTO tiles VALUES (0, 0, 0, zeroblob(?))')
          .run(UNINDEXED_LIMIT_BYTES + 1),
    )
    expect(() => openMbtiles(path)).toThrow(
      'unindexed.mbtiles cannot be used: its tiles have no index, so every tile would mean reading the whole file. Add the standard index (on zoom_level, tile_column, tile_row) with an MBTiles tool.',
    )
  })
})

describe('reading the spec’s map and images tables', () => {
  it('reads tiles from the pair behind the standard view, with or without indexes', async () => {
    for (const [name, indexes] of [
      [
        'pair.mbtiles',
        `CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
         CREATE UNIQUE INDEX images_id ON images (tile_id);`,
      ],
      ['pair-small-unindexed.mbtiles', ''],
    ] as const) {
      const path = fileWithSchema(
        name,
        `${METADATA} ${MAP_IMAGES} ${indexes} ${MAP_IMAGES_VIEW}`,
        (db) => {
          // Two addresses share one image, as deduplicating tools write them.
          db.prepare('INSERT INTO images VALUES (?, ?)').run(red, 'r')
          db.prepare('INSERT INTO images VALUES (?, ?)').run(blue, 'b')
          db.prepare('INSERT INTO map VALUES (2, 1, 3, ?)').run('r')
          db.prepare('INSERT INTO map VALUES (2, 2, 3, ?)').run('r')
          db.prepare('INSERT INTO map VALUES (2, 1, 0, ?)').run('b')
        },
      )
      const file = openMbtiles(path)
      try {
        expect(await colourOf(file.readTile({ z: 2, x: 1, y: 0 })!.bytes), name).toBe('255,0,0')
        expect(await colourOf(file.readTile({ z: 2, x: 2, y: 0 })!.bytes), name).toBe('255,0,0')
        expect(await colourOf(file.readTile({ z: 2, x: 1, y: 3 })!.bytes), name).toBe('0,0,255')
        expect(file.readTile({ z: 2, x: 0, y: 0 })).toBeNull()
      } finally {
        file.close()
      }
    }
  })
})

describe('capping a tile’s size', () => {
  it('skips a tile larger than the online limit and says so once', () => {
    const huge = Buffer.alloc(MAX_TILE_BYTES + 1)
    red.copy(huge) // a PNG signature and header up front: it looks like a tile
    const path = handMadeFile('huge-tile.mbtiles', { name: 'Huge', format: 'png' }, [
      [3, 1, 1, huge],
      [3, 1, 2, huge],
      [3, 2, 2, red],
    ])
    const told: string[] = []
    const file = openMbtiles(path, { onSkippedTile: (message) => told.push(message) })
    try {
      expect(file.readTile({ z: 3, x: 1, y: 6 })).toBeNull()
      expect(file.readTile({ z: 3, x: 1, y: 5 })).toBeNull()
      expect(file.readTile({ z: 3, x: 2, y: 5 })?.bytes.length).toBe(red.length)
      expect(told).toEqual([
        `huge-tile.mbtiles: tile 3/1/6 is ${MAX_TILE_BYTES + 1} bytes, over the ${MAX_TILE_BYTES}-byte limit for a tile; such tiles are skipped`,
      ])
    } finally {
      file.close()
    }
  })
})

// A 5x7 pixel font drawn as SVG paths, for the burned-in captions and door numbers. SVG <text>
// would go through fontconfig and whatever fonts the machine has, so the same seed could give
// different photo bytes on two machines; squares give the same pixels everywhere.

const GLYPHS: Readonly<Record<string, string>> = {
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '####. #...# #...# #...# #...# #...# ####.',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  '-': '..... ..... ..... ##### ..... ..... .....',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  ',': '..... ..... ..... ..... .##.. ..#.. .#...',
  '#': '.#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  "'": '..#.. ..#.. .#... ..... ..... ..... .....',
  '&': '.##.. #..#. #.#.. .#... #.#.# #..#. .##.#',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
  ' ': '..... ..... ..... ..... ..... ..... .....',
}

const ROWS: ReadonlyMap<string, ReadonlyArray<string>> = new Map(
  Object.entries(GLYPHS).map(([char, rows]) => [char, rows.split(' ')]),
)

export const GLYPH_WIDTH = 5
export const GLYPH_HEIGHT = 7
/** Advance per character, in font pixels (glyph plus one pixel of spacing). */
export const GLYPH_ADVANCE = 6

export function textWidth(text: string, scale: number): number {
  return text.length * GLYPH_ADVANCE * scale - scale
}

/** Path data for `text` with its top-left corner at (x, y), each font pixel `scale` units wide. */
export function textPath(text: string, x: number, y: number, scale: number): string {
  let path = ''
  let cursor = x
  for (const char of text.toUpperCase()) {
    const rows = ROWS.get(char) ?? ROWS.get('?')
    rows?.forEach((row, rowIndex) => {
      // One rectangle per run of lit pixels keeps the path short.
      for (let column = 0; column < row.length; column++) {
        if (row[column] !== '#') continue
        let end = column
        while (row[end + 1] === '#') end++
        const left = cursor + column * scale
        const top = y + rowIndex * scale
        path += `M${left} ${top}h${(end - column + 1) * scale}v${scale}h${-(end - column + 1) * scale}z`
        column = end
      }
    })
    cursor += GLYPH_ADVANCE * scale
  }
  return path
}

// How the renderer names an MBTiles file: `demo`, or `folder-`/`file-` and 16 hex digits of a hash
// of its name or path. Never a path. Kept apart (no Node imports) so the API schemas can use it.

export const DEMO_MAP_FILE_ID = 'demo'
export const MAP_FILE_ID_PATTERN = /^(demo|folder-[0-9a-f]{16}|file-[0-9a-f]{16})$/

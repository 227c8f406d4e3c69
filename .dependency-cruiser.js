// The floors of Porchlight, written down once. `npm run lint` runs dependency-cruiser with the
// rules made from them below: a file may import its own part, any part on a floor below its own,
// and on its own floor only the parts it names in `uses`. Nothing imports upward, and nothing
// anywhere imports in a circle. docs/architecture.md draws the same floors in words.
//
// A part is one regular expression over paths from the repository root; every source file of
// electron/ and src/ is in exactly one part (tests/architecture/floors.test.ts checks that, and
// that the `uses` of a floor never run in a circle).

/** The renderer's screen areas, each with the others it builds on. */
const SCREEN_USES = {
  search: ['delivery'],
  delivery: [],
  cases: ['delivery'],
  reports: [],
  settings: ['session'],
  session: [],
  sync: [],
}
const SCREENS = Object.keys(SCREEN_USES)

/** A screen area of the renderer: the API definition, the catalogue, the renderer's words, and `uses`. */
function screens(uses) {
  return Object.fromEntries(
    Object.entries(uses).map(([name, others]) => [
      `src/${name}`,
      {
        path: `^src/${name}/`,
        only: ['api', 'messages', 'src/words', ...others.map((o) => `src/${o}`)],
      },
    ]),
  )
}

/** Bottom floor first. `only` narrows a part to the parts it names, whatever lies below it. */
export const FLOORS = [
  {
    floor: 'shared words',
    parts: {
      common: {
        path: '^electron/core/common/',
        says: 'logger, token store, clock, UserFacingError, the outcome of a call, private folders',
      },
      contract: { path: '^electron/core/contract/', says: "the delivery service's wire format" },
      messages: {
        path: '^electron/core/messages/',
        says: 'every word people read, in each language: the catalogue and the language spoken',
      },
    },
  },
  {
    floor: 'the API definition',
    parts: {
      api: {
        path: '^electron/core/api/(?!dispatch\\.ts$)',
        says: 'every call: its argument, result and who may make it; shared with the renderer',
      },
    },
  },
  {
    floor: 'platform',
    parts: {
      db: {
        path: '^electron/core/db/(?!open-database\\.ts$|recovery/)',
        says: "the cache's tables, migrations and connection settings",
      },
      service: {
        path: '^electron/core/service/',
        says: "the delivery service's HTTP client and its back-off gate",
      },
      logging: { path: '^electron/core/logging/', says: 'redaction and the redacting logger' },
    },
  },
  {
    floor: 'capabilities',
    parts: {
      deliveries: { path: '^electron/core/deliveries/' },
      search: { path: '^electron/core/search/', uses: ['deliveries'] },
      audit: { path: '^electron/core/audit/' },
      addresses: {
        path: '^electron/core/addresses/',
        says: "an address's own history: the same address, its deliveries and claims",
        uses: ['cases', 'deliveries'],
      },
      'photo-match': {
        path: '^electron/core/photo-match/',
        says: 'perceptual hashes of stored photos, look-alikes and the reuse flag',
        uses: ['addresses', 'deliveries', 'photos'],
      },
      photos: { path: '^electron/core/photos/', uses: ['deliveries'] },
      people: {
        path: '^electron/core/people/',
        says: "the service's directory of people, kept for offline use, and who an id is",
      },
      cases: { path: '^electron/core/cases/', uses: ['deliveries'] },
      settings: { path: '^electron/core/settings/' },
      session: { path: '^electron/core/session/' },
      'map-tiles': { path: '^electron/core/map-tiles/' },
      updates: { path: '^electron/core/updates/' },
      security: { path: '^electron/core/security/' },
      diagnostics: { path: '^electron/core/diagnostics/' },
      'cache-opening': {
        path: '^electron/core/db/(open-database\\.ts$|recovery/)',
        says: 'opening the cache: its start check, and recovering a damaged one',
        uses: ['audit', 'deliveries'],
      },
      retention: {
        path: '^electron/core/retention/',
        uses: ['cache-opening', 'audit', 'cases', 'deliveries', 'photos'],
      },
      privacy: {
        path: '^electron/core/privacy/',
        uses: ['cache-opening', 'audit', 'cases', 'people', 'photos', 'retention'],
      },
      sync: { path: '^electron/core/sync/', uses: ['cases', 'deliveries', 'photos'] },
      'cache-identity': {
        path: '^electron/core/cache-identity/',
        // Whether a cache holds a service's data asks each table's owner.
        uses: ['audit', 'cases', 'deliveries', 'sync'],
      },
      reports: {
        path: '^electron/core/reports/',
        uses: ['audit', 'cases', 'deliveries', 'people', 'photo-match', 'photos'],
      },
      'proof-sheet': {
        path: '^electron/core/proof-sheet/',
        says: "the customer's proof-of-delivery sheet (PDF and image)",
        uses: ['audit', 'reports'],
      },
      'demo-service': { path: '^electron/core/demo-service/' },
      'demo-basemap': { path: '^electron/core/demo-basemap/', uses: ['demo-service', 'map-tiles'] },
    },
  },
  {
    floor: 'assembly',
    parts: {
      app: {
        path: '^electron/core/app/',
        says: 'createPorchlight: the capabilities put together, their API handlers',
      },
      dispatch: {
        path: '^electron/core/api/dispatch\\.ts$',
        says: 'runs one call for any host: access, argument, handler, result',
      },
    },
  },
  {
    floor: 'hosts',
    parts: {
      main: { path: '^electron/main/', says: 'the Electron shell' },
      preload: { path: '^electron/preload/', only: ['api'], says: 'window.porchlight' },
      'browser-mode': { path: '^electron/core/browser-mode/', says: 'the loopback bridge' },
      cli: { path: '^electron/core/cli/', says: 'the porchlight command' },
      launch: { path: '^electron/launch/', only: [], says: 'steps before Electron starts' },
    },
  },
  {
    // The renderer sees the core only through the API definition, and has floors of its own.
    floor: 'the window',
    parts: {
      'src/words': {
        path: '^src/(api|format|navigation|ui|words)/',
        only: ['api', 'messages'],
        says: 'the API client, formats, routes, small UI parts, wording',
      },
      ...screens(SCREEN_USES),
      'src/frame': {
        path: '^src/(app/|[^/]+$)',
        only: ['api', 'messages', 'src/words', ...SCREENS.map((name) => `src/${name}`)],
        says: 'main.tsx and app/: the frame, routes, theme, shortcuts',
      },
    },
  },
]

/** Only these may import Electron and the packages that need it. */
const ELECTRON_PACKAGES = '^node_modules/(electron|electron-log|electron-updater)/'
const ELECTRON_HOSTS = ['main', 'preload']

const parts = FLOORS.flatMap(({ floor, parts: named }, level) =>
  Object.entries(named).map(([name, part]) => ({ name, floor, level, ...part })),
)
const byName = new Map(parts.map((part) => [part.name, part]))

/** The parts `part` may import, itself included. */
export function allowedParts(part) {
  const below = part.only ?? parts.filter((p) => p.level < part.level).map((p) => p.name)
  return [...new Set([part.name, ...below, ...(part.uses ?? [])])].map((name) => {
    const target = byName.get(name)
    if (!target) throw new Error(`.dependency-cruiser.js: ${part.name} uses unknown part ${name}`)
    return target
  })
}

export const PARTS = parts

const floorRules = parts.map((part) => ({
  name: `floor:${part.name}`,
  comment: `${part.name} (${part.floor}) may import only ${
    allowedParts(part)
      .map((p) => p.name)
      .join(', ') || 'nothing of ours'
  }. Move the shared word down, or declare the dependency in .dependency-cruiser.js.`,
  severity: 'error',
  from: { path: part.path },
  to: { path: '^(electron|src)/', pathNot: allowedParts(part).map((p) => p.path) },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...floorRules,
    {
      name: 'no-circular',
      comment:
        'Files that import each other in a loop: one of them holds a word that belongs lower.',
      severity: 'error',
      from: { path: '^(electron|src)/' },
      to: { circular: true },
    },
    {
      name: 'electron-only-in-the-shell',
      comment:
        'Only the shell (electron/main, electron/preload) sees Electron: the core runs under plain Node too.',
      severity: 'error',
      from: {
        path: '^(electron|src)/',
        pathNot: ELECTRON_HOSTS.map((name) => byName.get(name).path),
      },
      to: { path: ELECTRON_PACKAGES },
    },
    {
      name: 'renderer-not-node',
      comment: 'The renderer runs in the page, not under Node.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'migrations-frozen',
      comment:
        'A migration imports only other migrations: live code changes later, and would change what an old migration does.',
      severity: 'error',
      from: { path: '^electron/core/db/migrations/' },
      to: {
        path: '^(electron|src)/',
        pathNot: '^electron/core/db/migrations/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    // Type-only imports tie files together as much as any other: they count.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}

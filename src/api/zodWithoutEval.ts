// zod compiles object parsers with `new Function` where the page allows it, and finds out by trying
// once, as soon as the first object schema is built. The page's Content-Security-Policy allows no
// eval (script-src 'self'), so that one try is refused and Chromium logs a Content-Security-Policy
// issue on every page. With `jitless` zod never tries and uses its plain parser.
//
// It must run before any schema is built: main.tsx imports it first, and so does client.ts, which
// puts it in the same bundle chunk as zod and the API's schemas, ahead of them (a module imported
// by the entry alone would land in the entry chunk, which runs after the shared chunks). The
// browser test `tests/e2e/console-clean.spec.ts` fails if a page logs a CSP issue again.
import { z } from 'zod'

z.config({ jitless: true })

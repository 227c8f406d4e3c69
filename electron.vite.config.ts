import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { CSP_NONCE_PLACEHOLDER } from './electron/core/security/content-security-policy.ts'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The sync's writer thread runs as a worker of its own (core/sync/page-writer.ts).
          'page-writer-thread': resolve(root, 'electron/core/sync/page-writer-thread.ts'),
          // So does the look-alike table's builder (core/photo-match/index-builder.ts).
          'hash-index-thread': resolve(root, 'electron/core/photo-match/hash-index-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() node_modules: bundle everything into one file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src'),
    base: './',
    // A placeholder on the built page's tags and in <meta property="csp-nonce">; whatever serves
    // the page (the app protocol, the browser-mode bridge) puts a fresh nonce there per load.
    html: { cspNonce: CSP_NONCE_PLACEHOLDER },
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/index.html') } },
    },
    plugins: [react()],
  },
})

import './api/zodWithoutEval.ts'
import '@fontsource/roboto/400.css'
import '@fontsource/roboto/500.css'
import '@fontsource/roboto/700.css'
import { StrictMode } from 'react'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import createCache from '@emotion/cache'
import { CacheProvider } from '@emotion/react'
import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { QueryClientProvider } from '@tanstack/react-query'
import { queryClient } from './api/queryClient.ts'
import { App } from './app/App.tsx'
import { CacheGate } from './app/CacheGate.tsx'
import { theme } from './app/theme.ts'

// When the page is served with a per-load style nonce (Vite's `html.cspNonce` writes it into
// <meta property="csp-nonce">, the app protocol fills it in), emotion must stamp it on the
// <style> elements it creates, or the Content-Security-Policy blocks all of MUI's styles.
// Browsers hide the nonce attribute's value; the `nonce` property still has it.
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce
const emotionCache = styleNonce ? createCache({ key: 'css', nonce: styleNonce }) : null

function StyleCache({ children }: { children: ReactNode }) {
  return emotionCache ? <CacheProvider value={emotionCache}>{children}</CacheProvider> : children
}

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StyleCache>
        <ThemeProvider theme={theme} modeStorageKey="porchlight.theme">
          <CssBaseline enableColorScheme />
          <CacheGate>
            <App />
          </CacheGate>
        </ThemeProvider>
      </StyleCache>
    </QueryClientProvider>
  </StrictMode>,
)

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
import { QueryClientProvider } from '@tanstack/react-query'
import { queryClient } from './api/queryClient.ts'
import { App } from './app/App.tsx'
import { CacheGate } from './app/CacheGate.tsx'
import { Speaking } from './app/Speaking.tsx'
import { styleNonce } from './ui/styleNonce.ts'

// Emotion must stamp the page's style nonce on the <style> elements it creates, or the
// Content-Security-Policy blocks all of MUI's styles.
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
        <Speaking>
          <CssBaseline enableColorScheme />
          <CacheGate>
            <App />
          </CacheGate>
        </Speaking>
      </StyleCache>
    </QueryClientProvider>
  </StrictMode>,
)

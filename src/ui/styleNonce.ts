// The page's per-load style nonce, when it is served with one (Vite's `html.cspNonce` writes it
// into <meta property="csp-nonce">, the app protocol fills it in): whatever adds a <style> element
// (emotion, the Data Grid) stamps it, or the Content-Security-Policy refuses the styles.
// Browsers hide the nonce attribute's value; the `nonce` property still has it.
export const styleNonce: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

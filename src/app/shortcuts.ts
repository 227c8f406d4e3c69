// Keyboard shortcuts that work from anywhere in the workspace.
import { useEffect, useRef } from 'react'

const isApple = /Mac|iPhone|iPad/i.test(
  (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '',
)

/** "Ctrl+K" on Windows and Linux, "⌘K" on macOS. */
export function shortcutLabel(key: string): string {
  return isApple ? `⌘${key}` : `Ctrl+${key}`
}

/** Calls `onPress` for Ctrl/Cmd + `key`, wherever the focus is. */
export function useCommandShortcut(key: string, onPress: () => void): void {
  const handler = useRef(onPress)
  useEffect(() => {
    handler.current = onPress
  }, [onPress])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Either modifier, on every platform: people switch keyboards and machines.
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      if (event.key.toLowerCase() !== key.toLowerCase()) return
      event.preventDefault()
      handler.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [key])
}

/** Calls `onEscape` for a bare Escape that nothing else (a menu, a dialog, a tooltip) took. */
export function useEscape(onEscape: () => void): void {
  const handler = useRef(onEscape)
  useEffect(() => {
    handler.current = onEscape
  }, [onEscape])
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return
      handler.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

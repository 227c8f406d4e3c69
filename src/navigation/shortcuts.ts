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

/**
 * True when a key press belongs to what the person is typing or choosing (a text box, a select,
 * an open menu or dialog), so single-key shortcuts must leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true
  return (
    target.closest(
      '[role="combobox"], [role="listbox"], [role="menu"], [role="textbox"], [role="slider"], [role="spinbutton"], [role="dialog"], [role="alertdialog"]',
    ) !== null
  )
}

/**
 * Calls `onPress` for a bare key (no Ctrl, Cmd or Alt), unless the person is typing or a dialog
 * is open. Letters match either case. `keys` are `KeyboardEvent.key` values ('n', 'ArrowDown',
 * '?'). The handler gets the event and may call preventDefault itself.
 */
export function useKeyShortcut(
  keys: readonly string[],
  onPress: (event: KeyboardEvent) => void,
  enabled = true,
): void {
  const handler = useRef(onPress)
  useEffect(() => {
    handler.current = onPress
  }, [onPress])
  const keyList = keys.map((k) => (k.length === 1 ? k.toLowerCase() : k)).join('\u0000')
  useEffect(() => {
    if (!enabled) return
    const wanted = new Set(keyList.split('\u0000'))
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.isComposing) return
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      if (!wanted.has(key)) return
      if (isTypingTarget(event.target)) return
      // A modal (dialog, menu) is open elsewhere: its keys are its own.
      if (document.querySelector('.MuiModal-root:not(.MuiModal-hidden)')) return
      handler.current(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [keyList, enabled])
}

export type ShortcutGroup = {
  title: string
  shortcuts: ReadonlyArray<{ keys: readonly string[]; does: string }>
}

/** Every keyboard shortcut of the app, for the "Keyboard shortcuts" dialog (press ?). */
export function allShortcuts(): ShortcutGroup[] {
  return [
    {
      title: 'Anywhere',
      shortcuts: [
        { keys: [shortcutLabel('K')], does: 'Search deliveries' },
        { keys: ['?'], does: 'Show these keyboard shortcuts' },
        { keys: ['Esc'], does: 'Close a dialog, or go back from a delivery or a case' },
      ],
    },
    {
      title: 'Lists (search results, cases)',
      shortcuts: [
        { keys: ['↓', 'J'], does: 'Next row' },
        { keys: ['↑', 'K'], does: 'Previous row' },
        { keys: ['Enter'], does: 'Open the selected row' },
      ],
    },
    {
      title: 'A case',
      shortcuts: [
        { keys: ['N'], does: 'Write a note' },
        { keys: [shortcutLabel('Enter')], does: 'Add the note you are writing' },
        { keys: ['S'], does: 'Resolve the case' },
        { keys: ['A'], does: 'Assign the case to me' },
        { keys: ['T'], does: 'Add or change the help-desk ticket' },
      ],
    },
    {
      title: 'A delivery',
      shortcuts: [
        { keys: ['+'], does: 'Zoom in on the photo' },
        { keys: ['−'], does: 'Zoom out' },
        { keys: ['0'], does: 'Fit the photo to the panel' },
        { keys: ['R'], does: 'Rotate right' },
        { keys: ['Shift+R'], does: 'Rotate left' },
        { keys: ['F'], does: 'Full screen (Esc leaves it)' },
        { keys: ['← ↑ → ↓'], does: 'Move around a zoomed photo' },
        { keys: ['←', '→'], does: 'Previous or next photo, in the photo strip' },
        { keys: ['O'], does: 'Open a case on this delivery' },
      ],
    },
  ]
}

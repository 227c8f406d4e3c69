// Keyboard shortcuts that work from anywhere in the workspace, and the keys' names as the
// person's keyboard says them ("Enter" is "Intro" on a Spanish one).
import { useEffect, useRef } from 'react'
import { t } from '../../electron/core/messages/messages.ts'

const isApple = /Mac|iPhone|iPad/i.test(
  (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '',
)

/** A key with a name of its own, as the keyboards of the language spoken label it. */
export type NamedKey = 'enter' | 'esc'

/** "Enter" ("Intro" in Spanish), "Esc": for a <kbd> and for a shortcut with one of these keys. */
export function keyName(key: NamedKey): string {
  return t(`app:keys.${key}`)
}

/** "Ctrl+K" on Windows and Linux, "⌘K" on macOS; `keyName('enter')` for Ctrl+Enter. */
export function shortcutLabel(key: string): string {
  return isApple ? t('app:keys.command', { key }) : t('app:keys.ctrl', { key })
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
  const does = (key: ShortcutWord) => t(`app:shortcuts.${key}`)
  return [
    {
      title: t('app:shortcuts.anywhere'),
      shortcuts: [
        { keys: [shortcutLabel('K')], does: does('search') },
        { keys: ['?'], does: does('showShortcuts') },
        { keys: [keyName('esc')], does: does('escape') },
      ],
    },
    {
      title: t('app:shortcuts.lists'),
      shortcuts: [
        { keys: ['↓', 'J'], does: does('nextRow') },
        { keys: ['↑', 'K'], does: does('previousRow') },
        { keys: [keyName('enter')], does: does('openRow') },
      ],
    },
    {
      title: t('app:shortcuts.aCase'),
      shortcuts: [
        { keys: ['N'], does: does('writeNote') },
        { keys: [shortcutLabel(keyName('enter'))], does: does('addNote') },
        { keys: ['S'], does: does('resolve') },
        { keys: ['A'], does: does('assignToMe') },
        { keys: ['T'], does: does('ticket') },
      ],
    },
    {
      title: t('app:shortcuts.aDelivery'),
      shortcuts: [
        { keys: ['+'], does: does('zoomIn') },
        { keys: ['−'], does: does('zoomOut') },
        { keys: ['0'], does: does('fit') },
        { keys: ['R'], does: does('rotateRight') },
        { keys: [t('app:keys.shiftR')], does: does('rotateLeft') },
        { keys: ['F'], does: does('fullScreen') },
        { keys: [t('app:keys.arrows')], does: does('pan') },
        { keys: ['←', '→'], does: does('otherPhoto') },
        { keys: ['O'], does: does('openCase') },
      ],
    },
  ]
}

type ShortcutWord =
  | 'search'
  | 'showShortcuts'
  | 'escape'
  | 'nextRow'
  | 'previousRow'
  | 'openRow'
  | 'writeNote'
  | 'addNote'
  | 'resolve'
  | 'assignToMe'
  | 'ticket'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'rotateRight'
  | 'rotateLeft'
  | 'fullScreen'
  | 'pan'
  | 'otherPhoto'
  | 'openCase'

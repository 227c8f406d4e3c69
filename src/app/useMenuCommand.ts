// The desktop app's menu asks the page for a command (Search, Keyboard shortcuts, Sync now) by a
// window event; in browser mode nothing sends it.
import { useEffect, useRef } from 'react'
import {
  isMenuCommand,
  MENU_COMMAND_EVENT,
  type MenuCommand,
} from '../../electron/core/api/menu-schemas.ts'

export function useMenuCommand(command: MenuCommand, onCommand: () => void): void {
  const latest = useRef(onCommand)
  useEffect(() => {
    latest.current = onCommand
  })
  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail
      if (isMenuCommand(detail) && detail === command) latest.current()
    }
    window.addEventListener(MENU_COMMAND_EVENT, listener)
    return () => window.removeEventListener(MENU_COMMAND_EVENT, listener)
  }, [command])
}

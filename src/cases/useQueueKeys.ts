// The queue's keys, as in the search results: J/K and ↓/↑ move through the rows (the first press
// from outside the table goes to the selected row), Enter opens the selected case.
import type { RefObject } from 'react'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { useKeyShortcut } from '../navigation/shortcuts.ts'

type Queue = {
  items: CaseListItem[]
  selectedIndex: number
  tableRef: RefObject<HTMLTableElement | null>
  focusRow: (index: number) => void
  open: (item: CaseListItem) => void
}

export function useQueueKeys({ items, selectedIndex, tableRef, focusRow, open }: Queue): void {
  useKeyShortcut(['j', 'k', 'ArrowDown', 'ArrowUp', 'Enter'], (event) => {
    if (items.length === 0) return
    const inTable = tableRef.current?.contains(event.target as Node) ?? false
    if (event.key === 'Enter') {
      // A focused link or button does its own thing on Enter.
      const target = event.target as Element | null
      if (target?.closest('a, button, [role="button"]')) return
      event.preventDefault()
      const item = items[selectedIndex]
      if (item) open(item)
      return
    }
    const target = event.target as Element | null
    if (
      !inTable &&
      target?.closest('[role="group"], button, [role="button"]') &&
      event.key.startsWith('Arrow')
    )
      return
    event.preventDefault()
    if (!inTable) {
      focusRow(selectedIndex)
      return
    }
    const step = event.key === 'ArrowDown' || event.key.toLowerCase() === 'j' ? 1 : -1
    focusRow(Math.min(items.length - 1, Math.max(0, selectedIndex + step)))
  })
}

// The queue's keys, as in the search results: J/K move through the rows, and from outside the grid
// ↓/↑ too (the first press goes to the selected row); Enter opens the selected case. Inside the
// grid the arrow keys, Home/End and Page Up/Down are the grid's own, and Enter opens the case of
// the focused row (CaseQueueGrid).
import type { RefObject } from 'react'
import type { GridApi } from '@mui/x-data-grid'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { useKeyShortcut } from '../navigation/shortcuts.ts'

type Queue = {
  items: CaseListItem[]
  selectedIndex: number
  apiRef: RefObject<GridApi | null>
  focusRow: (index: number) => void
  open: (item: CaseListItem) => void
}

export function useQueueKeys({ items, selectedIndex, apiRef, focusRow, open }: Queue): void {
  useKeyShortcut(['j', 'k', 'ArrowDown', 'ArrowUp', 'Enter'], (event) => {
    if (items.length === 0) return
    const target = event.target as Element | null
    const root = apiRef.current?.rootElementRef?.current ?? null
    const inGrid = root?.contains(target) ?? false
    const arrow = event.key.startsWith('Arrow')
    if (event.key === 'Enter') {
      // A focused link or button does its own thing on Enter; the grid opens its focused row.
      if (inGrid || target?.closest('a, button, [role="button"]')) return
      event.preventDefault()
      const item = items[selectedIndex]
      if (item) open(item)
      return
    }
    if (inGrid && arrow) return
    if (!inGrid && arrow && target?.closest('[role="group"], button, [role="button"]')) return
    event.preventDefault()
    if (!inGrid) {
      focusRow(selectedIndex)
      return
    }
    const step = event.key.toLowerCase() === 'j' ? 1 : -1
    focusRow(Math.min(items.length - 1, Math.max(0, selectedIndex + step)))
  })
}

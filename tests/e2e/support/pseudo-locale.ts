// Reads the page as it stands in the pseudo-locale (`?locale=en-XA`), where every word from the
// catalogue, and every date or distance from the format helpers, is accented and bracketed ⟦…⟧:
//
// - a bypass is text a person reads or hears (a text node, or an aria-label, title, placeholder or
//   alt) with a Latin word outside the brackets: a word written into the code, not the catalogue.
//   Data (names, addresses, order ids, notes) sits in elements marked translate="no", as the HTML
//   standard asks, so browser translators leave it alone too;
// - an overflow is a control or heading whose own text (its text nodes, not an icon or a
//   checkbox laid in it) runs past its box: the longer words of
//   other languages would be cut off or spill onto their neighbours. Text cut short on purpose
//   (text-overflow: ellipsis, or a preview clamped to a few lines) is not an overflow.
import { expect, type Page } from '@playwright/test'

export type PseudoFindings = { bypasses: string[]; overflows: string[] }

export async function readPseudoPage(page: Page): Promise<PseudoFindings> {
  return page.evaluate(() => {
    const OPEN = '⟦'
    const CLOSE = '⟧'
    /** The text left once every bracketed (catalogued) piece is taken out. */
    const outsideBrackets = (text: string) => {
      let rest = text
      for (;;) {
        const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
        if (next === rest) break
        rest = next
      }
      return rest.replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), ' ')
    }
    const LATIN_WORD = /[A-Za-z]{2,}/
    const isData = (element: Element | null) => element?.closest('[translate="no"]') != null
    const shown = (element: Element) =>
      element.checkVisibility({ contentVisibilityAuto: true }) &&
      element.closest('[hidden], template, script, style, noscript') == null
    const where = (element: Element) => {
      const parts: string[] = []
      for (let at: Element | null = element; at && parts.length < 3; at = at.parentElement) {
        const role = at.getAttribute('role')
        const cls = [...at.classList].find((c) => c.startsWith('Mui') && !c.includes('-root'))
        parts.unshift(
          `${at.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}${cls ? `.${cls}` : ''}`,
        )
      }
      return parts.join(' > ')
    }

    const bypasses = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement
      if (!element || isData(element) || !shown(element)) continue
      const text = node.textContent ?? ''
      const word = outsideBrackets(text).match(LATIN_WORD)
      if (word) bypasses.add(`text "${text.trim().slice(0, 80)}" in ${where(element)}`)
    }
    for (const element of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt], [aria-valuetext]',
    )) {
      if (!shown(element) && !element.matches('input, textarea')) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const value = element.getAttribute(name)
        if (!value || isData(element)) continue
        if (LATIN_WORD.test(outsideBrackets(value))) {
          bypasses.add(`${name}="${value.slice(0, 80)}" on ${where(element)}`)
        }
      }
    }

    /** Text inside `control` cut short on purpose: an ellipsis, or a preview clamped to lines. */
    const cutOnPurpose = (from: Element | null, control: Element) => {
      for (let at = from; at && at !== control; at = at.parentElement) {
        const style = getComputedStyle(at)
        if (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none') return true
      }
      return false
    }
    const overflows = new Set<string>()
    const CONTROLS =
      'button, [role="button"], [role="tab"], [role="menuitem"], [role="option"], label, th, ' +
      '[role="columnheader"], .MuiChip-label, .MuiToggleButton-root, .MuiAlert-message, ' +
      '.MuiFormHelperText-root, h1, h2, h3, [role="status"], .MuiListItemText-root'
    for (const element of document.body.querySelectorAll<HTMLElement>(CONTROLS)) {
      if (!shown(element) || isData(element)) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      // Screen-reader-only text is clipped to a pixel on purpose.
      const style = getComputedStyle(element)
      if (style.clipPath !== 'none' || style.clip !== 'auto') continue
      let ellipsis = false
      for (let at: HTMLElement | null = element; at && !ellipsis; at = at.parentElement) {
        ellipsis = getComputedStyle(at).textOverflow === 'ellipsis'
        if (at === document.body) break
      }
      if (ellipsis) continue
      // Only the words count: a checkbox inside an alert sits 11 px out on purpose (MUI lines
      // its icon up with the text), and that is not text running past.
      let left = Infinity
      let right = -Infinity
      const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent?.trim() || cutOnPurpose(node.parentElement, element)) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const rect = range.getBoundingClientRect()
        if (rect.width === 0) continue
        left = Math.min(left, rect.left)
        right = Math.max(right, rect.right)
      }
      const past = Math.max(right - box.right, box.left - left)
      if (right > left && past > 1.5) {
        overflows.add(
          `"${element.textContent?.trim().slice(0, 60)}" runs ${Math.round(past)} px past ${where(element)}`,
        )
      }
    }
    return { bypasses: [...bypasses], overflows: [...overflows] }
  })
}

/** Every word on the page came from the catalogue, and every control holds its words. */
export async function expectAllLocalized(page: Page, state: string): Promise<void> {
  // Let the screen settle (a toast fading in, a chart measuring itself).
  await page.waitForTimeout(250)
  const found = await readPseudoPage(page)
  expect(found.bypasses, `${state}: words that bypass the catalogue`).toEqual([])
  expect(found.overflows, `${state}: text that runs past its control`).toEqual([])
  const horizontal = await page.evaluate(
    () => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
  )
  expect(horizontal, `${state}: the window scrolls sideways`).toBe(0)
}

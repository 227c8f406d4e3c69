// A signal on the page that a case changed here: screens that show cases read again at once
// instead of waiting for their next poll.
const CHANGED_EVENT = 'porchlight:cases-changed'

/** Tells every case view on the page that a case changed here. */
export function announceCaseChange(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT))
}

/** Calls `onChange` whenever a case changes on this console; returns the way to stop. */
export function onCaseChange(onChange: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, onChange)
  return () => window.removeEventListener(CHANGED_EVENT, onChange)
}

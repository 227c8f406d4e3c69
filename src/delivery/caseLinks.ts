// Links into the case desk. The Case and Cases screens read these hash routes; the delivery screen
// only produces them.

export function caseHref(caseId: string): string {
  return `#/case/${encodeURIComponent(caseId)}`
}

export type CasesFilter = { customer: string } | { address: string } | { driver: string }

/** The Cases queue filtered to one customer, address (its key) or driver. */
export function casesQueueHref(filter: CasesFilter): string {
  const [name, value] = Object.entries(filter)[0] as [string, string]
  return `#/cases?${name}=${encodeURIComponent(value)}`
}

const count = new Intl.NumberFormat(undefined)

/** "1,200" in the user's locale. */
export function formatCount(value: number): string {
  return count.format(value)
}

/** "1 delivery", "1,200 deliveries". */
export function plural(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`
}

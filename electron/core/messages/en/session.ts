// English words of the session namespace (see catalogue.ts).
export const session = {} as const

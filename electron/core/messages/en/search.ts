// English words of the search namespace (see catalogue.ts).
export const search = {} as const

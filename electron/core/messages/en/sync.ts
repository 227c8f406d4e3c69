// English words of the sync namespace (see catalogue.ts).
export const sync = {} as const

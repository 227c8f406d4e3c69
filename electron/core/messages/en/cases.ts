// English words of the cases namespace (see catalogue.ts).
export const cases = {} as const

// English words of the reports namespace (see catalogue.ts).
export const reports = {} as const

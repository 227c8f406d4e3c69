// English words of the documents namespace (see catalogue.ts).
export const documents = {} as const

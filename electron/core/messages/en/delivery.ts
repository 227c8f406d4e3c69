// English words of the delivery namespace (see catalogue.ts).
export const delivery = {} as const

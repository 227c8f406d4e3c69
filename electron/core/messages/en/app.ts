// English words of the app namespace (see catalogue.ts).
export const app = {} as const

// English words of the shell namespace (see catalogue.ts).
export const shell = {} as const

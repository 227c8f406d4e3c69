// What a translation provides: the English catalogue's shape, key for key, with every string free.
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }

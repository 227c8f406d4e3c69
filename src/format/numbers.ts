// Counts and shares in the app's one format (shared with the exports).
export { formatCount, formatShare } from '../../electron/core/api/display-format.ts'

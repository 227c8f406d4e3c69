// Phone numbers in the app's one display format (shared with the exports).
export { formatPhone, phoneDigits } from '../../electron/core/api/display-format.ts'

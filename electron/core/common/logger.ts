// Every line the core logs goes through this: the hosts pass one in (electron-log's file in the
// app, stderr in browser mode and the command line), and logging/redacting-logger.ts redacts it.
export interface Logger {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

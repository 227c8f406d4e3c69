// What `import … from 'electron'` (or electron-log, electron-updater) finds when the core is type
// checked (tsconfig.core.json maps them here): nothing. The core runs under plain Node too (tests,
// the CLI, browser mode); what it needs from Electron, the shell passes in (electron/main/).
export {}

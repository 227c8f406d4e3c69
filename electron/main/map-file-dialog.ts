// The desktop app's way to add an MBTiles basemap: a native open-file dialog in the main process.
// The path it returns comes from the person's own choice in the operating system's dialog, never
// from the page; the core then validates the file before remembering it.
import { dialog } from 'electron'
import type { BrowserWindow, OpenDialogOptions } from 'electron'
import { t } from '../core/messages/messages.ts'

/** The dialog's options, in the language spoken when it opens. */
export function mapFileDialog(): OpenDialogOptions {
  return {
    title: t('shell:mapFile.title'),
    buttonLabel: t('shell:mapFile.button'),
    filters: [{ name: t('shell:mapFile.files'), extensions: ['mbtiles'] }],
    properties: ['openFile', 'dontAddToRecent'],
  }
}

/** Shows the dialog over the main window (when there is one); the chosen path, or null. */
export function createMapFileChooser(
  parentWindow: () => BrowserWindow | null,
): () => Promise<string | null> {
  return async () => {
    const parent = parentWindow()
    const options = mapFileDialog()
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options)
    if (result.canceled) return null
    return result.filePaths[0] ?? null
  }
}

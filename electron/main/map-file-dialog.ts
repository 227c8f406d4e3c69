// The desktop app's way to add an MBTiles basemap: a native open-file dialog in the main process.
// The path it returns comes from the person's own choice in the operating system's dialog, never
// from the page; the core then validates the file before remembering it.
import { dialog } from 'electron'
import type { BrowserWindow, OpenDialogOptions } from 'electron'

export const MAP_FILE_DIALOG: OpenDialogOptions = {
  title: 'Add a map file',
  buttonLabel: 'Add map',
  filters: [{ name: 'MBTiles map files', extensions: ['mbtiles'] }],
  properties: ['openFile', 'dontAddToRecent'],
}

/** Shows the dialog over the main window (when there is one); the chosen path, or null. */
export function createMapFileChooser(
  parentWindow: () => BrowserWindow | null,
): () => Promise<string | null> {
  return async () => {
    const parent = parentWindow()
    const result = parent
      ? await dialog.showOpenDialog(parent, MAP_FILE_DIALOG)
      : await dialog.showOpenDialog(MAP_FILE_DIALOG)
    if (result.canceled) return null
    return result.filePaths[0] ?? null
  }
}

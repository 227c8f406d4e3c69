// Where a report export (or a proof-of-delivery sheet) goes in the desktop app: the person picks the file in the operating
// system's save dialog, opened by the main process. The renderer never names a path; it only
// asks for an export and later, if it likes, for the finished file to be shown in its folder.
import { extname, join } from 'node:path'
import type { BrowserWindow, Dialog, SaveDialogOptions, Shell } from 'electron'
import { t } from '../core/messages/messages.ts'
import type { ExportDestination, SavedFormat } from '../core/reports/export-jobs.ts'

/** The save dialog's file type for a format, named in the language spoken. */
function filterFor(format: SavedFormat): { name: string; extensions: string[] } {
  return { name: t(`shell:saveExport.${format}`), extensions: [format] }
}

export function createDialogDestination(options: {
  dialog: Pick<Dialog, 'showSaveDialog'>
  shell: Pick<Shell, 'showItemInFolder'>
  /** The window the dialog belongs to (it is modal to it), when there is one. */
  window: () => BrowserWindow | null
  /** Where the dialog starts: the person's Downloads folder. */
  defaultFolder: string
}): ExportDestination {
  return {
    downloadable: false,
    async choose(suggestedName, format, given) {
      const words = given ?? {
        title: t('shell:saveExport.title'),
        button: t('shell:saveExport.button'),
      }
      const dialogOptions: SaveDialogOptions = {
        title: words.title,
        buttonLabel: words.button,
        defaultPath: join(options.defaultFolder, suggestedName),
        filters: [filterFor(format)],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = options.window()
      const result = window
        ? await options.dialog.showSaveDialog(window, dialogOptions)
        : await options.dialog.showSaveDialog(dialogOptions)
      if (result.canceled || !result.filePath) return null
      // A name typed without its extension still gets the format's, so the file opens right.
      return extname(result.filePath).toLowerCase() === `.${format}`
        ? result.filePath
        : `${result.filePath}.${format}`
    },
    reveal(path) {
      options.shell.showItemInFolder(path)
    },
  }
}

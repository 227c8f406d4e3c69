// The desktop app's export destination: the main process's save dialog decides the path (the
// renderer never does), cancelling it exports nothing, the format's extension is kept, and the
// finished file is shown with the shell. Electron's dialog and shell are stand-ins here.
import { describe, expect, it } from 'vitest'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import { createDialogDestination } from '../../electron/main/export-dialog.ts'

function fakes(answer: { canceled: boolean; filePath?: string }) {
  const asked: Array<{ window: unknown; options: SaveDialogOptions }> = []
  const shown: string[] = []
  const window = { id: 1 } as unknown as BrowserWindow
  const destination = createDialogDestination({
    dialog: {
      showSaveDialog: (async (a: unknown, b?: SaveDialogOptions) => {
        asked.push(
          b ? { window: a, options: b } : { window: null, options: a as SaveDialogOptions },
        )
        return { canceled: answer.canceled, filePath: answer.filePath ?? '' }
      }) as never,
    },
    shell: { showItemInFolder: (path: string) => void shown.push(path) },
    window: () => window,
    defaultFolder: '/home/sam/Downloads',
  })
  return { destination, asked, shown, window }
}

describe('the export save dialog', () => {
  it('asks with the suggested name in Downloads, modal to the window, for that format only', async () => {
    const { destination, asked, window } = fakes({ canceled: false, filePath: '/home/sam/r.xlsx' })
    expect(await destination.choose('porchlight-cases-2025-05-01-to-2025-05-31.xlsx', 'xlsx')).toBe(
      '/home/sam/r.xlsx',
    )
    expect(asked).toEqual([
      {
        window,
        options: expect.objectContaining({
          defaultPath: '/home/sam/Downloads/porchlight-cases-2025-05-01-to-2025-05-31.xlsx',
          filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        }),
      },
    ])
    expect(destination.downloadable).toBe(false)
  })

  it('exports nothing when the person cancels', async () => {
    const { destination } = fakes({ canceled: true })
    expect(await destination.choose('report.pdf', 'pdf')).toBeNull()
  })

  it("adds the format's extension to a name typed without it", async () => {
    const { destination } = fakes({ canceled: false, filePath: '/tmp/May report' })
    expect(await destination.choose('report.csv', 'csv')).toBe('/tmp/May report.csv')
  })

  it('shows the finished file in its folder', () => {
    const { destination, shown } = fakes({ canceled: true })
    destination.reveal?.('/tmp/May report.csv')
    expect(shown).toEqual(['/tmp/May report.csv'])
  })
})

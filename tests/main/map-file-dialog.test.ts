import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  dialog: { showOpenDialog: vi.fn() },
}))
vi.mock('electron', () => electron)

const { mapFileDialog, createMapFileChooser } =
  await import('../../electron/main/map-file-dialog.ts')

describe('map file dialog', () => {
  it('asks for one .mbtiles file over the main window and returns its path', async () => {
    const window = { id: 1 }
    electron.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/srv/maps/region.mbtiles'],
    })
    const choose = createMapFileChooser(() => window as never)
    await expect(choose()).resolves.toBe('/srv/maps/region.mbtiles')
    const MAP_FILE_DIALOG = mapFileDialog()
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, MAP_FILE_DIALOG)
    expect(MAP_FILE_DIALOG.properties).toContain('openFile')
    expect(MAP_FILE_DIALOG.properties).not.toContain('multiSelections')
    expect(MAP_FILE_DIALOG.filters).toEqual([
      { name: 'MBTiles map files', extensions: ['mbtiles'] },
    ])
  })

  it('returns null when the person cancels, and works without a window', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    const choose = createMapFileChooser(() => null)
    await expect(choose()).resolves.toBeNull()
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(mapFileDialog())
  })
})

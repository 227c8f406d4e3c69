// The "Keyboard shortcuts" dialog: every shortcut of the app, opened with ? from anywhere (except
// while typing). Rendered once by the workspace.
import { useMenuCommand } from './useMenuCommand.ts'
import { useState } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import { allShortcuts, useKeyShortcut } from '../navigation/shortcuts.ts'

export function KeyboardShortcutsHelp() {
  const [open, setOpen] = useState(false)
  useKeyShortcut(['?'], (event) => {
    event.preventDefault()
    setOpen(true)
  })
  useMenuCommand('shortcuts', () => setOpen(true))
  if (!open) return null
  return <KeyboardShortcutsDialog onClose={() => setOpen(false)} />
}

export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['app', 'common'])
  const groups = allShortcuts()
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title">{t('shortcuts.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          <Trans t={t} i18nKey="shortcuts.intro" components={{ 0: <kbd /> }} />
        </Typography>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            columnGap: 4,
            rowGap: 3,
          }}
        >
          {groups.map((group, groupIndex) => (
            <Box
              component="section"
              key={group.title}
              aria-labelledby={`shortcuts-group-${groupIndex}`}
            >
              <Typography
                variant="h3"
                component="h3"
                id={`shortcuts-group-${groupIndex}`}
                sx={{ color: 'text.secondary', mb: 1 }}
              >
                {group.title}
              </Typography>
              <Box
                component="dl"
                sx={{
                  m: 0,
                  display: 'grid',
                  gridTemplateColumns: 'max-content 1fr',
                  columnGap: 2,
                  rowGap: 0.75,
                  alignItems: 'center',
                  typography: 'body2',
                  '& dd': { m: 0 },
                }}
              >
                {group.shortcuts.map((shortcut) => (
                  <Box key={shortcut.does} sx={{ display: 'contents' }}>
                    <dt>
                      {shortcut.keys.map((key, index) => (
                        <Box component="span" key={key}>
                          {index > 0 && (
                            <Box component="span" sx={{ color: 'text.secondary', mx: 0.5 }}>
                              {t('shortcuts.or')}
                            </Box>
                          )}
                          <kbd>{key}</kbd>
                        </Box>
                      ))}
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </Box>
                ))}
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3 }}>
        <Button onClick={onClose} autoFocus>
          {t('common:action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

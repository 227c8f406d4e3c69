// Settings › Support: "Copy diagnostics" for a support ticket (versions, settings, sync state and
// recent log lines, never the sign-in or customers' details) and whether Porchlight is up to date.
import { useCallback, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import SystemUpdateAltIcon from '@mui/icons-material/SystemUpdateAlt'
import { Trans, useTranslation } from 'react-i18next'
import type { UpdateStatus } from '../../electron/core/api/maintenance-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { t } from '../../electron/core/messages/messages.ts'
import { formatDateTime } from '../format/time.ts'
import { SettingsSection } from './SettingsSection.tsx'

export function updateSentence(status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return t(`settings:update.disabled.${status.reason}`)
    case 'idle':
      return status.lastCheckAt
        ? t('settings:update.upToDate', { at: formatDateTime(status.lastCheckAt) })
        : t('settings:update.notChecked')
    case 'checking':
      return t('settings:update.checking')
    case 'downloading':
      return t('settings:update.downloading', { version: status.version })
    case 'ready':
      return t('settings:update.ready', { version: status.version })
    case 'failed':
      return t('settings:update.failed')
  }
}

export function SupportSection() {
  const { t } = useTranslation(['settings', 'common'])
  const [copying, setCopying] = useState(false)
  /** Set once the diagnostics are on the clipboard: the log file's path, if there is one. */
  const [copied, setCopied] = useState<{ logFile: string | null } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  /** Shown when the clipboard refused: the text to copy by hand. */
  const [manual, setManual] = useState<string | null>(null)
  const client = useQueryClient()
  const update = useQuery(queries.updateStatus()).data ?? null
  const check = useMutation({
    mutationFn: () => api.checkForUpdates(),
    onMutate: () => setProblem(null),
    onSuccess: (status) => client.setQueryData(queries.updateStatus().queryKey, status),
    onError: (error) => setProblem(userMessage(error)),
  })
  const checking = check.isPending

  const copy = useCallback(() => {
    setCopying(true)
    setCopied(null)
    setProblem(null)
    api
      .getDiagnostics()
      .then(
        async ({ text, logFile }) => {
          try {
            await navigator.clipboard.writeText(text)
            setCopied({ logFile })
          } catch {
            setManual(text)
          }
        },
        (error: unknown) => setProblem(t('support.notGathered', { reason: userMessage(error) })),
      )
      .finally(() => setCopying(false))
  }, [t])

  const checkNow = () => check.mutate()

  return (
    <SettingsSection id="settings-support" title={t('support.title')}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          onClick={copy}
          disabled={copying}
          startIcon={
            copying ? <CircularProgress size={16} aria-hidden="true" /> : <ContentCopyIcon />
          }
        >
          {t('support.copy')}
        </Button>
        <Typography variant="body2" sx={{ color: 'text.secondary', flex: 1, minWidth: 260 }}>
          {t('support.copyHint')}
        </Typography>
      </Stack>
      {copied && (
        <Alert
          severity="success"
          onClose={() => setCopied(null)}
          closeText={t('common:action.close')}
        >
          {copied.logFile ? (
            <Trans
              t={t}
              i18nKey="support.copiedWithLog"
              values={{ file: copied.logFile }}
              components={{ 0: <span translate="no" style={{ overflowWrap: 'anywhere' }} /> }}
            />
          ) : (
            t('support.copied')
          )}
        </Alert>
      )}
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          onClick={checkNow}
          disabled={checking || update === null || update.state === 'disabled'}
          startIcon={
            checking ? <CircularProgress size={16} aria-hidden="true" /> : <SystemUpdateAltIcon />
          }
        >
          {t('support.checkUpdates')}
        </Button>
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {update ? updateSentence(update) : t('support.readingUpdates')}
        </Typography>
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Dialog open={manual !== null} onClose={() => setManual(null)} fullWidth maxWidth="md">
        <DialogTitle>{t('support.manualTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            {t('support.manualText')}
          </Typography>
          <TextField
            label={t('support.manualField')}
            value={manual ?? ''}
            multiline
            minRows={12}
            maxRows={20}
            fullWidth
            // For support, in English like the log it quotes (see diagnostics.ts).
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, translate: 'no' } }}
            onFocus={(event) => event.target.select()}
            sx={{ '& textarea': { fontFamily: 'ui-monospace, monospace', fontSize: '0.8rem' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setManual(null)} autoFocus>
            {t('common:action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsSection>
  )
}

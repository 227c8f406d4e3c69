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
import type { UpdateStatus } from '../../electron/core/api/maintenance-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { formatDateTime } from '../format/time.ts'
import { SettingsSection } from './SettingsSection.tsx'

export function updateSentence(status: UpdateStatus): string {
  switch (status.state) {
    case 'disabled':
      return status.reason
    case 'idle':
      return status.lastCheckAt
        ? `Porchlight is up to date (checked ${formatDateTime(status.lastCheckAt)}).`
        : 'Not checked yet.'
    case 'checking':
      return 'Checking for updates…'
    case 'downloading':
      return `Version ${status.version} is being downloaded.`
    case 'ready':
      return `Version ${status.version} is ready: it installs when Porchlight restarts.`
    case 'failed':
      return status.message
  }
}

export function SupportSection() {
  const [copying, setCopying] = useState(false)
  const [copied, setCopied] = useState<string | null>(null)
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
            setCopied(
              logFile
                ? `Diagnostics copied. The full log (also without personal data) is at ${logFile}.`
                : 'Diagnostics copied.',
            )
          } catch {
            setManual(text)
          }
        },
        (error: unknown) => setProblem(`Diagnostics could not be gathered. ${userMessage(error)}`),
      )
      .finally(() => setCopying(false))
  }, [])

  const checkNow = () => check.mutate()

  return (
    <SettingsSection id="settings-support" title="Support">
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          onClick={copy}
          disabled={copying}
          startIcon={
            copying ? <CircularProgress size={16} aria-hidden="true" /> : <ContentCopyIcon />
          }
        >
          Copy diagnostics
        </Button>
        <Typography variant="body2" sx={{ color: 'text.secondary', flex: 1, minWidth: 260 }}>
          Versions, settings, sync state and recent log lines for a support request. Your sign-in
          and customers&apos; details are never included.
        </Typography>
      </Stack>
      {copied && (
        <Alert severity="success" onClose={() => setCopied(null)}>
          {copied}
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
          Check for updates
        </Button>
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {update ? updateSentence(update) : 'Reading the update status…'}
        </Typography>
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Dialog open={manual !== null} onClose={() => setManual(null)} fullWidth maxWidth="md">
        <DialogTitle>Copy the diagnostics</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            The clipboard could not be used. Select the text below and copy it.
          </Typography>
          <TextField
            label="Diagnostics"
            value={manual ?? ''}
            multiline
            minRows={12}
            maxRows={20}
            fullWidth
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false } }}
            onFocus={(event) => event.target.select()}
            sx={{ '& textarea': { fontFamily: 'ui-monospace, monospace', fontSize: '0.8rem' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setManual(null)} autoFocus>
            Close
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsSection>
  )
}

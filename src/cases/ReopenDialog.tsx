// Reopening a resolved case (supervisors): why, in words, which the timeline shows beside
// "Reopened". The case goes back to the person who last owned it, in the working status "Open".
import { useState } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { userMessage } from '../api/client.ts'
import { FormDialog } from '../ui/FormDialog.tsx'

const REASON_MAX = 4000

type Props = {
  orderId: string
  /** Whose case it becomes again, in words ("Jordan Lee", "you"), or null if nobody's. */
  owner: string | null
  onClose: () => void
  /** Reopens the case; rejects with the reason it could not. */
  onReopen: (reason: string) => Promise<void>
}

export function ReopenDialog({ orderId, owner, onClose, onReopen }: Props) {
  const [reason, setReason] = useState('')
  const [showMissing, setShowMissing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const missing = reason.trim() === ''

  const submit = () => {
    if (missing) {
      setShowMissing(true)
      return
    }
    setBusy(true)
    setError(null)
    onReopen(reason.trim()).then(onClose, (failure: unknown) => {
      setError(userMessage(failure))
      setBusy(false)
    })
  }

  return (
    <FormDialog
      title={`Reopen the case on order ${orderId}`}
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            Reopen case
          </Button>
        </>
      }
    >
      {error && <Alert severity="error">The case was not reopened. {error}</Alert>}
      <TextField
        label="Why reopen it?"
        required
        multiline
        minRows={3}
        maxRows={10}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={showMissing && missing}
        helperText={
          showMissing && missing
            ? 'Say why the case is reopened; the timeline keeps it.'
            : 'Shown on the timeline beside "Reopened".'
        }
        slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
      />
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {owner
          ? `The case goes back to ${owner}, with the status Open.`
          : 'The case goes back to the queue, unassigned, with the status Open.'}
      </Typography>
    </FormDialog>
  )
}

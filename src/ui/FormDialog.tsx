// A dialog that is a form, the same way everywhere: it opens with its first field focused,
// Ctrl+Enter (⌘+Enter) submits it from any field, Esc cancels it. It owns the saving: while the
// work its submit starts runs, the buttons wait and neither Esc nor the backdrop closes it; when
// the work fails, the reason is shown in the dialog, above its buttons, and read out. The title
// names the dialog for a screen reader.
import { useId, useState } from 'react'
import type { FormEvent, KeyboardEvent, ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import { useTranslation } from 'react-i18next'
import { userMessage } from '../api/client.ts'

/**
 * Work a button starts: the saving to wait for (it closes the dialog itself when it succeeds, or
 * moves on), or null when the fields are not ready (having said what is missing).
 */
export type DialogWork = () => Promise<unknown> | null | void

type Props = {
  open?: boolean
  title: ReactNode
  onClose: () => void
  /** Called once the dialog has closed (to clear its fields). */
  onExited?: () => void
  maxWidth?: 'xs' | 'sm' | 'md'
  /** The submit button's words. */
  submitLabel: string
  onSubmit: DialogWork
  /** The words a failure is shown in, given its reason: "Could not reopen the case: …". */
  failed: (reason: string) => string
  /** One more action, at the start of the buttons (removing what the dialog edits). */
  otherAction?: { label: string; color?: 'error'; run: DialogWork }
  children: ReactNode
}

/** The fields a person types or chooses in, in the order they meet them. */
const FIELDS =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), [role=combobox]:not([aria-disabled=true])'

export function FormDialog(props: Props) {
  const { open = true, title, onClose, onSubmit, maxWidth = 'sm', otherAction } = props
  const { t } = useTranslation('common')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const titleId = useId()
  const formId = useId()
  const form = () => document.getElementById(formId) as HTMLFormElement | null

  /** Runs a button's work: busy while it runs, its failure shown, the dialog kept open then. */
  const run = (work: DialogWork) => {
    if (busy) return
    const saving = work()
    if (!saving) return
    setBusy(true)
    setError(null)
    saving.then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false)
        setError(userMessage(failure))
      },
    )
  }

  const focusFirstField = () => {
    const first = form()?.querySelector<HTMLElement>(FIELDS)
    // A radio group is entered at its checked radio, or its first.
    const checked = first?.matches('[type=radio]')
      ? form()?.querySelector<HTMLElement>(`[name="${first.getAttribute('name')}"]:checked`)
      : null
    ;(checked ?? first)?.focus()
  }

  const submitOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    event.preventDefault()
    if (!busy) form()?.requestSubmit()
  }

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth={maxWidth}
      fullWidth
      aria-labelledby={titleId}
      slotProps={{
        transition: {
          onEntered: focusFirstField,
          onExited: () => {
            setError(null)
            props.onExited?.()
          },
        },
        paper: {
          component: 'form',
          id: formId,
          // The form says what is missing in its own words, not the browser's bubbles.
          ...({ noValidate: true } as object),
          onKeyDown: submitOnCtrlEnter,
          onSubmit: (event: FormEvent) => {
            event.preventDefault()
            run(onSubmit)
          },
        },
      }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        {props.children}
        {error && (
          <Alert severity="error" role="alert">
            {props.failed(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {otherAction && (
          <Button
            color={otherAction.color}
            onClick={() => run(otherAction.run)}
            disabled={busy}
            sx={{ mr: 'auto' }}
          >
            {otherAction.label}
          </Button>
        )}
        <Button onClick={onClose} disabled={busy}>
          {t('action.cancel')}
        </Button>
        <Button type="submit" variant="contained" loading={busy}>
          {props.submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

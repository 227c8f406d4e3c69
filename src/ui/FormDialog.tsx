// A dialog that is a form, the same way everywhere: it opens with its first field focused,
// Ctrl+Enter (⌘+Enter) submits it from any field, Esc cancels it, and neither closes it while it
// is saving. The title names the dialog for a screen reader.
import { useId } from 'react'
import type { FormEvent, KeyboardEvent, ReactNode } from 'react'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'

type Props = {
  open?: boolean
  title: ReactNode
  /** Saving: Esc and the backdrop do not close the dialog. */
  busy?: boolean
  onClose: () => void
  onSubmit: () => void
  /** Called once the dialog has closed (to clear its fields). */
  onExited?: () => void
  maxWidth?: 'xs' | 'sm' | 'md'
  /** The buttons; the one that submits is `type="submit"`. */
  actions: ReactNode
  children: ReactNode
}

/** The fields a person types or chooses in, in the order they meet them. */
const FIELDS =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), [role=combobox]:not([aria-disabled=true])'

export function FormDialog(props: Props) {
  const { open = true, title, busy = false, onClose, onSubmit, maxWidth = 'sm' } = props
  const titleId = useId()
  const formId = useId()
  const form = () => document.getElementById(formId) as HTMLFormElement | null

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
        transition: { onEntered: focusFirstField, onExited: props.onExited },
        paper: {
          component: 'form',
          id: formId,
          // The form says what is missing in its own words, not the browser's bubbles.
          ...({ noValidate: true } as object),
          onKeyDown: submitOnCtrlEnter,
          onSubmit: (event: FormEvent) => {
            event.preventDefault()
            if (!busy) onSubmit()
          },
        },
      }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        {props.children}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>{props.actions}</DialogActions>
    </Dialog>
  )
}

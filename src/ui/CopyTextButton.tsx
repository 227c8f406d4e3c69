// A button that puts text on the clipboard and says so for a moment ("Copied"), or, when the
// clipboard refuses, that it could not. "Copy link" and a customer reply's "Copy" are this.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import Button from '@mui/material/Button'
import Tooltip from '@mui/material/Tooltip'
import DoneIcon from '@mui/icons-material/Done'
import { useTranslation } from 'react-i18next'

type Copied = 'no' | 'yes' | 'failed'

type Props = {
  text: string
  label: string
  doneLabel: string
  /** What the tooltip says it does. */
  title: string
  icon: ReactElement
  size?: 'small' | 'medium'
  variant?: 'outlined' | 'text'
}

export function CopyTextButton(props: Props) {
  const { text, label, doneLabel, title, icon, size, variant = 'outlined' } = props
  const { t } = useTranslation('app')
  const [copied, setCopied] = useState<Copied>('no')
  useEffect(() => {
    if (copied === 'no') return
    const timer = window.setTimeout(() => setCopied('no'), 2000)
    return () => window.clearTimeout(timer)
  }, [copied])
  return (
    <Tooltip describeChild title={copied === 'failed' ? t('copy.failed') : title}>
      <Button
        variant={variant}
        size={size}
        startIcon={copied === 'yes' ? <DoneIcon /> : icon}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          )
        }}
      >
        {copied === 'yes' ? doneLabel : label}
      </Button>
    </Tooltip>
  )
}

// "Copy link": a line of plain words and the porchlight:// link, for pasting into a help-desk
// ticket. Says "Link copied" for a moment, or, when the clipboard refuses, that it could not.
import { useEffect, useState } from 'react'
import Button from '@mui/material/Button'
import Tooltip from '@mui/material/Tooltip'
import DoneIcon from '@mui/icons-material/Done'
import LinkIcon from '@mui/icons-material/Link'

type Copied = 'no' | 'yes' | 'failed'

export function CopyLinkButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState<Copied>('no')
  useEffect(() => {
    if (copied === 'no') return
    const timer = window.setTimeout(() => setCopied('no'), 2000)
    return () => window.clearTimeout(timer)
  }, [copied])
  const title =
    copied === 'failed'
      ? 'The clipboard could not be used'
      : `Copy a link to this ${what} for a ticket`
  return (
    <Tooltip describeChild title={title}>
      <Button
        variant="outlined"
        startIcon={copied === 'yes' ? <DoneIcon /> : <LinkIcon />}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          )
        }}
      >
        {copied === 'yes' ? 'Link copied' : 'Copy link'}
      </Button>
    </Tooltip>
  )
}

// "Copy link": a line of plain words and the porchlight:// link, for pasting into a help-desk
// ticket. Says "Link copied" for a moment, or, when the clipboard refuses, that it could not.
import LinkIcon from '@mui/icons-material/Link'
import { CopyTextButton } from './CopyTextButton.tsx'

export function CopyLinkButton({ text, what }: { text: string; what: string }) {
  return (
    <CopyTextButton
      text={text}
      label="Copy link"
      doneLabel="Link copied"
      title={`Copy a link to this ${what} for a ticket`}
      icon={<LinkIcon />}
    />
  )
}

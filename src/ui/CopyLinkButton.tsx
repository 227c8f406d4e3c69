// "Copy link": a line of plain words and the porchlight:// link, for pasting into a help-desk
// ticket. Says "Link copied" for a moment, or, when the clipboard refuses, that it could not.
import LinkIcon from '@mui/icons-material/Link'
import { useTranslation } from 'react-i18next'
import { CopyTextButton } from './CopyTextButton.tsx'

export function CopyLinkButton({ text, what }: { text: string; what: 'case' | 'delivery' }) {
  const { t } = useTranslation('app')
  return (
    <CopyTextButton
      text={text}
      label={t('copy.link')}
      doneLabel={t('copy.linkCopied')}
      title={what === 'case' ? t('copy.linkToCase') : t('copy.linkToDelivery')}
      icon={<LinkIcon />}
    />
  )
}

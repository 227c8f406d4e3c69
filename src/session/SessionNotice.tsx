import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import KeyOffOutlinedIcon from '@mui/icons-material/KeyOffOutlined'
import { useTranslation } from 'react-i18next'

/** Warns that the sign-in cannot be stored safely on this computer (kept in memory only). */
export function SessionNotice({ text }: { text: string }) {
  const { t } = useTranslation('session')
  return (
    <Tooltip describeChild title={text}>
      <Chip
        icon={<KeyOffOutlinedIcon />}
        label={t('notSaved.chip')}
        color="warning"
        variant="outlined"
        size="small"
        tabIndex={0}
        aria-label={t('notSaved.label', { why: text })}
        sx={{ fontWeight: 500 }}
      />
    </Tooltip>
  )
}

import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import type { SxProps, Theme } from '@mui/material/styles'
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined'
import { useTranslation } from 'react-i18next'

/** Says plainly that nothing on screen is a real customer's delivery. */
export function DemoChip({ sx }: { sx?: SxProps<Theme> }) {
  const { t } = useTranslation('session')
  return (
    <Tooltip describeChild title={t('demo.hint')}>
      <Chip
        icon={<ScienceOutlinedIcon />}
        label={t('demo.chip')}
        color="secondary"
        variant="outlined"
        size="small"
        tabIndex={0}
        sx={[{ fontWeight: 500 }, ...(Array.isArray(sx) ? sx : [sx])]}
      />
    </Tooltip>
  )
}

import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import type { SxProps, Theme } from '@mui/material/styles'
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined'

/** Says plainly that nothing on screen is a real customer's delivery. */
export function DemoChip({ sx }: { sx?: SxProps<Theme> }) {
  return (
    <Tooltip describeChild title="This console shows the built-in demo world, not real deliveries">
      <Chip
        icon={<ScienceOutlinedIcon />}
        label="Demo data"
        color="secondary"
        variant="outlined"
        size="small"
        tabIndex={0}
        sx={[{ fontWeight: 500 }, ...(Array.isArray(sx) ? sx : [sx])]}
      />
    </Tooltip>
  )
}

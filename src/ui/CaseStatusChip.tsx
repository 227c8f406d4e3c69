// A case's status as a chip: an icon and the word, never colour alone.
import type { ReactElement } from 'react'
import Chip from '@mui/material/Chip'
import type { ChipProps } from '@mui/material/Chip'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import HourglassEmptyOutlinedIcon from '@mui/icons-material/HourglassEmptyOutlined'
import ManageSearchIcon from '@mui/icons-material/ManageSearch'
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked'
import { STATUS_LABELS } from '../words/caseWords.ts'
import type { CaseStatus } from '../words/caseWords.ts'

const LOOKS: Record<CaseStatus, { color: ChipProps['color']; icon: ReactElement }> = {
  open: { color: 'info', icon: <RadioButtonUncheckedIcon /> },
  investigating: { color: 'primary', icon: <ManageSearchIcon /> },
  awaiting_customer: { color: 'secondary', icon: <HourglassEmptyOutlinedIcon /> },
  resolved: { color: 'success', icon: <CheckCircleOutlinedIcon /> },
}

export function CaseStatusChip({
  status,
  size = 'small',
}: {
  status: CaseStatus
  size?: 'small' | 'medium'
}) {
  const look = LOOKS[status]
  return (
    <Chip
      size={size}
      variant="outlined"
      color={look.color}
      icon={look.icon}
      label={STATUS_LABELS[status]}
      sx={{ fontWeight: 500, '& .MuiChip-icon': { fontSize: size === 'small' ? 16 : 18 } }}
    />
  )
}

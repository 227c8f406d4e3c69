// What the queue's cells show: the order (the row's one link, with "Away" when the drop-off was
// far from the address), the customer with the city under the name where the city has no column,
// and whether this console still has work on the case to send.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import Tooltip from '@mui/material/Tooltip'
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined'
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import { useTranslation } from 'react-i18next'
import type { CaseListItem } from '../../electron/core/api/case-schemas.ts'
import { routeHref } from '../navigation/route.ts'
import { visuallyHidden } from '../ui/visuallyHidden.ts'

export function OrderCell(props: {
  item: CaseListItem
  /** The grid's roving tab index: 0 only in the focused cell. */
  tabIndex: 0 | -1
  onOpen: () => void
}) {
  const { t } = useTranslation('cases')
  const { item, tabIndex, onOpen } = props
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, flexWrap: 'wrap' }}>
      <Link
        href={routeHref({ screen: 'case', caseId: item.id })}
        underline="hover"
        tabIndex={tabIndex}
        onClick={(event) => {
          event.preventDefault()
          event.stopPropagation()
          onOpen()
        }}
        aria-label={t('grid.openCase', { orderId: item.orderId })}
        sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}
      >
        <span translate="no">{item.orderId}</span>
      </Link>
      {item.awayFromAddress && (
        <Tooltip describeChild title={t('grid.awayHint')}>
          <Chip
            size="small"
            variant="outlined"
            color="warning"
            icon={<LocationOffOutlinedIcon />}
            label={t('grid.away')}
            tabIndex={-1}
            sx={{ height: 20, fontSize: '0.7rem', '& .MuiChip-icon': { fontSize: 14 } }}
          />
        </Tooltip>
      )}
    </Box>
  )
}

export function CustomerCell({ item, showCity }: { item: CaseListItem; showCity: boolean }) {
  const { t } = useTranslation('cases')
  return (
    <Box sx={{ minWidth: 0, lineHeight: 1.35 }}>
      <Box sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {item.customerName === null ? (
          <Muted>{t('grid.notInCopy')}</Muted>
        ) : (
          <bdi translate="no" dir="auto">
            {item.customerName}
          </bdi>
        )}
      </Box>
      {showCity && item.city && (
        <Box
          translate="no"
          sx={{
            color: 'text.secondary',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {item.city}
        </Box>
      )}
    </Box>
  )
}

export function SyncState({ item }: { item: CaseListItem }) {
  const { t } = useTranslation('cases')
  if (item.hasConflict) {
    return (
      <Box
        component="span"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          color: 'error.main',
          fontWeight: 500,
          lineHeight: 1.3,
        }}
      >
        <SyncProblemOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
        {t('grid.needsDecision')}
      </Box>
    )
  }
  if (item.pendingChanges > 0) {
    return (
      <Tooltip describeChild title={t('grid.notSentHint', { count: item.pendingChanges })}>
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            color: 'warning.main',
            lineHeight: 1.3,
          }}
        >
          <CloudUploadOutlinedIcon sx={{ fontSize: 18 }} aria-hidden />
          {t('grid.notSent')}
        </Box>
      </Tooltip>
    )
  }
  // Most rows have nothing to send: keep the column quiet so the exceptions stand out.
  return (
    <Box component="span" sx={visuallyHidden}>
      {t('grid.upToDate')}
    </Box>
  )
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {children}
    </Box>
  )
}

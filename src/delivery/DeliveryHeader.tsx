// The top of the delivery screen: back to search, the order (copyable), its status, the tracking
// number (copyable), Open a case (O); under it the customer, the address and the location flag.
import type { Ref } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined'
import WrongLocationOutlinedIcon from '@mui/icons-material/WrongLocationOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { locationFlagSentence, locationFlagShort } from './locationFlag.ts'
import type { LocationFlag } from './locationFlag.ts'
import { useEffect, useState } from 'react'
import IconButton from '@mui/material/IconButton'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import DoneIcon from '@mui/icons-material/Done'
import KeyboardReturnIcon from '@mui/icons-material/KeyboardReturn'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import { CopyLinkButton } from '../ui/CopyLinkButton.tsx'
import { ProofSheetButton } from './ProofSheetButton.tsx'
import { deliveryLinkText } from './deliveryLink.ts'
import { deliveryStatusText } from './labels.ts'

type Props = {
  delivery: DeliveryDetail
  flag: LocationFlag | null
  headingRef: Ref<HTMLHeadingElement>
  onBack: () => void
  onOpenCase: () => void
  /** The case the delivery was opened from, recorded with a proof-of-delivery sheet. */
  caseId: string | null
}

export function DeliveryHeader(props: Props) {
  const { delivery, flag, headingRef, onBack, onOpenCase, caseId } = props
  const { t } = useTranslation('delivery')
  const { line1, line2, city } = delivery.address
  return (
    <Box>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', columnGap: 1.5, rowGap: 1, flexWrap: 'wrap' }}
      >
        <BackButton onBack={onBack} />
        <Typography
          variant="h1"
          id="delivery-heading"
          ref={headingRef}
          tabIndex={-1}
          sx={{ outline: 'none' }}
        >
          <Trans
            t={t}
            i18nKey="header.order"
            values={{ orderId: delivery.orderId }}
            components={{ 0: <span translate="no" /> }}
          />
        </Typography>
        <CopyButton value={delivery.orderId} label={t('header.copyOrderId')} />
        <StatusChip status={delivery.status} />
        <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, color: 'text.secondary' }}>
          <Typography variant="body2" component="span">
            {t('header.tracking')}
          </Typography>
          <Typography
            variant="body2"
            component="span"
            translate="no"
            sx={{ fontFamily: 'ui-monospace, "Roboto Mono", monospace', color: 'text.primary' }}
          >
            {delivery.trackingNumber}
          </Typography>
          <CopyButton value={delivery.trackingNumber} label={t('header.copyTracking')} />
        </Stack>
        <Box sx={{ flex: 1 }} />
        <ProofSheetButton delivery={delivery} caseId={caseId} />
        <CopyLinkButton text={deliveryLinkText(delivery)} what="delivery" />
        <Tooltip describeChild title={t('header.openCaseTooltip')}>
          <Button
            variant="contained"
            startIcon={<NoteAddOutlinedIcon />}
            onClick={onOpenCase}
            aria-keyshortcuts="O"
          >
            {t('header.openCase')}
          </Button>
        </Tooltip>
      </Stack>
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          columnGap: 1.5,
          rowGap: 0.5,
          flexWrap: 'wrap',
          mt: 0.75,
          color: 'text.secondary',
        }}
      >
        <Typography variant="body2" component="p" translate="no">
          <Box component="span" sx={{ color: 'text.primary', fontWeight: 500 }}>
            {delivery.customer.name}
          </Box>
          {' · '}
          {[line1, line2, city].filter(Boolean).join(', ')}
        </Typography>
        {flag && (
          <Tooltip title={locationFlagSentence(flag)}>
            <Chip
              icon={<WrongLocationOutlinedIcon />}
              label={locationFlagShort(flag)}
              color="warning"
              size="small"
              sx={{ fontWeight: 500 }}
            />
          </Tooltip>
        )}
      </Stack>
    </Box>
  )
}

export function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('delivery')
  return (
    <Tooltip describeChild title={t('header.backTooltip')}>
      <Button
        variant="outlined"
        size="small"
        startIcon={<ArrowBackIcon />}
        onClick={onBack}
        aria-keyshortcuts="Escape"
        sx={{ alignSelf: 'center' }}
      >
        {t('header.back')}
      </Button>
    </Tooltip>
  )
}

export function StatusChip({ status }: { status: DeliveryDetail['status'] }) {
  const look = {
    delivered: { color: 'success', icon: <CheckCircleOutlinedIcon /> },
    attempted: { color: 'warning', icon: <ReportProblemOutlinedIcon /> },
    returned: { color: 'default', icon: <KeyboardReturnIcon /> },
  } as const
  const { color, icon } = look[status]
  return (
    <Chip
      icon={icon}
      label={deliveryStatusText(status)}
      color={color}
      variant="outlined"
      size="small"
    />
  )
}

/** Copies `value`; `label` names the action ("Copy order id"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('common')
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = window.setTimeout(() => setCopied(false), 1500)
    return () => window.clearTimeout(timer)
  }, [copied])
  return (
    <Tooltip title={copied ? t('action.copied') : label}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
      >
        {copied ? <DoneIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  )
}

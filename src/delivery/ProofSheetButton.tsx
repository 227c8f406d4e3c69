// "Proof of delivery": the one-page sheet the agent sends the customer (photos, local time, where
// the parcel was left and how far from the address; nothing internal). A menu: save it as a PDF
// or as an image, or copy the image to paste into a reply. Never offered for a withheld
// delivery (and the core refuses it anyway). What happened is said beside the button, in words.
import { useEffect, useId, useState } from 'react'
import type { ReactNode } from 'react'
import Button from '@mui/material/Button'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined'
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined'
import VerifiedOutlinedIcon from '@mui/icons-material/VerifiedOutlined'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'

type Choice = { format: 'pdf' | 'png'; to: 'file' | 'clipboard' }
type Outcome =
  | { kind: 'busy' }
  | { kind: 'saved' | 'downloaded'; fileName: string }
  | { kind: 'copied' }
  | { kind: 'failed'; reason: string }

const CHOICES: Array<Choice & { label: 'savePdf' | 'saveImage' | 'copyImage'; icon: ReactNode }> = [
  { format: 'pdf', to: 'file', label: 'savePdf', icon: <PictureAsPdfOutlinedIcon /> },
  { format: 'png', to: 'file', label: 'saveImage', icon: <ImageOutlinedIcon /> },
  { format: 'png', to: 'clipboard', label: 'copyImage', icon: <ContentCopyIcon /> },
]

export function ProofSheetButton({
  delivery,
  caseId,
}: {
  delivery: DeliveryDetail
  caseId: string | null
}) {
  const { t } = useTranslation('delivery')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const menuId = useId()
  // What happened stays beside the button for a while, then goes.
  useEffect(() => {
    if (!outcome || outcome.kind === 'busy') return
    const timer = window.setTimeout(() => setOutcome(null), 8000)
    return () => window.clearTimeout(timer)
  }, [outcome])
  if (delivery.photoWithheld !== null) return null
  const noPhoto = !delivery.photos.some((p) => p.state === 'stored' && p.displayError === null)

  const make = async ({ format, to }: Choice) => {
    setAnchor(null)
    setOutcome({ kind: 'busy' })
    try {
      const made = await api.makeProofSheet({ deliveryId: delivery.id, caseId, format, to })
      if (!made.made) return setOutcome(null)
      if (made.savedTo) return setOutcome({ kind: 'saved', fileName: made.fileName })
      const bytes = Uint8Array.from(atob(made.base64!), (c) => c.charCodeAt(0))
      const blob = new Blob([bytes], { type: format === 'pdf' ? 'application/pdf' : 'image/png' })
      if (to === 'clipboard') {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
        return setOutcome({ kind: 'copied' })
      }
      download(blob, made.fileName)
      setOutcome({ kind: 'downloaded', fileName: made.fileName })
    } catch (failure) {
      setOutcome({ kind: 'failed', reason: userMessage(failure) })
    }
  }

  return (
    <>
      <Tooltip describeChild title={noPhoto ? t('proof.noPhoto') : t('proof.hint')}>
        <span>
          <Button
            variant="outlined"
            startIcon={<VerifiedOutlinedIcon />}
            endIcon={<ArrowDropDownIcon />}
            disabled={noPhoto}
            loading={outcome?.kind === 'busy'}
            loadingPosition="start"
            aria-haspopup="menu"
            aria-controls={anchor ? menuId : undefined}
            aria-expanded={anchor ? 'true' : undefined}
            onClick={(event) => setAnchor(event.currentTarget)}
          >
            {t('proof.button')}
          </Button>
        </span>
      </Tooltip>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {CHOICES.map((choice) => (
          <MenuItem key={choice.label} onClick={() => void make(choice)}>
            <ListItemIcon>{choice.icon}</ListItemIcon>
            <ListItemText>{t(`proof.${choice.label}`)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
      <Typography
        role="status"
        variant="body2"
        sx={{ color: outcome?.kind === 'failed' ? 'error.main' : 'text.secondary' }}
      >
        <OutcomeWords outcome={outcome} />
      </Typography>
    </>
  )
}

/** What happened, in words: the file's name as it is, never translated. */
function OutcomeWords({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation('delivery')
  switch (outcome?.kind) {
    case 'saved':
    case 'downloaded':
      return (
        <Trans
          t={t}
          i18nKey={`proof.${outcome.kind}`}
          values={{ fileName: outcome.fileName }}
          components={{ 0: <span translate="no" /> }}
        />
      )
    case 'copied':
      return t('proof.copied')
    case 'failed':
      return t('proof.failed', { reason: outcome.reason })
    default:
      return ''
  }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

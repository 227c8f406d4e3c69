// One delivery: the photo beside the map, then the facts. Esc or Back returns to the search as it
// was left.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import DoneIcon from '@mui/icons-material/Done'
import KeyboardReturnIcon from '@mui/icons-material/KeyboardReturn'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { useEscape } from '../app/shortcuts.ts'
import { DeliveryFacts } from './DeliveryFacts.tsx'
import { DeliveryScreenSkeleton } from './DeliveryScreenSkeleton.tsx'
import { deliveryStatusText } from './labels.ts'
import { MapPanel } from './MapPanel.tsx'
import { PhotoPanel } from './PhotoPanel.tsx'

type Props = {
  deliveryId: string
  /** Changes when the local copy changes; the delivery is then read again quietly. */
  refreshKey: string
  onBack: () => void
}

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'missing' }
  | { status: 'ready'; delivery: DeliveryDetail }

const PANEL_HEIGHT = 'clamp(320px, 47vh, 560px)'

export default function DeliveryScreen({ deliveryId, refreshKey, onBack }: Props) {
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEscape(onBack)

  useEffect(() => {
    let current = true
    api.getDelivery({ id: deliveryId }).then(
      (delivery) => {
        if (current) setState(delivery ? { status: 'ready', delivery } : { status: 'missing' })
      },
      (error: unknown) => {
        if (!current) return
        // A quiet refresh that fails keeps what is already on screen.
        setState((s) =>
          s.status === 'ready' ? s : { status: 'failed', message: userMessage(error) },
        )
      },
    )
    return () => {
      current = false
    }
  }, [deliveryId, refreshKey, attempt])

  const retry = () => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }

  if (state.status === 'loading') return <DeliveryScreenSkeleton />

  if (state.status === 'missing' || state.status === 'failed') {
    const missing = state.status === 'missing'
    return (
      <ScreenFrame>
        <Box>
          <BackButton onBack={onBack} />
        </Box>
        <ProblemState
          icon={missing ? <SearchOffIcon /> : <ReportProblemOutlinedIcon />}
          title={missing ? 'Delivery not found' : 'This delivery could not be opened'}
        >
          {missing ? (
            <Typography>
              It is not in the local copy. It may have been removed by the delivery service (for
              example a privacy erasure), or the link is out of date.
            </Typography>
          ) : (
            <Alert
              severity="error"
              action={
                <Button color="inherit" size="small" onClick={retry}>
                  Retry
                </Button>
              }
            >
              {state.message}
            </Alert>
          )}
        </ProblemState>
      </ScreenFrame>
    )
  }

  return <DeliveryView delivery={state.delivery} onBack={onBack} />
}

function DeliveryView({ delivery, onBack }: { delivery: DeliveryDetail; onBack: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [selectedPhoto, setSelectedPhoto] = useState(0)
  // A withheld delivery's photos are never shown, not even as a position on the map.
  const photos = useMemo(
    () =>
      delivery.photoWithheld ? [] : [...delivery.photos].sort((a, b) => a.position - b.position),
    [delivery],
  )
  const photoIndex = Math.min(selectedPhoto, Math.max(0, photos.length - 1))

  useEffect(() => {
    headingRef.current?.focus()
  }, [delivery.id])

  return (
    <ScreenFrame labelledBy="delivery-heading">
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
          Order {delivery.orderId}
        </Typography>
        <CopyButton value={delivery.orderId} label="order id" />
        <StatusChip status={delivery.status} />
        <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, color: 'text.secondary' }}>
          <Typography variant="body2" component="span">
            Tracking
          </Typography>
          <Typography
            variant="body2"
            component="span"
            sx={{ fontFamily: 'ui-monospace, "Roboto Mono", monospace', color: 'text.primary' }}
          >
            {delivery.trackingNumber}
          </Typography>
          <CopyButton value={delivery.trackingNumber} label="tracking number" />
        </Stack>
      </Stack>

      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        }}
      >
        <PhotoPanel
          delivery={delivery}
          photos={photos}
          selectedIndex={photoIndex}
          onSelect={setSelectedPhoto}
          height={PANEL_HEIGHT}
        />
        <MapPanel
          delivery={delivery}
          photos={photos}
          selectedPhotoIndex={photoIndex}
          onSelectPhoto={setSelectedPhoto}
          height={PANEL_HEIGHT}
        />
      </Box>

      <DeliveryFacts delivery={delivery} />
    </ScreenFrame>
  )
}

function ScreenFrame({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  return (
    <Box
      component="main"
      aria-labelledby={labelledBy}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {children}
    </Box>
  )
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <Tooltip describeChild title="Back to search (Esc)">
      <Button
        variant="outlined"
        size="small"
        startIcon={<ArrowBackIcon />}
        onClick={onBack}
        aria-keyshortcuts="Escape"
        sx={{ alignSelf: 'center' }}
      >
        Back to search
      </Button>
    </Tooltip>
  )
}

function StatusChip({ status }: { status: DeliveryDetail['status'] }) {
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

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = window.setTimeout(() => setCopied(false), 1500)
    return () => window.clearTimeout(timer)
  }, [copied])
  return (
    <Tooltip title={copied ? 'Copied' : `Copy ${label}`}>
      <IconButton
        size="small"
        aria-label={`Copy ${label}`}
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

function ProblemState(props: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack
      sx={{
        alignItems: 'center',
        textAlign: 'center',
        gap: 1.5,
        py: 8,
        color: 'text.secondary',
        '& > svg': { fontSize: 48 },
      }}
    >
      {props.icon}
      <Typography variant="h1" sx={{ color: 'text.primary' }}>
        {props.title}
      </Typography>
      <Box sx={{ maxWidth: 520 }}>{props.children}</Box>
    </Stack>
  )
}

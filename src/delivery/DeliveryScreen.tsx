// One delivery as the agent's evidence: the photo beside the map, the location flag, then the facts,
// the cases on it and earlier claims. Esc or Back returns to the search as it was left; O opens a
// case.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
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
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import WrongLocationOutlinedIcon from '@mui/icons-material/WrongLocationOutlined'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { useEscape } from '../navigation/shortcuts.ts'
import { caseHref } from './caseLinks.ts'
import { CasesOnDelivery, RepeatClaims } from './DeliveryCases.tsx'
import { DeliveryFacts } from './DeliveryFacts.tsx'
import { DeliveryScreenSkeleton, PANEL_HEIGHT } from './DeliveryScreenSkeleton.tsx'
import { deliveryStatusText } from './labels.ts'
import { locationFlag, locationFlagSentence, locationFlagShort } from './locationFlag.ts'
import { MapPanel } from './MapPanel.tsx'
import { OpenCaseDialog } from './OpenCaseDialog.tsx'
import { PhotoPanel } from './PhotoPanel.tsx'

type Props = {
  deliveryId: string
  /** The case the agent is working, if they came from one: recorded with each photo view. */
  caseId?: string | null
  /** Changes when the local copy changes; the delivery is then read again quietly. */
  refreshKey: string
  onBack: () => void
}

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'missing' }
  | { status: 'ready'; delivery: DeliveryDetail }

export default function DeliveryScreen({ deliveryId, caseId = null, refreshKey, onBack }: Props) {
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

  return <DeliveryView delivery={state.delivery} caseId={caseId} onBack={onBack} />
}

function DeliveryView({
  delivery,
  caseId,
  onBack,
}: {
  delivery: DeliveryDetail
  caseId: string | null
  onBack: () => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [selectedPhoto, setSelectedPhoto] = useState(0)
  const [openingCase, setOpeningCase] = useState(false)
  const meId = useSignedInUserId()
  // A withheld delivery's photos are never shown, not even as a position on the map.
  const photos = useMemo(
    () =>
      delivery.photoWithheld ? [] : [...delivery.photos].sort((a, b) => a.position - b.position),
    [delivery],
  )
  const photoIndex = Math.min(selectedPhoto, Math.max(0, photos.length - 1))
  const flag = useMemo(() => locationFlag(delivery, photos), [delivery, photos])

  useEffect(() => {
    headingRef.current?.focus()
  }, [delivery.id])

  const startCase = useCallback(() => {
    // A dialog cannot be seen over a full-screen photo.
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined)
    setOpeningCase(true)
  }, [])
  useOpenCaseKey(startCase, !openingCase)

  return (
    <ScreenFrame labelledBy="delivery-heading">
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
          <Box sx={{ flex: 1 }} />
          <Tooltip describeChild title="Open a case (O)">
            <Button
              variant="contained"
              startIcon={<NoteAddOutlinedIcon />}
              onClick={startCase}
              aria-keyshortcuts="O"
            >
              Open a case
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
          <Typography variant="body2" component="p">
            <Box component="span" sx={{ color: 'text.primary', fontWeight: 500 }}>
              {delivery.customer.name}
            </Box>
            {' · '}
            {delivery.address.line1}
            {delivery.address.line2 ? `, ${delivery.address.line2}` : ''}, {delivery.address.city}
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
          caseId={caseId}
        />
        <MapPanel
          delivery={delivery}
          photos={photos}
          selectedPhotoIndex={photoIndex}
          onSelectPhoto={setSelectedPhoto}
          flag={flag}
          height={PANEL_HEIGHT}
        />
      </Box>

      <DeliveryFacts
        delivery={delivery}
        aside={
          <>
            <CasesOnDelivery
              cases={delivery.cases}
              meId={meId}
              openCaseHint={
                <>
                  Press <kbd>O</kbd> or choose Open a case to start one.
                </>
              }
            />
            <RepeatClaims claims={delivery.repeatClaims} />
          </>
        }
      />

      <OpenCaseDialog
        open={openingCase}
        delivery={delivery}
        onClose={() => setOpeningCase(false)}
        onOpened={(opened) => {
          setOpeningCase(false)
          window.location.hash = caseHref(opened.id)
        }}
      />
    </ScreenFrame>
  )
}

/** The signed-in user's id, to show "You" on cases assigned to them. */
function useSignedInUserId(): string | null {
  const [id, setId] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    api.getSession().then(
      (session) => current && setId(session.user?.id ?? null),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [])
  return id
}

/** O opens a case, unless the agent is typing or another dialog or menu has the keyboard. */
function useOpenCaseKey(onPress: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'o' && event.key !== 'O') return
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target instanceof Element ? event.target : null
      if (
        target?.closest(
          'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="menu"], [role="listbox"]',
        )
      ) {
        return
      }
      event.preventDefault()
      onPress()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onPress, enabled])
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

// One delivery as the agent's evidence: the photo beside the map, the location flag, then the facts,
// the cases on it and earlier claims. Esc or Back returns to the search as it was left; O opens a
// case.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import { useTranslation } from 'react-i18next'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { useQuery } from '@tanstack/react-query'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { useEscape } from '../navigation/shortcuts.ts'
import { caseHref } from './caseLinks.ts'
import { CasesOnDelivery, RepeatClaims } from './DeliveryCases.tsx'
import { AddressHistoryStrip } from './AddressHistory.tsx'
import { DeliveryFacts } from './DeliveryFacts.tsx'
import { LookalikePhotos } from './LookalikePhotos.tsx'
import { DeliveryScreenSkeleton, PANEL_HEIGHT } from './DeliveryScreenSkeleton.tsx'
import { locationFlag } from './locationFlag.ts'
import { MapPanel } from './MapPanel.tsx'
import { OpenCaseDialog } from './OpenCaseDialog.tsx'
import { PhotoPanel } from './PhotoPanel.tsx'
import { BackButton, DeliveryHeader } from './DeliveryHeader.tsx'
import { ScreenFrame, ProblemState } from './DeliveryScreenFrame.tsx'

type Props = {
  deliveryId: string
  /** The case the agent is working, if they came from one: recorded with each photo view. */
  caseId?: string | null
  /** The signed-in user, to show "You" on the cases assigned to them. */
  meId: string
  onBack: () => void
}

export default function DeliveryScreen({ deliveryId, caseId = null, meId, onBack }: Props) {
  // Read again quietly when a sync changes the local copy (src/api/refreshOnSync.ts); a quiet
  // read that fails keeps what is already on screen.
  const { t } = useTranslation('delivery')
  const read = useQuery(queries.delivery(deliveryId))
  useEscape(onBack)

  const delivery = read.data
  if (delivery === undefined && (read.isFetching || !read.error)) return <DeliveryScreenSkeleton />

  if (!delivery) {
    const missing = delivery === null
    return (
      <ScreenFrame>
        <Box>
          <BackButton onBack={onBack} />
        </Box>
        <ProblemState
          icon={missing ? <SearchOffIcon /> : <ReportProblemOutlinedIcon />}
          title={missing ? t('screen.notFound') : t('screen.failed')}
        >
          {missing ? (
            <Typography>{t('screen.notFoundBody')}</Typography>
          ) : (
            <Alert
              severity="error"
              action={
                <Button color="inherit" size="small" onClick={() => void read.refetch()}>
                  {t('screen.retry')}
                </Button>
              }
            >
              {userMessage(read.error)}
            </Alert>
          )}
        </ProblemState>
      </ScreenFrame>
    )
  }

  return <DeliveryView delivery={delivery} caseId={caseId} meId={meId} onBack={onBack} />
}

function DeliveryView({
  delivery,
  caseId,
  meId,
  onBack,
}: {
  delivery: DeliveryDetail
  caseId: string | null
  meId: string
  onBack: () => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [selectedPhoto, setSelectedPhoto] = useState(0)
  const [openingCase, setOpeningCase] = useState(false)
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
      <DeliveryHeader
        delivery={delivery}
        flag={flag}
        headingRef={headingRef}
        onBack={onBack}
        onOpenCase={startCase}
        caseId={caseId}
      />

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

      <LookalikePhotos deliveryId={delivery.id} withheld={delivery.photoWithheld !== null} />
      <AddressHistoryStrip
        deliveryId={delivery.id}
        photoId={photos[photoIndex]?.hasThumbnail ? (photos[photoIndex]?.id ?? null) : null}
      />

      <DeliveryFacts
        delivery={delivery}
        aside={
          <>
            <CasesOnDelivery cases={delivery.cases} meId={meId} />
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

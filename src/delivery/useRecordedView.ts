// Loading a photo records nothing: the view of the full photo is recorded in the audit log by an
// explicit API call (`recordPhotoView`, with the case being worked), and only then is the full
// photo asked for. A view that cannot be recorded means the photo is not shown, and the panel
// says why.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, userMessage } from '../api/client.ts'

/** True once the view of `photoId` is recorded; asked for (once) when `wanted` turns true. */
export function useRecordedView(
  photoId: string,
  caseId: string | null | undefined,
  wanted: boolean,
  onRefused: (reason: string) => void,
): boolean {
  const { t } = useTranslation('delivery')
  const [recorded, setRecorded] = useState(false)
  const requested = useRef(false)
  const onRefusedRef = useRef(onRefused)
  useEffect(() => {
    onRefusedRef.current = onRefused
  })

  useEffect(() => {
    if (!wanted || requested.current) return
    requested.current = true
    api.recordPhotoView({ photoId, caseId: caseId ?? null }).then(
      () => setRecorded(true),
      (error: unknown) =>
        onRefusedRef.current(t('photo.viewNotRecorded', { reason: userMessage(error) })),
    )
  }, [wanted, photoId, caseId, t])

  return recorded
}

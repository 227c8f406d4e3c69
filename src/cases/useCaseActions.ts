// The actions on a case (assign, status, note, resolve, reopen, settle a conflict). Each is stored
// locally at once and answered with the case as it now is, which is shown straight away (see
// showChangedCase) and said to a screen reader; a refusal is kept, in words, until the next action.
import { useCallback, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { userMessage } from '../api/client.ts'
import { showChangedCase } from '../api/queries.ts'

type Action = { name: string; call: () => Promise<CaseDetail>; words: string }

export type CaseActions = {
  /** The action under way ('assign', 'note', …), or null. */
  busy: string | null
  /** Why the last action was refused, in words. */
  error: string | null
  clearError: () => void
  /** What a screen reader is told about the last change. */
  announcement: string
  /** Runs an action, unless one is already under way. */
  act: (name: string, call: () => Promise<CaseDetail>, words: string) => void
  /** Shows the case as an action elsewhere (a dialog, the conflict panel) left it. */
  show: (next: CaseDetail, words: string) => void
}

export function useCaseActions(): CaseActions {
  const { t } = useTranslation('cases')
  const client = useQueryClient()
  const [announcement, setAnnouncement] = useState('')
  const show = useCallback(
    (next: CaseDetail, words: string) => {
      showChangedCase(client, next)
      setAnnouncement(next.pendingChanges > 0 ? t('announce.willBeSent', { done: words }) : words)
    },
    [client, t],
  )
  const action = useMutation({
    mutationFn: ({ call }: Action) => call(),
    onSuccess: (next, { words }) => show(next, words),
  })
  const busy = action.isPending ? action.variables.name : null
  return {
    busy,
    error: action.error ? userMessage(action.error) : null,
    clearError: action.reset,
    announcement,
    act: (name, call, words) => {
      if (busy === null) action.mutate({ name, call, words })
    },
    show,
  }
}

// The cases carrying the help-desk ticket in the search box, read beside the delivery search.
// A ticket's address pasted from the help desk that one case carries goes straight to that case,
// as a porchlight:// link does.
import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import { navigate } from '../navigation/route.ts'
import type { TicketAnswer } from './TicketCases.tsx'

export function useTicketCases(
  text: string,
  clearBox: () => void,
): { answer: TicketAnswer | null; templateSet: boolean } {
  const read = useQuery({ ...queries.ticketCases(text), enabled: text !== '' })
  const templateSet = Boolean(useQuery(queries.settings()).data?.ticketUrlTemplate)
  const answer = text !== '' && read.data ? read.data : null
  const onlyCaseId =
    answer?.fromTicketLink && answer.cases.length === 1 ? answer.cases[0]!.id : null
  const clear = useRef(clearBox)
  useEffect(() => {
    clear.current = clearBox
  })

  useEffect(() => {
    if (onlyCaseId === null) return
    clear.current()
    navigate({ screen: 'case', caseId: onlyCaseId })
  }, [onlyCaseId])

  return { answer, templateSet }
}

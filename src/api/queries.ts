// Every read the renderer makes of the core, one entry per API call: its cache key (the call's name,
// then its argument) and the call itself. Screens hand these to useQuery; a change invalidates
// what it changed by the same keys, so each key is written once, here.
import { queryOptions } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import type { CallArg, SearchResult } from '../../electron/core/api/definition.ts'
import type { ReportFilterInput } from '../../electron/core/api/report-schemas.ts'
import { api } from './client.ts'
import { oneAtATime } from './oneAtATime.ts'

/** The most results a search shows. */
export const SEARCH_LIMIT = 50

/** A search's answer, with the question it answers (what is shown may lag what is typed). */
export type SearchAnswer = {
  query: string
  /** Only deliveries flagged "delivered away from the address". */
  awayOnly: boolean
  /** Only deliveries flagged for a photo that also appears elsewhere. */
  reusedOnly: boolean
  /** Null when nothing was asked (an empty box, no filter). */
  results: SearchResult[] | null
}

const NOTHING_ASKED: SearchAnswer = { query: '', awayOnly: false, reusedOnly: false, results: null }
const oneSearchAtATime = oneAtATime()

export const queries = {
  session: () => queryOptions({ queryKey: ['getSession'], queryFn: () => api.getSession() }),
  syncStatus: () =>
    queryOptions({ queryKey: ['getSyncStatus'], queryFn: () => api.getSyncStatus() }),
  syncReport: () =>
    queryOptions({ queryKey: ['getSyncReport'], queryFn: () => api.getSyncReport() }),
  settings: () => queryOptions({ queryKey: ['getSettings'], queryFn: () => api.getSettings() }),
  mapSources: () =>
    queryOptions({ queryKey: ['getMapSources'], queryFn: () => api.getMapSources() }),
  mapView: () => queryOptions({ queryKey: ['getMapView'], queryFn: () => api.getMapView() }),
  retention: () => queryOptions({ queryKey: ['getRetention'], queryFn: () => api.getRetention() }),
  /** Everyone the cache can name: read by src/ui/usePeople.ts, the one place names are looked up. */
  people: () =>
    queryOptions({
      queryKey: ['listPeople'],
      queryFn: () => api.listPeople(),
      // The directory changes rarely; a sync refreshes it (refreshOnSync.ts).
      staleTime: 5 * 60_000,
    }),
  updateStatus: () =>
    queryOptions({ queryKey: ['getUpdateStatus'], queryFn: () => api.getUpdateStatus() }),

  /**
   * Search-as-you-type: one search in flight, and of those typed meanwhile only the newest runs
   * next. An empty box with no filter asks nothing and answers at once.
   */
  search: (query: string, awayOnly: boolean, reusedOnly = false) => {
    const asked = query !== '' || awayOnly || reusedOnly
    return queryOptions({
      queryKey: ['searchDeliveries', { query, awayOnly, reusedOnly }],
      // The signal is taken so that a search the screen no longer shows is dropped, not kept.
      queryFn: async ({ signal }): Promise<SearchAnswer> => {
        if (!asked) return NOTHING_ASKED
        const arg = {
          query,
          limit: SEARCH_LIMIT,
          ...(awayOnly ? { awayFromAddress: true } : {}),
          ...(reusedOnly ? { reusedPhoto: true } : {}),
        }
        const results = await oneSearchAtATime(() => api.searchDeliveries(arg), signal)
        return { query, awayOnly, reusedOnly, results }
      },
      ...(asked ? {} : { initialData: NOTHING_ASKED, staleTime: Infinity }),
    })
  },
  /** The cases carrying the help-desk ticket the search box holds (its number or its address). */
  ticketCases: (text: string) =>
    queryOptions({
      queryKey: ['findCasesByTicket', text],
      queryFn: () => api.findCasesByTicket({ text }),
    }),
  delivery: (id: string) =>
    queryOptions({ queryKey: ['getDelivery', id], queryFn: () => api.getDelivery({ id }) }),
  lookalikes: (deliveryId: string) =>
    queryOptions({
      queryKey: ['getLookalikes', deliveryId],
      queryFn: () => api.getLookalikes({ deliveryId }),
    }),
  addressHistory: (deliveryId: string) =>
    queryOptions({
      queryKey: ['getAddressHistory', deliveryId],
      queryFn: () => api.getAddressHistory({ deliveryId }),
    }),

  caseList: (arg: CallArg<'listCases'>) =>
    queryOptions({ queryKey: ['listCases', arg], queryFn: () => api.listCases(arg) }),
  case: (caseId: string) =>
    queryOptions({ queryKey: ['getCase', caseId], queryFn: () => api.getCase({ caseId }) }),
  caseCounts: () =>
    queryOptions({ queryKey: ['getCaseCounts'], queryFn: () => api.getCaseCounts() }),
  cannedNotes: () =>
    queryOptions({ queryKey: ['listCannedNotes'], queryFn: () => api.listCannedNotes() }),

  reportOptions: () =>
    queryOptions({ queryKey: ['getReportOptions'], queryFn: () => api.getReportOptions() }),
  reportFigures: (filters: ReportFilterInput) =>
    queryOptions({
      queryKey: ['getReportFigures', filters],
      queryFn: () => api.getReportFigures(filters),
    }),
  reportExports: () =>
    queryOptions({ queryKey: ['listReportExports'], queryFn: () => api.listReportExports() }),
  /** An export's progress; the read that finds it over also marks the export log out of date. */
  reportExport: (jobId: string) =>
    queryOptions({
      queryKey: ['getReportExport', jobId],
      queryFn: async ({ client }) => {
        const job = await api.getReportExport({ jobId })
        if (job && job.state !== 'running') {
          void client.invalidateQueries({ queryKey: ['listReportExports'] })
        }
        return job
      },
    }),
}

/**
 * Starts a search in the keystroke's own event when none is in flight, so the request does not
 * wait for the screen to render; the screen's read then joins it. Otherwise the screen's read
 * waits its turn (and only the newest one takes it).
 */
export function searchAtOnce(
  client: QueryClient,
  query: string,
  awayOnly: boolean,
  reusedOnly = false,
): void {
  if (oneSearchAtATime.idle())
    void client.prefetchQuery(queries.search(query, awayOnly, reusedOnly))
}

/** How often the case screens read again: other agents' work arrives through sync. */
export const CASE_POLL_MS = 3_000

/**
 * A case changed here (an action answered with the case as it now is): show that at once, drop
 * any read of it that started before, and read again what lists, counts or shows its cases.
 */
export function showChangedCase(client: QueryClient, detail: CaseDetail): void {
  const { queryKey } = queries.case(detail.id)
  void client.cancelQueries({ queryKey })
  client.setQueryData(queryKey, detail)
  void client.invalidateQueries({ queryKey: ['listCases'] })
  void client.invalidateQueries({ queryKey: ['getCaseCounts'] })
  void client.invalidateQueries({ queryKey: ['findCasesByTicket'] })
  void client.invalidateQueries({ queryKey: queries.delivery(detail.deliveryId).queryKey })
}

// The API handlers of the agent's desk: cases, their queue and canned notes. Each action is
// written locally first (see cases/case-work.ts); then a push is started in the background.
import { signedInUser } from './signed-in-user.ts'
import type BetterSqlite3 from 'better-sqlite3'
import { type ApiHandlers } from '../api/definition.ts'
import { personName } from '../api/display-words.ts'
import { UserFacingError } from '../common/errors.ts'
import { createCannedNotes } from '../cases/canned-notes.ts'
import { createCaseViews, type CaseViewContext } from '../cases/case-views.ts'
import { createCaseWork } from '../cases/case-work.ts'
import { createPersonNames } from '../people/person-names.ts'
import { createEvidenceReader } from '../cases/evidence-snapshot.ts'
import { TICKET_PATTERN, type User } from '../contract/schemas.ts'
import { ticketFromUrl } from '../api/ticket-url-template.ts'
import { t } from '../messages/messages.ts'
import type { AppSettings } from '../api/definition.ts'

type CaseHandlerNames =
  | 'openCase'
  | 'getCase'
  | 'listCases'
  | 'getCaseCounts'
  | 'addCaseNote'
  | 'setCaseTicket'
  | 'findCasesByTicket'
  | 'changeCaseStatus'
  | 'assignCase'
  | 'resolveCase'
  | 'reopenCase'
  | 'resolveConflict'
  | 'listCannedNotes'
  | 'saveCannedNote'
  | 'deleteCannedNote'

export function createCaseDesk(options: {
  sqlite: BetterSqlite3.Database
  currentUser: () => User | null
  settings: () => AppSettings
  /** Starts sending queued work; failures stay queued. */
  pushSoon: () => void
}) {
  const { sqlite } = options
  const work = createCaseWork({ sqlite, currentUser: options.currentUser })
  const views = createCaseViews(sqlite)
  const evidence = createEvidenceReader(sqlite)
  const canned = createCannedNotes(sqlite)
  const people = createPersonNames(sqlite)

  /** The user making the call: the dispatcher let only a signed-in user through (CALL_ACCESS). */
  const me = (): User => signedInUser(options.currentUser)

  function context(): CaseViewContext {
    const user = me()
    const settings = options.settings()
    return {
      meId: user.id,
      firstActionTargetHours: settings.firstActionTargetHours,
      locationThresholdM: settings.locationThresholdM,
      currentEvidence: (deliveryId) =>
        evidence(deliveryId, settings.locationThresholdM, new Date().toISOString()),
      // Never null: one unknown to this cache is named so (display-words.ts), never a bare id.
      userName: (id) => (id === user.id ? user.name : personName(id, people.nameOf(id))),
    }
  }

  function detailAfter(caseId: string) {
    options.pushSoon()
    const detail = views.detail(caseId, context())
    if (!detail) throw new UserFacingError('not-found', t('cases:errors.caseNotInCache'))
    return detail
  }

  const handlers: Pick<ApiHandlers, CaseHandlerNames> = {
    openCase: async ({ deliveryId, reason, note, ticket }) => {
      const thresholdM = options.settings().locationThresholdM
      const caseId = work.open(
        deliveryId,
        reason,
        note,
        (at) => {
          const snapshot = evidence(deliveryId, thresholdM, at)
          if (!snapshot)
            throw new UserFacingError('not-found', t('cases:errors.deliveryNotInCache'))
          return snapshot
        },
        ticket,
      )
      return detailAfter(caseId)
    },
    getCase: async ({ caseId }) => views.detail(caseId, context()),
    listCases: async (arg) => views.list(arg, context()),
    getCaseCounts: async () => views.counts(context()),
    addCaseNote: async ({ caseId, body, audience }) => {
      work.addNote(caseId, body, audience)
      return detailAfter(caseId)
    },
    setCaseTicket: async ({ caseId, ticket }) => {
      work.setTicket(caseId, ticket)
      return detailAfter(caseId)
    },
    findCasesByTicket: async ({ text }) => {
      const template = options.settings().ticketUrlTemplate
      const fromLink = template ? ticketFromUrl(template, text) : null
      const typed = text.trim()
      const ticket = fromLink ?? (TICKET_PATTERN.test(typed) ? typed : null)
      return {
        ticket,
        fromTicketLink: fromLink !== null,
        cases: ticket === null ? [] : views.withTicket(ticket, context()),
      }
    },
    changeCaseStatus: async ({ caseId, status }) => {
      work.changeStatus(caseId, status)
      return detailAfter(caseId)
    },
    assignCase: async ({ caseId, to }) => {
      work.assign(caseId, to)
      return detailAfter(caseId)
    },
    resolveCase: async ({ caseId, code, note }) => {
      work.resolve(caseId, code, note)
      return detailAfter(caseId)
    },
    reopenCase: async ({ caseId, note }) => {
      work.reopen(caseId, note)
      return detailAfter(caseId)
    },
    resolveConflict: async ({ caseId, eventId, choice }) => {
      work.resolveConflict(caseId, eventId, choice)
      return detailAfter(caseId)
    },
    listCannedNotes: async () => canned.list(),
    saveCannedNote: async (note) => canned.save(note, me().id),
    deleteCannedNote: async ({ id }) => canned.remove(id),
  }

  return {
    handlers,
    casesOf: (deliveryId: string) => views.ofDelivery(deliveryId, context()),
    repeatClaimsOf: (deliveryId: string) => views.repeatClaims(deliveryId),
  }
}

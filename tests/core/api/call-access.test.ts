// Who may make each call is declared once, in CALL_ACCESS beside the API table, and the
// dispatcher enforces it before the argument or the handler is looked at. This walks the whole
// table as nobody, as an agent and as a supervisor.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  CALL_ACCESS,
  CALL_NAMES,
  supervisorOnlyRefusal,
  type ApiHandlers,
  type CallName,
} from '../../../electron/core/api/definition.ts'
import { dispatchCall } from '../../../electron/core/api/dispatch.ts'
import { speak } from '../../../electron/core/messages/messages.ts'
import { UserFacingError } from '../../../electron/core/common/errors.ts'
import type { Role } from '../../../electron/core/contract/schemas.ts'
import { REPO_ROOT } from '../../support/project-copy.ts'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

/** Handlers that only note that they were reached. */
function recordingHandlers(reached: CallName[]): ApiHandlers {
  return Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async () => {
        reached.push(name)
        throw new UserFacingError('not-found', 'reached the handler')
      },
    ]),
  ) as unknown as ApiHandlers
}

async function callAs(role: Role | null, name: CallName) {
  const reached: CallName[] = []
  const target = {
    handlers: recordingHandlers(reached),
    currentUser: () => (role ? { role } : null),
  }
  // No argument at all: a call the caller may make then fails on its argument or in its handler,
  // never with signed-out or forbidden.
  const outcome = await dispatchCall(target, name, undefined, quiet)
  return { outcome, reached: reached.length > 0 }
}

/** True when the outcome is a refusal of the caller (not of the argument or by the handler). */
const refused = (outcome: { ok: boolean; error?: { code: string } }) =>
  !outcome.ok && ['signed-out', 'forbidden'].includes(outcome.error?.code ?? '')

describe('the access table', () => {
  it('declares every call, and nothing else', () => {
    expect(Object.keys(CALL_ACCESS).sort()).toEqual([...CALL_NAMES].sort())
  })

  it.each(CALL_NAMES)('%s: the dispatcher lets in exactly who the table names', async (name) => {
    const access = CALL_ACCESS[name]
    const nobody = await callAs(null, name)
    const agent = await callAs('agent', name)
    const supervisor = await callAs('supervisor', name)

    if (access === 'public') {
      expect(refused(nobody.outcome)).toBe(false)
    } else {
      expect(nobody).toEqual({
        outcome: { ok: false, error: { code: 'signed-out', message: 'Please sign in first.' } },
        reached: false,
      })
    }

    if (typeof access === 'object') {
      expect(agent).toEqual({
        outcome: {
          ok: false,
          error: { code: 'forbidden', message: supervisorOnlyRefusal(access.supervisor) },
        },
        reached: false,
      })
    } else {
      expect(refused(agent.outcome)).toBe(false)
    }

    expect(refused(supervisor.outcome)).toBe(false)
  })

  it('keeps its refusals in one place: no handler checks who is signed in by hand', () => {
    const found = (pattern: string): string[] => {
      try {
        return execFileSync('git', ['grep', '-l', '-F', pattern, '--', 'electron/core/app'], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        })
          .split('\n')
          .filter(Boolean)
      } catch {
        return [] // git grep exits 1 when nothing matches
      }
    }
    expect(found("UserFacingError('signed-out'")).toEqual([])
    expect(found("UserFacingError('forbidden'")).toEqual([])
  })

  it('refuses in the language the core speaks', async () => {
    speak({ language: 'es', locale: 'es' })
    try {
      expect((await callAs(null, 'getCase')).outcome).toEqual({
        ok: false,
        error: { code: 'signed-out', message: 'Inicie sesión primero.' },
      })
      expect((await callAs('agent', 'getReportFigures')).outcome).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/^Los informes/) },
      })
      expect((await callAs('agent', 'searchDeliveries')).outcome).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-argument',
          message: expect.stringMatching(/^Solicitud no válida a searchDeliveries: /),
        },
      })
    } finally {
      speak({ language: 'en', locale: 'en' })
    }
  })
})

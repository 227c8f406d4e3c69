// Sign-in, auth and the two pull endpoints against a real demo service on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CaseItemSchema,
  DeliveryItemSchema,
  HealthSchema,
  LoginResponseSchema,
  ProblemSchema,
  SyncPageSchema,
} from '../../../electron/core/contract/schemas.ts'
import type { DeliveryDraft } from '../../../electron/core/demo-service/index.ts'
import { getJson, postJson, pullAll, signIn, startHarness } from './helpers.ts'
import type { Harness } from './helpers.ts'
import { findUser } from '../../../electron/core/demo-service/accounts.ts'

let harness: Harness
let token: string

beforeAll(async () => {
  harness = await startHarness({ deliveries: 200, seed: 7 })
  token = await signIn(harness.url)
})
afterAll(async () => {
  await harness.stop()
})

async function expectProblem(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = ProblemSchema.parse(await response.json())
  expect(problem.status).toBe(status)
  expect(problem.detail?.length).toBeGreaterThan(5)
}

describe('health and sign-in', () => {
  it('answers health without a token', async () => {
    const response = await getJson(`${harness.url}/v1/health`)
    expect(response.status).toBe(200)
    HealthSchema.parse(await response.json())
  })

  it('signs in the demo users and refuses wrong or malformed credentials', async () => {
    const ok = await postJson(`${harness.url}/v1/auth/login`, {
      username: 'supervisor',
      password: 'demo-supervisor',
    })
    expect(ok.status).toBe(200)
    const body = LoginResponseSchema.parse(await ok.json())
    expect(body.user).toEqual({ id: 'u_sam_okafor', name: 'Sam Okafor', role: 'supervisor' })
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000)

    await expectProblem(
      await postJson(`${harness.url}/v1/auth/login`, { username: 'agent', password: 'nope' }),
      401,
    )
    await expectProblem(await postJson(`${harness.url}/v1/auth/login`, { username: 'agent' }), 400)
    await expectProblem(await postJson(`${harness.url}/v1/auth/login`, '{not json'), 400)
    await expectProblem(
      await postJson(`${harness.url}/v1/auth/login`, { username: 'a', password: 'b', extra: 1 }),
      400,
    )
  })

  it('answers 401 without a valid bearer token on every other endpoint', async () => {
    const caseUrl = `${harness.url}/v1/cases/3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b/events`
    for (const response of [
      await getJson(`${harness.url}/v1/sync/deliveries`),
      await getJson(`${harness.url}/v1/sync/cases`, 'not-a-token'),
      await getJson(`${harness.url}/v1/photos/pho_x`, 'not-a-token'),
      await postJson(caseUrl, {}),
      await postJson(`${harness.url}/v1/audit/photo-views`, { events: [] }),
    ]) {
      await expectProblem(response, 401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
  })

  it('answers 401 once the sessions expire, until the user signs in again', async () => {
    const old = await signIn(harness.url)
    harness.service.expireSessions()
    await expectProblem(await getJson(`${harness.url}/v1/sync/cases`, old), 401)
    token = await signIn(harness.url)
    expect((await getJson(`${harness.url}/v1/sync/cases?limit=1`, token)).status).toBe(200)
  })

  it('answers unknown routes with a 404 problem and wrong methods with 405', async () => {
    await expectProblem(await getJson(`${harness.url}/v1/nothing`, token), 404)
    await expectProblem(await getJson(`${harness.url}/v1/auth/login`), 405)
  })
})

describe('GET /v1/sync/deliveries', () => {
  it('pages through every delivery exactly once, each item valid against the contract', async () => {
    const pages = await pullAll(harness.url, token, 'deliveries', 37)
    for (const page of pages) {
      SyncPageSchema.parse(page)
      expect(page.items.length).toBeLessThanOrEqual(37)
    }
    const items = pages.flatMap((page) => page.items)
    for (const item of items) DeliveryItemSchema.parse(item)
    expect(items).toHaveLength(200)
    expect(new Set(items.map((item) => item.id)).size).toBe(200)
    const expected = harness.service.world.deliveryDrafts().map((draft) => draft.id)
    expect(new Set(items.map((item) => item.id))).toEqual(new Set(expected))
    expect(pages.at(-1)?.hasMore).toBe(false)

    // The served records are exactly what the world says, photo hashes included.
    const served = JSON.stringify([...items].sort((a, b) => a.id.localeCompare(b.id)))
    const world = (await harness.service.world.deliveries()).sort((a, b) =>
      a.id.localeCompare(b.id),
    )
    expect(served).toBe(JSON.stringify(world))

    // Nothing new after the last cursor.
    const again = await pullAll(harness.url, token, 'deliveries', 50, pages.at(-1)?.nextCursor)
    expect(again).toHaveLength(1)
    expect(again[0]?.items).toEqual([])
  })

  it('uses the default page size and refuses limits outside 1-1000', async () => {
    const response = await getJson(`${harness.url}/v1/sync/deliveries`, token)
    const page = SyncPageSchema.parse(await response.json())
    expect(page.items).toHaveLength(200)
    for (const limit of ['0', '1001', 'abc', '-3', '2.5']) {
      await expectProblem(
        await getJson(`${harness.url}/v1/sync/deliveries?limit=${limit}`, token),
        400,
      )
    }
  })

  it('answers 400 to malformed cursors and to a cursor of the other stream', async () => {
    for (const cursor of ['%%%', 'bm90IGEgY3Vyc29y', 'x'.repeat(513)]) {
      await expectProblem(
        await getJson(
          `${harness.url}/v1/sync/deliveries?cursor=${encodeURIComponent(cursor)}`,
          token,
        ),
        400,
      )
    }
    const cases = await getJson(`${harness.url}/v1/sync/cases?limit=1`, token)
    const { nextCursor } = SyncPageSchema.parse(await cases.json())
    await expectProblem(
      await getJson(`${harness.url}/v1/sync/deliveries?cursor=${nextCursor}`, token),
      400,
    )
  })

  it('carries changes made after a cursor: updates, erasures and tombstones, once each', async () => {
    const world = harness.service.world
    const first = await pullAll(harness.url, token, 'deliveries', 1000)
    const cursor = first.at(-1)?.nextCursor as string

    const live = world.deliveryDrafts().filter((d): d is DeliveryDraft => !d.deleted)
    const [edited, doomed] = live
    const withPhotos = live.find((d) => d.photos.length >= 2 && d !== edited && d !== doomed)
    if (!edited || !doomed || !withPhotos) throw new Error('world too small')
    world.updateDelivery(edited.id, { dropOff: { ...edited.dropOff, note: 'Moved to the porch' } })
    world.updateDelivery(edited.id, { dropOff: { ...edited.dropOff, note: 'Moved again' } })
    world.deleteDelivery(doomed.id)
    const erased = withPhotos.photos[0]?.id as string
    world.erasePhoto(erased)

    const pages = await pullAll(harness.url, token, 'deliveries', 2, cursor)
    const items = pages.flatMap((page) => page.items)
    for (const item of items) DeliveryItemSchema.parse(item)
    expect(items.map((item) => item.id).sort()).toEqual(
      [edited.id, doomed.id, withPhotos.id].sort(),
    )
    const editedNow = items.find((item) => item.id === edited.id)
    expect(editedNow?.version).toBe(edited.version + 2)
    expect((editedNow?.dropOff as { note: string }).note).toBe('Moved again')
    expect(Date.parse(editedNow?.updatedAt as string)).toBeGreaterThan(Date.parse(edited.updatedAt))
    expect(items.find((item) => item.id === doomed.id)).toEqual({
      id: doomed.id,
      version: doomed.version + 1,
      updatedAt: expect.any(String),
      deleted: true,
    })
    const photos = items.find((item) => item.id === withPhotos.id)?.photos as Array<{ id: string }>
    expect(photos.map((photo) => photo.id)).not.toContain(erased)
    expect(photos).toHaveLength(withPhotos.photos.length - 1)
  })

  it('carries a delivery added like another: new ids, the same place and photos, served whole', async () => {
    const world = harness.service.world
    const first = await pullAll(harness.url, token, 'deliveries', 1000)
    const cursor = first.at(-1)?.nextCursor as string
    const model = world
      .deliveryDrafts()
      .find((d): d is DeliveryDraft => !d.deleted && d.photos.length > 0)!
    const added = world.addDeliveryLike(model.id, 'b7')
    expect(() => world.addDeliveryLike(model.id, 'b7')).toThrow(/exists already/)
    expect(() => world.addDeliveryLike(model.id, 'no spaces')).toThrow(/Bad suffix/)

    const pages = await pullAll(harness.url, token, 'deliveries', 10, cursor)
    const items = pages.flatMap((page) => page.items)
    expect(items.map((item) => item.id)).toEqual([`${model.id}_b7`])
    const record = DeliveryItemSchema.parse(items[0])
    expect(record).toMatchObject({
      id: added.id,
      orderId: `${model.orderId}-b7`,
      trackingNumber: `${model.trackingNumber}B7`,
      address: model.address,
      version: 1,
    })
    const photos = (record as { photos: Array<{ id: string }> }).photos
    expect(photos.map((photo) => photo.id)).toEqual(model.photos.map((photo) => `${photo.id}_b7`))
    const served = await getJson(`${harness.url}/v1/photos/${photos[0]!.id}`, token)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
  })

  it('answers 410 to cursors the service has expired, and to cursors of another world', async () => {
    const { url } = harness
    const page = SyncPageSchema.parse(
      await (await getJson(`${url}/v1/sync/deliveries?limit=5`, token)).json(),
    )
    const world = harness.service.world
    world.expireCursorsBefore(world.headSequence('deliveries'), 'deliveries')
    await expectProblem(
      await getJson(`${url}/v1/sync/deliveries?cursor=${page.nextCursor}`, token),
      410,
    )
    // No cursor is always fine: the full resync.
    expect((await getJson(`${url}/v1/sync/deliveries?limit=1`, token)).status).toBe(200)

    const other = await startHarness({ deliveries: 20, seed: 8 })
    try {
      const otherToken = await signIn(other.url)
      await expectProblem(
        await getJson(`${other.url}/v1/sync/deliveries?cursor=${page.nextCursor}`, otherToken),
        410,
      )
    } finally {
      await other.stop()
    }
  })
})

describe('a restart of the same world', () => {
  it('keeps cursors working: nothing is re-sent, and later changes still arrive', async () => {
    const before = await startHarness({ deliveries: 20, seed: 9 })
    const [first, second] = before.service.world
      .deliveryDrafts()
      .filter((d): d is DeliveryDraft => !d.deleted)
    if (!first || !second) throw new Error('world too small')
    let cursor: string
    try {
      const beforeToken = await signIn(before.url)
      const initial = await pullAll(before.url, beforeToken, 'deliveries', 100)
      before.service.world.updateDelivery(first.id, { status: 'returned' })
      const changed = await pullAll(
        before.url,
        beforeToken,
        'deliveries',
        100,
        initial.at(-1)?.nextCursor,
      )
      expect(changed.flatMap((page) => page.items).map((item) => item.id)).toEqual([first.id])
      cursor = changed.at(-1)?.nextCursor as string
    } finally {
      await before.stop()
    }

    const after = await startHarness({ deliveries: 20, seed: 9 })
    try {
      const afterToken = await signIn(after.url)
      const nothing = await pullAll(after.url, afterToken, 'deliveries', 100, cursor)
      expect(nothing.flatMap((page) => page.items)).toEqual([])
      after.service.world.updateDelivery(second.id, { status: 'returned' })
      const later = await pullAll(
        after.url,
        afterToken,
        'deliveries',
        100,
        nothing.at(-1)?.nextCursor,
      )
      expect(later.flatMap((page) => page.items).map((item) => item.id)).toEqual([second.id])
    } finally {
      await after.stop()
    }
  })
})

describe('GET /v1/sync/cases', () => {
  it('serves the seeded cases, each valid against the contract, in every status', async () => {
    const pages = await pullAll(harness.url, token, 'cases', 4)
    const items = pages.flatMap((page) => page.items)
    expect(items.length).toBeGreaterThanOrEqual(6)
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
    const cases = items.map((item) => CaseItemSchema.parse(item))
    const all = (await pullAll(harness.url, token, 'cases', 1000)).flatMap((page) => page.items)
    expect(all).toHaveLength(items.length)
    for (const item of cases) {
      if (item.deleted) continue
      const delivery = harness.service.world.deliveryDraft(item.deliveryId)
      expect(delivery).not.toBeNull()
      // A demo account or a colleague the service knows (one of whom its directory no longer lists).
      expect(findUser(item.openedBy)).not.toBeNull()
      if (item.status === 'resolved') expect(item.resolution?.code).toBeDefined()
      else expect(item.resolution).toBeNull()
    }
  })

  it('carries a deleted case as a tombstone with every Case field', async () => {
    const world = harness.service.world
    const before = (await pullAll(harness.url, token, 'cases', 1000)).at(-1)?.nextCursor
    const victim = world.cases().find((item) => !item.deleted)
    if (!victim) throw new Error('no case')
    world.deleteCase(victim.id)
    const items = (await pullAll(harness.url, token, 'cases', 10, before)).flatMap((p) => p.items)
    expect(items).toHaveLength(1)
    const tombstone = CaseItemSchema.parse(items[0])
    expect(tombstone.deleted).toBe(true)
    expect(items[0]).toMatchObject({ deliveryId: expect.any(String), notes: expect.any(Array) })
  })
})

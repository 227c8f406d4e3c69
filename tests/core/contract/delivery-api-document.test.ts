// docs/delivery-api.yaml is the delivery service's contract as the project documents it, built
// from the zod schemas the client validates with. These tests fail when the file and the schemas
// drift apart, and when the document stops saying something the contract requires.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  DELIVERY_API_FILE,
  deliveryApiDocument,
  deliveryApiYaml,
} from '../../../electron/core/contract/delivery-api-document.ts'

const onDisk = readFileSync(new URL(`../../../${DELIVERY_API_FILE}`, import.meta.url), 'utf8')

type Json = Record<string, unknown>
const doc = deliveryApiDocument() as unknown as {
  paths: Record<string, Record<string, Json>>
  components: Record<string, Record<string, Json>>
}

/** Follows a `$ref` to the component it names. */
function deref<T extends Json>(value: T | { $ref: string }): T {
  if (!('$ref' in value)) return value
  const [, , kind, name] = (value.$ref as string).split('/')
  return doc.components[kind!]![name!] as T
}

function operation(path: string, method: string) {
  return doc.paths[path]?.[method] as {
    operationId: string
    parameters?: ({ in: string; name: string; schema?: Json } | { $ref: string })[]
    responses: Record<string, Json | { $ref: string }>
    requestBody?: Json
  }
}

describe('docs/delivery-api.yaml', () => {
  it('is what the zod schemas make (run `npm run contract` after changing them)', () => {
    expect(
      onDisk === deliveryApiYaml(),
      'docs/delivery-api.yaml is stale: run `npm run contract`',
    ).toBe(true)
    expect(parse(onDisk)).toEqual(JSON.parse(JSON.stringify(deliveryApiDocument())))
  })

  it('is OpenAPI 3.1 with every reference resolving to a component', () => {
    expect(parse(onDisk).openapi).toBe('3.1.0')
    const refs = [...onDisk.matchAll(/\$ref: "#\/components\/(\w+)\/(\w+)"/g)]
    expect(refs.length).toBeGreaterThan(20)
    for (const [ref, kind, name] of refs) {
      expect(doc.components[kind!]?.[name!], ref).toBeDefined()
    }
  })

  // The service's contract, operation by operation: what a client may send and must handle.
  const contract: [string, string, string, string[], string[]][] = [
    ['/v1/health', 'get', 'health', [], ['200']],
    ['/v1/auth/login', 'post', 'login', [], ['200', '401', '429']],
    [
      '/v1/sync/deliveries',
      'get',
      'pullDeliveries',
      ['query cursor', 'query limit'],
      ['200', '400', '401', '410', '429', '503'],
    ],
    [
      '/v1/sync/cases',
      'get',
      'pullCases',
      ['query cursor', 'query limit'],
      ['200', '401', '410', '429', '503'],
    ],
    [
      '/v1/photos/{photoId}',
      'get',
      'getPhoto',
      ['path photoId', 'header Range'],
      ['200', '206', '401', '404', '410', '429', '503'],
    ],
    [
      '/v1/cases/{caseId}/events',
      'post',
      'postCaseEvent',
      ['path caseId'],
      ['200', '400', '401', '403', '404', '409', '429', '503'],
    ],
    ['/v1/audit/photo-views', 'post', 'postPhotoViews', [], ['204', '400', '401', '429', '503']],
  ]

  it.each(contract)('%s %s: parameters and status codes', (path, method, id, params, statuses) => {
    const op = operation(path, method)
    expect(op.operationId).toBe(id)
    expect((op.parameters ?? []).map((p) => deref(p)).map((p) => `${p.in} ${p.name}`)).toEqual(
      params,
    )
    expect(Object.keys(op.responses)).toEqual(statuses)
    for (const [status, response] of Object.entries(op.responses)) {
      expect(deref(response).description, `${path} ${status}`).toEqual(expect.any(String))
      // Back-pressure always says how long to wait.
      if (status === '429' || status === '503') {
        expect(Object.keys(deref(response).headers as Json)).toEqual(['Retry-After'])
      }
    }
  })

  it('says how the sync pages, photos and case events are shaped', () => {
    const limit = deref(operation('/v1/sync/deliveries', 'get').parameters![1]!)
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 500 })
    const photo = operation('/v1/photos/{photoId}', 'get').responses
    expect(Object.keys(deref(photo['200']!).content as Json)).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
    ])
    expect(Object.keys(deref(photo['200']!).headers as Json)).toEqual(['ETag', 'Content-Length'])
    expect(Object.keys(deref(photo['206']!).headers as Json)).toEqual(['ETag', 'Content-Range'])
    // The events a client posts are exactly the contract's: nothing else is accepted.
    expect(doc.components.schemas!.CaseEvent).toMatchObject({ additionalProperties: false })
    // What the client receives may carry fields it does not know yet.
    expect(doc.components.schemas!.Delivery).not.toHaveProperty('additionalProperties')
    expect(doc.components.schemas!.Fix).toMatchObject({
      description: "A position fix from the driver's handset.",
    })
  })
})

// The delivery service's contract as an OpenAPI 3.1 document, built from the zod schemas the
// client validates with (schemas.ts) by zod-openapi, which renders each schema with zod's own
// z.toJSONSchema. This module adds what a schema cannot say: the paths, their parameters, status
// codes, headers and words. `npm run contract` writes the result to docs/delivery-api.yaml, and
// tests/core/contract/delivery-api-document.test.ts fails when that file and this disagree.
import { z } from 'zod'
import {
  createDocument,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi'
import { stringify } from 'yaml'
import {
  CaseEventSchema,
  CaseItemSchema,
  CaseRecordSchema,
  CaseTombstoneSchema,
  DateTimeSchema,
  DeliveryItemSchema,
  DeliveryRecordSchema,
  FixSchema,
  HealthSchema,
  IdSchema,
  LatLngSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  PeopleDirectorySchema,
  PersonSchema,
  PhotoSchema,
  PhotoViewBatchSchema,
  PhotoViewEventSchema,
  ProblemSchema,
  SyncPageSchema,
  TombstoneSchema,
  UserSchema,
  UuidSchema,
  AddressSchema,
  PHOTO_CONTENT_TYPES,
} from './schemas.ts'

export const DELIVERY_API_FILE = 'docs/delivery-api.yaml'

const RULES = `The delivery service is the system of record. Drivers' handsets upload a delivery record
and its photos there; the support console on each agent's desktop pulls those records and photos
into its local cache, and pushes the agents' work on missing-package cases back.

Rules every client and server of this contract follows:

* **Pull by cursor.** \`GET /v1/sync/deliveries\` and \`GET /v1/sync/cases\` return changes in
  server order. \`nextCursor\` is opaque; a client stores it only after the page's items are
  durably stored, and resumes from it. A page can repeat an item that an earlier page already
  carried (the server may re-send after a restart); a client keeps the copy with the higher
  \`version\` and never lets an older version overwrite a newer one.
* **Tombstones.** An item with \`deleted: true\` means the record must be removed from every
  cache, photos included (privacy erasure, data retention, a mistaken delivery record).
* **Photos are content addressed.** A photo's \`sha256\` is the lowercase hex SHA-256 of the
  exact bytes that \`GET /v1/photos/{photoId}\` returns; the response's \`ETag\` is that hash in
  quotes. A client stores nothing whose bytes do not hash to it. The endpoint honours
  \`Range: bytes=N-\` so an interrupted download can resume.
* **Withheld photos.** Some deliveries have no photo on purpose: \`photoWithheld\` says why. A
  client never asks for, shows or exports a photo of such a delivery, even if one reaches it.
* **Case changes are events.** A client never overwrites a case; it posts an event with a
  client-generated \`id\` (UUID) as its idempotency key and the \`baseVersion\` it saw. The same
  event posted twice is applied once. A stale \`baseVersion\` is answered 409 with the current
  case, unless the event commutes (a note, an assignment, a ticket), which the server applies
  anyway.
* **Help-desk tickets.** A case may carry the number of the help-desk ticket it is worked from
  (\`ticket\`, set by a \`ticket_set\` event, null to clear): 1 to 64 letters, digits, \`-\`,
  \`_\`, \`#\` and \`.\`. Every console shows it; the last \`ticket_set\` applied wins.
* **People by name.** Records name agents, supervisors and drivers by id; \`GET /v1/people\`
  answers the directory of their names, in any script. A client keeps its last copy for offline
  use, and shows a person missing from it as unknown (with the id), never as a bare id.
* **Back-pressure.** 429 and 503 carry \`Retry-After\` (seconds). Clients back off with jitter
  and never retry faster than that.
* **Errors** are \`application/problem+json\` (RFC 9457).
* **Time** is RFC 3339 with an offset. **Coordinates** are WGS 84 degrees.

This file is generated from the zod schemas in electron/core/contract/ by \`npm run contract\`;
edit those, not this.
`

const problemContent = { 'application/problem+json': { schema: ProblemSchema } }

const problem: ZodOpenApiResponseObject = {
  id: 'Problem',
  description: 'An error (RFC 9457).',
  content: problemContent,
}

const retryLater: ZodOpenApiResponseObject = {
  id: 'RetryLater',
  description: 'Back off for Retry-After seconds.',
  headers: z.object({
    'Retry-After': z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Seconds to wait before the next try.' }),
  }),
  content: problemContent,
}

/** A response of the given status that carries a problem, with words of its own. */
function problemSaying(description: string): ZodOpenApiResponseObject {
  return { description, content: problemContent }
}

const pageQuery = z.object({
  cursor: z
    .string()
    .max(512)
    .optional()
    .meta({ description: 'Absent on the first call.', param: { id: 'Cursor' } }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(500)
    .meta({ description: 'How many items the page may hold.', param: { id: 'Limit' } }),
})

function syncPage(items: z.ZodType, description: string): ZodOpenApiResponseObject {
  return {
    description,
    content: { 'application/json': { schema: SyncPageSchema.extend({ items: z.array(items) }) } },
  }
}

const cursorGone = problemSaying(
  'The cursor is too old; the client must start again from no cursor (a full resync).',
)

const photoBytes = z.string().meta({ format: 'binary' })
const etag = z.string().meta({ description: 'The sha256, quoted.' })

/** Health and signing in: the calls made without a token. */
const SESSION_PATHS: ZodOpenApiPathsObject = {
  '/v1/health': {
    get: {
      operationId: 'health',
      security: [],
      summary: "Liveness, for the console's online/offline indicator.",
      responses: {
        '200': {
          description: 'The service is up.',
          content: { 'application/json': { schema: HealthSchema } },
        },
      },
    },
  },
  '/v1/auth/login': {
    post: {
      operationId: 'login',
      security: [],
      summary: "Exchange an agent's credentials for a bearer token.",
      requestBody: {
        required: true,
        content: { 'application/json': { schema: LoginRequestSchema } },
      },
      responses: {
        '200': {
          description: 'Signed in.',
          content: { 'application/json': { schema: LoginResponseSchema } },
        },
        '401': problem,
        '429': retryLater,
      },
    },
  },
}

/** The two streams the console pulls a page at a time. */
const SYNC_PATHS: ZodOpenApiPathsObject = {
  '/v1/sync/deliveries': {
    get: {
      operationId: 'pullDeliveries',
      summary: 'One page of delivery records changed after the cursor.',
      requestParams: { query: pageQuery },
      responses: {
        '200': syncPage(
          DeliveryItemSchema,
          'A page. `hasMore` false means the client is up to date.',
        ),
        '400': problem,
        '401': problem,
        '410': cursorGone,
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
  '/v1/sync/cases': {
    get: {
      operationId: 'pullCases',
      summary: "One page of cases changed after the cursor (all agents' work).",
      requestParams: { query: pageQuery },
      responses: {
        '200': syncPage(CaseItemSchema, 'A page.'),
        '401': problem,
        '410': cursorGone,
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
}

/** A photo's bytes, resumable. */
const PHOTO_PATHS: ZodOpenApiPathsObject = {
  '/v1/photos/{photoId}': {
    get: {
      operationId: 'getPhoto',
      summary: "The photo's bytes, exactly as hashed in `Photo.sha256`.",
      requestParams: {
        path: z.object({ photoId: IdSchema }),
        header: z.object({
          Range: z
            .string()
            .regex(/^bytes=\d+-$/)
            .meta({ description: 'The rest of the photo from this offset, after a break.' })
            .optional(),
        }),
      },
      responses: {
        '200': {
          description: 'The whole photo.',
          headers: z.object({ ETag: etag, 'Content-Length': z.number().int().min(0) }),
          content: Object.fromEntries(
            PHOTO_CONTENT_TYPES.map((type) => [type, { schema: photoBytes }]),
          ),
        },
        '206': {
          description: 'The rest of the photo from the asked offset.',
          headers: z.object({ ETag: etag, 'Content-Range': z.string() }),
        },
        '401': problem,
        '404': problem,
        '410': problemSaying('The photo was erased (privacy, retention); drop any copy.'),
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
}

/** What the console sends: case events and photo views. */
const WORK_PATHS: ZodOpenApiPathsObject = {
  '/v1/cases/{caseId}/events': {
    post: {
      operationId: 'postCaseEvent',
      summary: 'Apply one event to a case (the first `opened` event creates it).',
      requestParams: { path: z.object({ caseId: UuidSchema }) },
      requestBody: {
        required: true,
        content: { 'application/json': { schema: CaseEventSchema } },
      },
      responses: {
        '200': {
          description:
            'Applied now, or already applied earlier under the same event id. The case as it stands.',
          content: { 'application/json': { schema: CaseRecordSchema } },
        },
        '400': problem,
        '401': problem,
        '403': problemSaying(
          "The user's role may not do this (only supervisors reopen a resolved case).",
        ),
        '404': problem,
        '409': {
          description:
            'baseVersion is stale and the event does not commute. The body is the current case; the client shows the agent the conflict and does not retry blindly.',
          content: { 'application/json': { schema: CaseRecordSchema } },
        },
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
  '/v1/people': {
    get: {
      operationId: 'listPeople',
      summary:
        'The directory: every agent, supervisor and driver the records name by id, with the name a person reads.',
      responses: {
        '200': {
          description:
            'Everyone, in one answer. A client keeps it for offline use and shows a person the records name but the directory does not as unknown, never as a bare id.',
          content: {
            'application/json': {
              schema: PeopleDirectorySchema.extend({ people: z.array(PersonSchema) }),
            },
          },
        },
        '401': problem,
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
  '/v1/audit/photo-views': {
    post: {
      operationId: 'postPhotoViews',
      summary: 'Report who looked at which photo, in batches; idempotent by event id.',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: PhotoViewBatchSchema } },
      },
      responses: {
        '204': { description: 'Recorded.' },
        '400': problem,
        '401': problem,
        '429': retryLater,
        '503': retryLater,
      },
    },
  },
}

/** The OpenAPI document of the delivery service's contract. */
export function deliveryApiDocument(): ReturnType<typeof createDocument> {
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Delivery Service API (photo on delivery)',
        version: '1.0.0',
        summary: 'The upstream service that the support console syncs from.',
        description: RULES,
      },
      servers: [
        {
          url: 'http://127.0.0.1:8080',
          description: 'a local server: the demo service (`npm run demo-service -- --port 8080`)',
        },
      ],
      security: [{ bearer: [] }],
      paths: { ...SESSION_PATHS, ...SYNC_PATHS, ...PHOTO_PATHS, ...WORK_PATHS },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: {
          Id: IdSchema,
          Uuid: UuidSchema,
          DateTime: DateTimeSchema,
          LatLng: LatLngSchema,
          Fix: FixSchema,
          User: UserSchema,
          Person: PersonSchema,
          Address: AddressSchema,
          Photo: PhotoSchema,
          Delivery: DeliveryRecordSchema,
          DeliveryTombstone: TombstoneSchema,
          Case: CaseRecordSchema,
          CaseTombstone: CaseTombstoneSchema,
          CaseEvent: CaseEventSchema,
          PhotoViewEvent: PhotoViewEventSchema,
          Problem: ProblemSchema,
        },
      },
    },
    {
      // A response schema is what the client accepts: a plain z.object ignores fields it does not
      // know (the service may add some), so only z.strictObject says additionalProperties: false.
      // zod writes a whole number's safe-integer bounds out; they say nothing here.
      override: ({ jsonSchema, zodSchema }) => {
        const def = zodSchema._zod.def
        if (def.type === 'object' && !('catchall' in def && def.catchall)) {
          delete jsonSchema.additionalProperties
        }
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum
      },
    },
  )
}

/** The document as docs/delivery-api.yaml holds it. */
export function deliveryApiYaml(): string {
  return stringify(deliveryApiDocument(), { lineWidth: 100, aliasDuplicateObjects: false })
}

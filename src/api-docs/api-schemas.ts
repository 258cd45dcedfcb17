// The shapes the JSON API answers, as named OpenAPI components (`#/components/schemas/<name>`),
// so that a generated client gets types and the contract test (test/support/api-contract.ts)
// can check every answer the e2e tests receive. They follow the views in stance/domain,
// sources.controller (sourceHealth) and webhooks.controller; a field added there belongs here too.
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { STANCES } from '../domain/vocabulary.js';
import { MAX_PAGE_SIZE } from '../stance/domain/claim-page.js';

export function schemaRef(name: keyof typeof API_SCHEMAS): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * OpenAPI 3.0 has no null type, and `nullable` beside a `$ref` is ignored: a nullable value of a
 * component is that component's schema inlined with `nullable: true` (an enum also lists null).
 */
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true, ...(schema.enum ? { enum: [...schema.enum, null] } : {}) });
const DAY: SchemaObject = { type: 'string', format: 'date', example: '2025-04-26' };
const INSTANT: SchemaObject = { type: 'string', format: 'date-time', example: '2025-04-26T09:30:00.000Z' };
const POSITION: SchemaObject = { type: 'integer', minimum: 0, description: 'a position in the event log', example: 42 };
const arrayOf = (items: SchemaObject | ReferenceObject): SchemaObject => ({ type: 'array', items });

const CLAIM_FIELDS: Record<string, SchemaObject | ReferenceObject> = {
  claimId: { type: 'string', example: 'claim-0123456789abcdef0123' },
  stance: { $ref: '#/components/schemas/Stance' },
  speaker: { type: 'string', nullable: true, description: 'who spoke for the actor, when named', example: 'Dmitry Peskov' },
  quote: { type: 'string', description: 'the sentence the claim was read from', example: 'The Kremlin spokesman said the reports were fake news.' },
  saidOn: { $ref: '#/components/schemas/SaidOn' },
  url: { type: 'string', description: 'the article or source the quote is from', example: 'https://news.example.org/2024/10/25/kremlin' },
  documentId: { type: 'string', nullable: true, description: 'the stored article (GET /api/documents/{id}); null for an analyst claim', example: 'feed-news-example-org-1a2b3c4d:0f1e2d3c' },
  position: { ...POSITION, description: 'log position of the ClaimRecorded event' },
};

const STANCE: SchemaObject = { type: 'string', enum: [...STANCES], description: 'deny, neither (declines to confirm or deny) or confirm', example: 'confirm' };
const DOCUMENT_SUMMARY: SchemaObject = {
  type: 'object',
  description: 'the article a claim was read from',
  required: ['url', 'outlet', 'title', 'published', 'language'],
  properties: {
    url: { type: 'string', example: 'https://news.example.org/2024/10/25/kremlin' },
    outlet: { type: 'string', example: 'Example News' },
    title: { type: 'string', example: 'Kremlin dismisses troop reports' },
    published: { type: 'string', example: '2024-10-25T08:00:00.000Z' },
    language: { type: 'string', example: 'en' },
  },
};
const CLAIM_VIEW: SchemaObject = {
  type: 'object',
  description: 'one claim: who said what, when, and where it is written',
  required: ['claimId', 'stance', 'quote', 'saidOn', 'url', 'documentId', 'position'],
  properties: {
    ...CLAIM_FIELDS,
    document: nullable(DOCUMENT_SUMMARY),
    reportedAt: { type: 'string', nullable: true, description: 'when the article reporting it was published' },
    watchRevision: { type: 'string', nullable: true, description: 'content hash of the watch file the extractor read it with (null: an analyst claim, or one recorded before revisions)', example: '3f9a0c12be7d4e51' },
    packsRevision: { type: 'string', nullable: true, description: 'content hash of the language packs the extractor read it with', example: 'a1b2c3d4e5f60718' },
  },
};
/** A link to another page of an actor's history, or null at either end. */
const PAGE_LINK: SchemaObject = { type: 'string', nullable: true, description: 'the address of that page of the history', example: 'https://stance.example.org/api/watches/dprk-troops-russia/actors/russia/history?limit=50&after=2f1c…' };
const CHANGE_VIEW: SchemaObject = {
  type: 'object',
  description: "a change of the actor's stance, and the claim that made it",
  required: ['from', 'to', 'effectiveOn', 'knownAtPosition', 'claim'],
  properties: {
    from: nullable(STANCE),
    to: { $ref: '#/components/schemas/Stance' },
    effectiveOn: { $ref: '#/components/schemas/SaidOn' },
    knownAtPosition: { ...POSITION, description: 'the log position from which the service has shown this change' },
    claim: { $ref: '#/components/schemas/ClaimView' },
  },
};
const CLAIM_EVIDENCE: SchemaObject = {
  type: 'object',
  description: 'a claim in the chain behind a stance',
  required: ['claimId', 'stance', 'quote', 'documentId', 'url', 'saidOn', 'position'],
  properties: { ...CLAIM_FIELDS, document: nullable(DOCUMENT_SUMMARY) },
};

export const API_SCHEMAS = {
  Error: {
    type: 'object',
    required: ['statusCode', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 400 },
      message: { type: 'string', description: 'what was wrong, naming the field or parameter', example: 'known_at must be an ISO 8601 date-time with a zone' },
      error: { type: 'string', example: 'Bad Request' },
    },
  },
  Stance: STANCE,
  SaidOn: {
    type: 'object',
    description: 'when the actor said it: a day, or an interval when the text gives only bounds',
    required: ['from', 'to', 'precision'],
    properties: {
      from: nullable(DAY),
      to: DAY,
      precision: { type: 'string', enum: ['day', 'range', 'month', 'year', 'before'] },
      basis: { type: 'string', description: 'how the day was found in the text', example: 'explicit date "26 April"' },
    },
  },

  ClaimView: CLAIM_VIEW,

  ChangeView: CHANGE_VIEW,

  ActorStanceView: {
    type: 'object',
    required: ['actor', 'name', 'stance', 'since', 'latestClaim'],
    properties: {
      actor: { type: 'string', example: 'russia' },
      name: { type: 'string', example: 'Russia' },
      stance: nullable(STANCE),
      since: nullable(CHANGE_VIEW),
      latestClaim: nullable(CLAIM_VIEW),
    },
  },
  Drop: {
    type: 'object',
    description: 'why a claim no longer counts',
    required: ['kind', 'reason', 'by', 'position'],
    properties: {
      kind: { type: 'string', enum: ['rejected', 'superseded'] },
      reason: { type: 'string', example: 'garbled attribution' },
      by: { type: 'string', description: 'the analyst, or the extractor version', example: 'analyst:ana' },
      position: POSITION,
    },
  },
  Watch: {
    type: 'object',
    required: ['id', 'proposition', 'actors'],
    properties: {
      id: { type: 'string', example: 'dprk-troops-russia' },
      proposition: { type: 'string', example: 'North Korean troops were sent to Russia' },
      languages: arrayOf({ type: 'string', example: 'id' }),
      actors: arrayOf({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', example: 'russia' }, name: { type: 'string', example: 'Russia' } } }),
    },
  },
  StancesAnswer: {
    type: 'object',
    required: ['watch', 'proposition', 'asOf', 'knownAtPosition', 'stances'],
    properties: {
      watch: { type: 'string', example: 'dprk-troops-russia' },
      proposition: { type: 'string' },
      asOf: nullable(DAY),
      knownAtPosition: { ...POSITION, description: 'the log position the answer is read at' },
      stances: arrayOf({ $ref: '#/components/schemas/ActorStanceView' }),
    },
  },
  HistoryAnswer: {
    type: 'object',
    required: ['watch', 'actor', 'name', 'asOf', 'knownAtPosition', 'stance', 'changes', 'claims'],
    properties: {
      watch: { type: 'string', example: 'dprk-troops-russia' },
      actor: { type: 'string', example: 'russia' },
      name: { type: 'string', example: 'Russia' },
      asOf: nullable(DAY),
      knownAtPosition: POSITION,
      stance: nullable(STANCE),
      counts: {
        type: 'object',
        description: 'totals over the whole history (after the filters), so a reader knows how far the pages go',
        required: ['claims', 'changes'],
        properties: { claims: { type: 'integer', minimum: 0 }, changes: { type: 'integer', minimum: 0 } },
      },
      page: {
        type: 'object',
        description: 'this page: its size, and the neighbouring pages in claim order',
        required: ['limit', 'next', 'prev'],
        properties: { limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }, next: PAGE_LINK, prev: PAGE_LINK },
      },
      changes: arrayOf({ $ref: '#/components/schemas/ChangeView' }),
      claims: arrayOf({
        allOf: [
          { $ref: '#/components/schemas/ClaimView' },
          {
            type: 'object',
            required: ['status', 'drops'],
            properties: { status: { type: 'string', example: 'active' }, drops: arrayOf({ $ref: '#/components/schemas/Drop' }) },
          },
        ],
      }),
    },
  },
  ClaimEvidence: CLAIM_EVIDENCE,

  WhyAnswer: {
    type: 'object',
    required: ['watch', 'actor', 'name', 'knownAtPosition', 'stance', 'producedBy', 'reaffirmedBy', 'overrode', 'dropped'],
    properties: {
      watch: { type: 'string', example: 'dprk-troops-russia' },
      actor: { type: 'string', example: 'russia' },
      name: { type: 'string', example: 'Russia' },
      knownAtPosition: POSITION,
      stance: nullable(STANCE),
      producedBy: nullable(CLAIM_EVIDENCE),
      changeKnownAtPosition: { ...POSITION, nullable: true },
      counts: {
        type: 'object',
        description: 'the full length of each list (each list holds at most `limit` claims)',
        required: ['reaffirmedBy', 'overrode', 'dropped'],
        properties: { reaffirmedBy: { type: 'integer', minimum: 0 }, overrode: { type: 'integer', minimum: 0 }, dropped: { type: 'integer', minimum: 0 } },
      },
      more: {
        type: 'object',
        description: 'the history page that continues each list, null when the list is complete',
        required: ['reaffirmedBy', 'overrode', 'dropped'],
        properties: { reaffirmedBy: PAGE_LINK, overrode: PAGE_LINK, dropped: PAGE_LINK },
      },
      reaffirmedBy: arrayOf({ $ref: '#/components/schemas/ClaimEvidence' }),
      overrode: arrayOf({ $ref: '#/components/schemas/ClaimEvidence' }),
      dropped: arrayOf({
        allOf: [
          { $ref: '#/components/schemas/ClaimEvidence' },
          { type: 'object', required: ['drops'], properties: { status: { type: 'string', enum: ['rejected', 'superseded'] }, drops: arrayOf({ $ref: '#/components/schemas/Drop' }) } },
        ],
      }),
    },
  },
  StoredDocument: {
    type: 'object',
    required: ['documentId', 'url', 'outlet', 'title', 'published', 'language', 'text', 'claims'],
    properties: {
      documentId: { type: 'string' },
      url: { type: 'string' },
      outlet: { type: 'string' },
      title: { type: 'string' },
      published: { type: 'string' },
      language: { type: 'string', example: 'id' },
      text: { type: 'string', description: 'the article text as ingested' },
      claims: arrayOf({
        type: 'object',
        required: ['claimId', 'watch', 'actor', 'stance', 'quote', 'saidOn', 'position'],
        properties: {
          claimId: { type: 'string' },
          watch: { type: 'string', example: 'dprk-troops-russia' },
          actor: { type: 'string', example: 'russia' },
          stance: { $ref: '#/components/schemas/Stance' },
          speaker: { type: 'string', nullable: true },
          quote: { type: 'string' },
          saidOn: { $ref: '#/components/schemas/SaidOn' },
          position: POSITION,
        },
      }),
    },
  },
  CorrectionResult: {
    type: 'object',
    required: ['claimId', 'position', 'duplicate'],
    properties: {
      claimId: { type: 'string', example: 'claim-0123456789abcdef0123' },
      position: { ...POSITION, description: 'log position of the event (of the first one, for a repeated request)' },
      duplicate: { type: 'boolean', description: 'true when the same correction was already recorded' },
    },
  },
  Source: {
    type: 'object',
    description: "a source's health; its location with credentials and secret-looking query values replaced by ***",
    required: ['id', 'kind', 'location', 'enabled', 'state', 'consecutiveFailures', 'entriesSeen', 'documentsIngested'],
    properties: {
      id: { type: 'string', example: 'feed-news-example-org-0123abcd' },
      kind: { type: 'string', enum: ['fixture-folder', 'feed'] },
      location: { type: 'string', example: 'https://***:***@news.example.org/feed.xml?api_key=***' },
      title: { type: 'string', nullable: true },
      addedBy: { type: 'string', example: 'admin' },
      enabled: { type: 'boolean', description: 'false while paused' },
      state: { type: 'string', enum: ['pending', 'ok', 'failing', 'paused'] },
      lastStatus: { type: 'string', nullable: true, example: '200 rss' },
      lastPolledAt: nullable(INSTANT),
      lastSuccessAt: nullable(INSTANT),
      lastError: { type: 'string', nullable: true },
      lastErrorAt: nullable(INSTANT),
      consecutiveFailures: { type: 'integer', minimum: 0 },
      nextPollAt: nullable(INSTANT),
      nextPollBasis: { type: 'string', nullable: true, example: 'ttl' },
      entriesSeen: { type: 'integer', minimum: 0 },
      documentsIngested: { type: 'integer', minimum: 0 },
    },
  },
  SourceAnswer: {
    type: 'object',
    required: ['source'],
    properties: { created: { type: 'boolean', description: 'false when the feed was there already' }, source: { $ref: '#/components/schemas/Source' } },
  },
  Webhook: {
    type: 'object',
    required: ['id', 'url', 'filter', 'enabled', 'createdAt', 'cursor'],
    properties: {
      id: { type: 'string', example: 'wh_0123456789abcdef' },
      url: { type: 'string', example: 'https://hooks.example.org/stance' },
      filter: {
        type: 'object',
        required: ['watch', 'actor'],
        properties: { watch: { type: 'string', nullable: true, example: 'dprk-troops-russia' }, actor: { type: 'string', nullable: true, example: 'russia' } },
      },
      description: { type: 'string', nullable: true },
      enabled: { type: 'boolean' },
      createdAt: INSTANT,
      createdBy: { type: 'string', example: 'admin-api' },
      cursor: { type: 'integer', minimum: 0, description: 'the last alert id this subscription had when it was created or caught up to' },
      deliveries: {
        type: 'object',
        required: ['pending', 'delivered', 'dead'],
        properties: { pending: { type: 'integer', minimum: 0 }, delivered: { type: 'integer', minimum: 0 }, dead: { type: 'integer', minimum: 0 } },
      },
    },
  },
  WebhookCreated: {
    allOf: [
      { $ref: '#/components/schemas/Webhook' },
      { type: 'object', required: ['secret'], properties: { secret: { type: 'string', description: 'the HMAC key of the signatures: shown only in this answer' } } },
    ],
  },
  Delivery: {
    type: 'object',
    required: ['alertId', 'status', 'attempts'],
    properties: {
      alertId: { type: 'integer', minimum: 1 },
      status: { type: 'string', enum: ['pending', 'delivered', 'dead'] },
      attempts: { type: 'integer', minimum: 0 },
      lastStatus: { type: 'integer', nullable: true, description: 'the HTTP status of the last attempt, if it got one', example: 503 },
      lastError: { type: 'string', nullable: true },
      lastAttemptAt: nullable(INSTANT),
      nextAttemptAt: nullable(INSTANT),
      deliveredAt: nullable(INSTANT),
      position: POSITION,
      type: { type: 'string', enum: ['stance.changed', 'stance.withdrawn'] },
      watch: { type: 'string' },
      actor: { type: 'string' },
      claimId: { type: 'string' },
      title: { type: 'string', example: 'Russia: deny → confirm' },
    },
  },
  Health: {
    type: 'object',
    required: ['status', 'database', 'instance', 'leads'],
    properties: {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      database: { type: 'string', enum: ['pglite', 'postgres'] },
      instance: { type: 'string', example: 'web-2-41' },
      leads: arrayOf({ type: 'string', example: 'scheduler' }),
      log: {
        type: 'object',
        required: ['headPosition', 'headHash'],
        properties: {
          headPosition: POSITION,
          headHash: { type: 'string', nullable: true, description: 'the hash chain at the head (for verify --expect-head)' },
          lastRecordedAt: { type: 'string', nullable: true },
        },
      },
      error: { type: 'string', description: 'why the database did not answer' },
    },
  },
  JsonFeed: {
    type: 'object',
    description: 'JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)',
    required: ['version', 'title', 'items'],
    properties: {
      version: { type: 'string', example: 'https://jsonfeed.org/version/1.1' },
      title: { type: 'string' },
      home_page_url: { type: 'string' },
      feed_url: { type: 'string' },
      next_url: { type: 'string' },
      language: { type: 'string' },
      items: arrayOf({
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          title: { type: 'string' },
          content_text: { type: 'string' },
          content_html: { type: 'string' },
          date_published: INSTANT,
          date_modified: INSTANT,
        },
      }),
    },
  },
} satisfies Record<string, SchemaObject>;

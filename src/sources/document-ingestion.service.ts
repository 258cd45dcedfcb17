// Turns documents into DocumentIngested events, once each (see domain/article-document.ts).
import { Injectable, Logger, Optional } from '@nestjs/common';
import type { ArticleDocument, DocumentIngested } from '../domain/vocabulary.js';
import type { VersionedAppend } from '../event-store/event-store.repository.js';
import { EventStore } from '../event-store/event-store.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { documentIdentity, type DocumentIdentity, type UnlinkedDocument } from './domain/article-document.js';
import { storableText } from './domain/storable-text.js';

export interface IngestionCount {
  ingested: number;
  /** New text for an article already stored: appended as a revision of it. */
  revisions: number;
  alreadyStored: number;
}

/** A document the database refused on its own while it accepted the others. */
export interface RejectedDocument {
  entryKey: string;
  documentId: string;
  reason: string;
}

export interface IngestionResult {
  count: IngestionCount;
  rejected: RejectedDocument[];
}

interface IdentifiedDocument {
  doc: UnlinkedDocument;
  identity: DocumentIdentity;
}

type Outcome = keyof IngestionCount;

/**
 * Most documents per transaction: one commit (and fsync) and three statements for each chunk.
 * A large feed's parts that queue up while one is stored come together (sources.service.ts).
 */
const MAX_CHUNK = 2000;
/**
 * On PGlite, how long one chunk's transaction should take: there every reader (/health, the API)
 * waits for an open write transaction, so its length bounds their latency. Chunks are sized from
 * the last one's rate to fit it. On a Postgres server readers never wait for a writer, and every
 * chunk is MAX_CHUNK documents.
 */
const PGLITE_CHUNK_MS = 50;
const PGLITE_FIRST_CHUNK = 50;

@Injectable()
export class DocumentIngestion {
  private readonly logger = new Logger(DocumentIngestion.name);

  constructor(
    private readonly events: EventStore,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /**
   * Appends what is new. A document the database refuses (its text is storable by construction,
   * so this is rare) is set aside with the reason and the rest are stored; an error of the
   * database itself (down, stalled) is thrown, with the chunks before it stored.
   */
  async ingest(documents: readonly UnlinkedDocument[]): Promise<IngestionResult> {
    const result: IngestionResult = { count: { ingested: 0, revisions: 0, alreadyStored: 0 }, rejected: [] };
    // One query to skip everything seen before: a re-polled 10,000-item feed costs one round trip.
    const identified = documents.map((doc) => ({ doc, identity: documentIdentity(doc) }));
    const known = await this.events.repository.knownIdempotencyKeys(identified.map((d) => d.identity.idempotencyKey));
    const fresh = new Map<string, IdentifiedDocument>();
    for (const item of identified) {
      const key = item.identity.idempotencyKey;
      if (known.has(key) || fresh.has(key)) result.count.alreadyStored++;
      else fresh.set(key, item);
    }
    const pending = [...fresh.values()];
    const sliced = this.events.repository.databaseKind === 'pglite';
    for (let i = 0, size = sliced ? PGLITE_FIRST_CHUNK : MAX_CHUNK; i < pending.length; ) {
      const chunk = pending.slice(i, i + size);
      i += chunk.length;
      const rejectedBefore = result.rejected.length;
      const startedAt = performance.now();
      const outcomes = await this.appendIsolatingRefusals(chunk, result.rejected);
      const elapsedMs = Math.max(performance.now() - startedAt, 1);
      if (sliced) size = Math.max(1, Math.min(MAX_CHUNK, Math.round((chunk.length * PGLITE_CHUNK_MS) / elapsedMs)));
      if (chunk.length > 1 && result.rejected.length - rejectedBefore === chunk.length) {
        // Every document refused one by one: the fault is the database's (a trigger, a full
        // disk), not theirs; the poll is to be retried, not the documents written off.
        throw new Error(`the database refused all ${chunk.length} documents: ${result.rejected.at(-1)!.reason}`);
      }
      for (const outcome of outcomes) result.count[outcome]++;
      this.metrics?.documentsIngested(outcomes.filter((outcome) => outcome !== 'alreadyStored').length);
    }
    return result;
  }

  /**
   * Appends a chunk; when the database refuses it, halves it and tries each half, down to the one
   * document it refuses. A refused document costs about log2(chunk size) extra transactions and never
   * blocks its neighbours, now or on the next poll.
   */
  private async appendIsolatingRefusals(chunk: IdentifiedDocument[], rejected: RejectedDocument[]): Promise<Outcome[]> {
    try {
      return await this.appendChunk(chunk);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      if (chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        return [
          ...(await this.appendIsolatingRefusals(chunk.slice(0, half), rejected)),
          ...(await this.appendIsolatingRefusals(chunk.slice(half), rejected)),
        ];
      }
      // One document failed: its own fault only if the database still answers.
      await this.events.repository.head();
      const { doc, identity } = chunk[0]!;
      const reason = storableText((error as Error).message);
      this.logger.warn(`document ${identity.documentId} (entry ${storableText(doc.entryKey)}) not stored: ${reason}`);
      rejected.push({ entryKey: storableText(doc.entryKey), documentId: identity.documentId, reason });
      return [];
    }
  }

  /**
   * One transaction under the log's append lock: the idempotency keys and the articles' latest
   * revisions are read in bulk, then every new document is appended in one statement after its
   * article's latest revision (or after the one before it in this chunk).
   */
  private async appendChunk(chunk: IdentifiedDocument[]): Promise<Outcome[]> {
    const repository = this.events.repository;
    return repository.db.transaction().execute(async (trx) => {
      await repository.lockAppends(trx);
      const known = await repository.knownIdempotencyKeys(chunk.map((c) => c.identity.idempotencyKey), trx);
      const latest = new Map<string, { version: number; documentId: string }>();
      for (const [streamId, event] of await repository.lastInStreams(chunk.map((c) => c.identity.streamId), trx)) {
        latest.set(streamId, { version: event.streamVersion, documentId: (event.data as ArticleDocument).documentId });
      }
      const outcomes: Outcome[] = [];
      const appends: VersionedAppend[] = [];
      for (const { doc, identity } of chunk) {
        if (known.has(identity.idempotencyKey)) {
          outcomes.push('alreadyStored'); // stored by another poller since the check in ingest()
          continue;
        }
        const previous = latest.get(identity.streamId);
        const event: DocumentIngested = { type: 'DocumentIngested', data: { ...doc, revisionOf: previous?.documentId ?? null } };
        const streamVersion = (previous?.version ?? 0) + 1;
        appends.push({ streamId: identity.streamId, streamVersion, event: { ...event, metadata: { sourceId: doc.sourceId } }, idempotencyKey: identity.idempotencyKey });
        latest.set(identity.streamId, { version: streamVersion, documentId: doc.documentId });
        outcomes.push(previous ? 'revisions' : 'ingested');
      }
      await this.events.appendAtVersions(trx, appends);
      return outcomes;
    });
  }
}

/**
 * Errors that say the database, not a statement, failed: SQLSTATE classes 08 (connection), 53
 * (resources) and 57 (operator intervention, e.g. a shutdown), and socket errors (ECONNRESET, ...).
 * Halving the chunk cannot help then. Anything else is halved, and a lone document that still
 * fails is blamed only after the database has answered another query.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^(08|53|57)[0-9A-Z]{3}$/.test(code) || /^E[A-Z]{3,}$/.test(code);
}

// Turns documents into DocumentIngested events, once each (see domain/article-document.ts).
import { Injectable, Optional } from '@nestjs/common';
import type { ArticleDocument, DocumentIngested } from '../domain/vocabulary.js';
import { StreamVersionConflictError } from '../event-store/domain/event.js';
import { EventStore } from '../event-store/event-store.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { documentIdentity, type DocumentIdentity, type UnlinkedDocument } from './domain/article-document.js';

export interface IngestionCount {
  ingested: number;
  /** New text for an article already stored: appended as a revision of it. */
  revisions: number;
  alreadyStored: number;
}

interface IdentifiedDocument {
  doc: UnlinkedDocument;
  identity: DocumentIdentity;
}

const MAX_ATTEMPTS = 5;
const CHUNK = 200;
const CHUNK_MS = 50;

@Injectable()
export class DocumentIngestion {
  constructor(
    private readonly events: EventStore,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async ingest(documents: readonly UnlinkedDocument[]): Promise<IngestionCount> {
    const count: IngestionCount = { ingested: 0, revisions: 0, alreadyStored: 0 };
    // One query to skip everything seen before: a re-polled 10,000-item feed costs one round trip.
    const identified = documents.map((doc) => ({ doc, identity: documentIdentity(doc) }));
    const known = await this.events.repository.knownIdempotencyKeys(identified.map((d) => d.identity.idempotencyKey));
    const fresh = new Map<string, IdentifiedDocument>();
    for (const item of identified) {
      const key = item.identity.idempotencyKey;
      if (known.has(key) || fresh.has(key)) count.alreadyStored++;
      else fresh.set(key, item);
    }
    // New documents are appended in chunks, one transaction each: one commit (and fsync) per
    // chunk rather than per document, and a crash still leaves each chunk whole or absent.
    const pending = [...fresh.values()];
    for (let done = 0; done < pending.length; ) {
      const outcomes = await this.appendChunk(pending, done);
      done += outcomes.length;
      for (const outcome of outcomes) count[outcome]++;
      this.metrics?.documentsIngested(outcomes.filter((outcome) => outcome !== 'alreadyStored').length);
    }
    return count;
  }

  /**
   * Appends documents from `from` on, each after its article's latest revision, until CHUNK of
   * them or CHUNK_MS have gone into the transaction: on the embedded database every reader
   * (/health, the API) waits for an open write transaction, so its length bounds their latency.
   * The chunk is retried whole on a race.
   */
  private async appendChunk(pending: IdentifiedDocument[], from: number): Promise<(keyof IngestionCount)[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.events.repository.db.transaction().execute(async (trx) => {
          const outcomes: (keyof IngestionCount)[] = [];
          const startedAt = performance.now();
          for (let i = from; i < Math.min(pending.length, from + CHUNK); i++) {
            if (outcomes.length > 0 && performance.now() - startedAt > CHUNK_MS) break;
            const { doc, identity } = pending[i]!;
            const { streamId, idempotencyKey } = identity;
            const last = await this.events.repository.lastInStream(streamId, trx);
            const latest = last?.data as ArticleDocument | undefined;
            const event: DocumentIngested = { type: 'DocumentIngested', data: { ...doc, revisionOf: latest?.documentId ?? null } };
            const result = await this.events.append(
              streamId,
              [{ ...event, metadata: { sourceId: doc.sourceId } }],
              { expectedVersion: last?.streamVersion ?? 0, idempotencyKey },
              trx,
            );
            outcomes.push(result.duplicate ? 'alreadyStored' : latest ? 'revisions' : 'ingested');
          }
          return outcomes;
        });
      } catch (error) {
        // Another instance appended to one of these articles between our read and our append.
        if (!(error instanceof StreamVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

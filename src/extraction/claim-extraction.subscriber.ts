// Reads every DocumentIngested event and records the claims each watch's extractor finds, in
// the same transaction as the subscription's checkpoint: a crash neither loses nor doubles them.
import { setImmediate } from 'node:timers/promises';
import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import type { ArticleDocument, ClaimRecorded } from '../domain/vocabulary.js';
import type { NewEvent, StoredEvent } from '../event-store/domain/event.js';
import { EventStore } from '../event-store/event-store.service.js';
import { SubscriptionRunner, type EventSubscriber } from '../event-store/subscription-runner.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { WatchesService } from '../watches/watches.service.js';
import { claimRecorded, extractionAppend } from './domain/claim-events.js';
import { EXTRACTOR_VERSION, extractClaims } from './domain/extract.js';

/** How long extraction runs before it lets the event loop answer requests. */
const EXTRACTION_SLICE_MS = 10;

/** One document's claims, as appended to its stream. */
interface ExtractedClaims {
  streamId: string;
  idempotencyKey: string;
  claims: ClaimRecorded[];
  events: NewEvent[];
}

@Injectable()
export class ClaimExtractionSubscriber implements EventSubscriber<ExtractedClaims[]>, OnModuleInit {
  readonly subscriptionName = 'extraction';
  readonly eventTypes = ['DocumentIngested'] as const;
  readonly batchSize = 50;

  constructor(
    private readonly watches: WatchesService,
    private readonly events: EventStore,
    private readonly runner: SubscriptionRunner,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  /**
   * Reads every document of the batch before the transaction opens: the log's append lock, which
   * ingestion and analysts' claims wait for, is then held for one statement, not for the reading.
   */
  async prepare(events: StoredEvent[]): Promise<ExtractedClaims[]> {
    const extracted: ExtractedClaims[] = [];
    let slice = performance.now();
    for (const event of events) {
      const doc = event.data as ArticleDocument;
      const claims = this.watches
        .watches()
        .flatMap((watch) => extractClaims(doc, watch, this.watches.packs()))
        .map((draft) => claimRecorded(doc, draft, EXTRACTOR_VERSION, this.watches.revisions(draft.watchId)));
      if (claims.length > 0) {
        const { streamId, idempotencyKey } = extractionAppend(doc.documentId, EXTRACTOR_VERSION);
        extracted.push({ streamId, idempotencyKey, claims, events: claims.map((claim) => ({ ...claim, metadata: { causationId: event.eventId } })) });
      }
      // A batch of long articles takes the main thread for a while: requests are answered between slices.
      if (performance.now() - slice > EXTRACTION_SLICE_MS) {
        await setImmediate();
        slice = performance.now();
      }
    }
    return extracted;
  }

  async handle(_events: StoredEvent[], trx: Transaction<Tables>, _after: number, extracted: ExtractedClaims[]): Promise<void> {
    const appended = await this.events.appendOnce(trx, extracted);
    extracted.forEach(({ claims }, i) => {
      if (appended[i]) this.metrics?.claimsRecorded(claims);
    });
  }
}

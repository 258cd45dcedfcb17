// Reads every DocumentIngested event and records the claims each watch's extractor finds, in
// the same transaction as the subscription's checkpoint: a crash neither loses nor doubles them.
import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import type { ArticleDocument } from '../domain/vocabulary.js';
import type { StoredEvent } from '../event-store/domain/event.js';
import { EventStore } from '../event-store/event-store.service.js';
import { SubscriptionRunner, type EventSubscriber } from '../event-store/subscription-runner.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { WatchesService } from '../watches/watches.service.js';
import { claimRecorded, extractionAppend } from './domain/claim-events.js';
import { EXTRACTOR_VERSION, extractClaims } from './domain/extract.js';

@Injectable()
export class ClaimExtractionSubscriber implements EventSubscriber, OnModuleInit {
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

  async handle(events: StoredEvent[], trx: Transaction<Tables>): Promise<void> {
    for (const event of events) {
      const doc = event.data as ArticleDocument;
      const claims = this.watches
        .watches()
        .flatMap((watch) => extractClaims(doc, watch, this.watches.packs()))
        .map((draft) => claimRecorded(doc, draft, EXTRACTOR_VERSION, this.watches.revisions(draft.watchId)));
      if (claims.length === 0) continue;
      const { streamId, idempotencyKey } = extractionAppend(doc.documentId, EXTRACTOR_VERSION);
      const appended = await this.events.append(
        streamId,
        claims.map((claim) => ({ ...claim, metadata: { causationId: event.eventId } })),
        { idempotencyKey },
        trx,
      );
      if (!appended.duplicate) this.metrics?.claimsRecorded(claims);
    }
  }
}

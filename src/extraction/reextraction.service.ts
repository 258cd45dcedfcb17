// `stance-monitor reextract`: runs the current extractor over every stored document and records
// what changed since the version that read it (reextractionEvents), in the document's claims
// stream, so the stance projection picks the difference up like any other claim event.
import { Injectable } from '@nestjs/common';
import type { ArticleDocument, ClaimDraft } from '../domain/vocabulary.js';
import type { LanguagePack } from './domain/language-pack.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { EventStore } from '../event-store/event-store.service.js';
import type { Watch } from '../watches/domain/watch.js';
import { WatchesService } from '../watches/watches.service.js';
import { extractionAppend } from './domain/claim-events.js';
import { EXTRACTOR_VERSION, extractClaims } from './domain/extract.js';
import { claimsInForce, reextractionEvents } from './domain/reextraction.js';

export type Extractor = (doc: ArticleDocument, watch: Watch, packs: ReadonlyMap<string, LanguagePack>) => ClaimDraft[];

export interface ReextractionReport {
  version: string;
  documents: number;
  documentsChanged: number;
  superseded: number;
  recorded: number;
}

@Injectable()
export class Reextraction {
  constructor(
    private readonly watches: WatchesService,
    private readonly store: EventStore,
    private readonly events: EventStoreRepository,
  ) {}

  /** `version`/`extract` default to the extractor this build ships; tests pass another. */
  async run(
    options: { version?: string; extract?: Extractor; onDocument?: () => void } = {},
  ): Promise<ReextractionReport> {
    const version = options.version ?? EXTRACTOR_VERSION;
    const extract = options.extract ?? extractClaims;
    // Only documents the extraction subscription has read: a newer one gets this version's claims
    // from the subscription itself, and reading it here too would record them twice.
    const extractedUpTo = await this.events.checkpoint('extraction');
    const report: ReextractionReport = { version, documents: 0, documentsChanged: 0, superseded: 0, recorded: 0 };
    for (let after = 0; after < extractedUpTo; ) {
      const page = await this.events.readAll(after, { types: ['DocumentIngested'], limit: 200 });
      const documents = page.filter((e) => e.position <= extractedUpTo);
      if (documents.length === 0) break;
      for (const event of documents) {
        const doc = event.data as ArticleDocument;
        const { streamId } = extractionAppend(doc.documentId, version);
        const stream = await this.events.readStream(streamId);
        const fresh = this.watches.watches().flatMap((watch) => extract(doc, watch, this.watches.packs()));
        const changes = reextractionEvents(doc, claimsInForce(stream), fresh, version, (watchId) => this.watches.revisions(watchId));
        report.documents++;
        options.onDocument?.();
        if (changes.length === 0) continue;
        // The expected version catches a concurrent writer to the same stream: the run stops
        // with a conflict rather than recording a difference computed from a stale stream.
        await this.store.append(
          streamId,
          changes.map((change) => ({ ...change, metadata: { causationId: event.eventId, reextractedBy: version } })),
          {
            expectedVersion: stream.length === 0 ? 'no_stream' : stream.length,
            idempotencyKey: `reextract:${doc.documentId}:${version}:${stream.length}`,
          },
        );
        report.documentsChanged++;
        report.superseded += changes.filter((c) => c.type === 'ClaimSuperseded').length;
        report.recorded += changes.filter((c) => c.type === 'ClaimRecorded').length;
      }
      after = page.at(-1)!.position;
    }
    return report;
  }
}

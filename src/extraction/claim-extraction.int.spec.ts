import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/config.js';
import type { ClaimRecorded } from '../domain/vocabulary.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { EventStore } from '../event-store/event-store.service.js';
import { LeaderLockRepository } from '../event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import { DocumentIngestion } from '../sources/document-ingestion.service.js';
import { SourcesRepository } from '../sources/sources.repository.js';
import { SourcesService } from '../sources/sources.service.js';
import { WatchesService } from '../watches/watches.service.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { ClaimExtractionSubscriber } from './claim-extraction.subscriber.js';
import { EXTRACTOR_VERSION } from './domain/extract.js';

describe.each(backends)('claim extraction on %s', (kind) => {
  let database: TestDatabase;
  let repository: EventStoreRepository;
  let runner: SubscriptionRunner;
  let subscriber: ClaimExtractionSubscriber;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const config = loadConfig({ FIXTURES_DIR: 'fixtures/articles' });
    repository = new EventStoreRepository(database);
    const store = new EventStore(repository);
    runner = new SubscriptionRunner(repository, store, new LeaderLockRepository(database));
    const watches = new WatchesService(config);
    await watches.onModuleInit();
    subscriber = new ClaimExtractionSubscriber(watches, store, runner);
    subscriber.onModuleInit();
    const sources = new SourcesService(config, new SourcesRepository(database), new DocumentIngestion(store));
    await sources.registerConfiguredSources();
    await sources.pollEverySource();
  });
  afterAll(async () => {
    await database.close();
  });

  it('records the claims of every document, caused by its DocumentIngested event, with evidence that points into the text', async () => {
    await runner.catchUp(subscriber);
    const documents = await repository.readAll(0, { types: ['DocumentIngested'] });
    const claims = await repository.readAll(0, { types: ['ClaimRecorded'], limit: 10_000 });
    expect(claims.length).toBeGreaterThanOrEqual(15);
    const texts = new Map(documents.map((d) => [d.eventId, (d.data as { text: string }).text]));
    for (const event of claims) {
      const claim = (event as unknown as ClaimRecorded).data;
      const text = texts.get(event.metadata.causationId as string);
      expect(text).toBeDefined();
      expect(text!.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.sentence);
      expect(claim).toMatchObject({ origin: 'extractor', recordedBy: EXTRACTOR_VERSION, watchId: 'dprk-troops-russia' });
      expect(claim.evidence.cues.length).toBeGreaterThan(0);
    }
    // The checkpoint moved past every document, in the same transactions as the claims.
    expect(await repository.checkpoint('extraction')).toBe(documents.at(-1)!.position);
  });

  it('records nothing twice when the subscription is replayed from the start', async () => {
    const before = (await repository.head()).position;
    await database.db.transaction().execute((trx) => repository.resetCheckpoint(trx, 'extraction'));
    await runner.catchUp(subscriber);
    expect((await repository.head()).position).toBe(before);
  });
});

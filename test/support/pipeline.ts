// The pipeline from fixture articles to stances, wired by hand on a test database (no Nest):
// ingestion -> extraction subscriber -> stance projection -> queries and corrections.
import { loadConfig } from '../../src/config/config.js';
import { EventStoreRepository } from '../../src/event-store/event-store.repository.js';
import { EventStore } from '../../src/event-store/event-store.service.js';
import { LeaderLockRepository } from '../../src/event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../../src/event-store/subscription-runner.js';
import { ClaimExtractionSubscriber } from '../../src/extraction/claim-extraction.subscriber.js';
import { Reextraction } from '../../src/extraction/reextraction.service.js';
import { documentFromFixture } from '../../src/sources/domain/article-document.js';
import { DocumentIngestion } from '../../src/sources/document-ingestion.service.js';
import { readFixtureFolder } from '../../src/sources/fixture-folder.reader.js';
import { ClaimCorrections } from '../../src/stance/claim-corrections.service.js';
import { AnnouncementsRepository } from '../../src/stance/announcements.repository.js';
import { StanceProjection } from '../../src/stance/stance-projection.js';
import { StanceQueries } from '../../src/stance/stance-queries.service.js';
import { StanceRepository } from '../../src/stance/stance.repository.js';
import { WatchesService } from '../../src/watches/watches.service.js';
import type { DatabaseKind } from '../../src/database/database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type Pipeline = Awaited<ReturnType<typeof createPipeline>>;

export async function createPipeline(database: TestDatabase) {
  const config = loadConfig({ FIXTURES_DIR: 'fixtures/articles' });
  const events = new EventStoreRepository(database);
  const store = new EventStore(events);
  const runner = new SubscriptionRunner(events, store, new LeaderLockRepository(database));
  const watches = new WatchesService(config);
  await watches.onModuleInit();
  new ClaimExtractionSubscriber(watches, store, runner).onModuleInit();
  const stances = new StanceRepository(database);
  const projection = new StanceProjection(stances, events, runner, new AnnouncementsRepository());
  projection.onModuleInit();
  const ingestion = new DocumentIngestion(store);
  return {
    events,
    store,
    runner,
    watches,
    stances,
    projection,
    queries: new StanceQueries(stances, events, watches),
    corrections: new ClaimCorrections(store, stances, watches),
    reextraction: new Reextraction(watches, store, events),
    /** Ingests the seed fixtures one document at a time, in the order of `ids` (all, by name, when absent). */
    async ingestSeeds(ids?: readonly string[]) {
      const folder = await readFixtureFolder(config.fixturesDir!);
      const byId = new Map(folder.articles.map((a) => [a.path.replace(/^.*\//, '').replace(/\.md$/, ''), a]));
      for (const id of ids ?? [...byId.keys()].sort()) {
        await ingestion.ingest([documentFromFixture('fixtures', id, byId.get(id)!)]);
      }
    },
  };
}

/** A fresh test database of `kind` with the seeds ingested, extracted and projected. */
export async function seededPipeline(kind: DatabaseKind): Promise<{ database: TestDatabase; p: Pipeline }> {
  const database = await createTestDatabase(kind);
  const p = await createPipeline(database);
  await p.ingestSeeds();
  await p.runner.catchUp();
  return { database, p };
}

export const SEED_IDS = ['000_e68d0cf41b667b35', '001_8a6b6d78dd98debe', '002_3a6185e6ec486ff6', '003_f459e879273e22e6', '004_3a2ed5cd9f139673'];
export const WATCH = 'dprk-troops-russia';

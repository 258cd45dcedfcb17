// SourcesService built as the app builds it, on instance state of its own: a "restart" is a new one.
import type { AppConfig } from '../../src/config/config.js';
import type { Database } from '../../src/database/database.js';
import { EventStoreRepository } from '../../src/event-store/event-store.repository.js';
import { EventStore } from '../../src/event-store/event-store.service.js';
import { DocumentIngestion } from '../../src/sources/document-ingestion.service.js';
import { SourcesRepository } from '../../src/sources/sources.repository.js';
import { SourcesService } from '../../src/sources/sources.service.js';

export function startSourcesInstance(database: Database, config: AppConfig) {
  const events = new EventStoreRepository(database);
  const repository = new SourcesRepository(database);
  return { events, repository, sources: new SourcesService(config, repository, new DocumentIngestion(new EventStore(events))) };
}

import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { ClaimExtractionSubscriber } from './claim-extraction.subscriber.js';

@Module({ imports: [EventStoreModule, WatchesModule], providers: [ClaimExtractionSubscriber] })
export class ExtractionModule {}

import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { ClaimExtractionSubscriber } from './claim-extraction.subscriber.js';
import { Reextraction } from './reextraction.service.js';

@Module({ imports: [EventStoreModule, WatchesModule], providers: [ClaimExtractionSubscriber, Reextraction], exports: [Reextraction] })
export class ExtractionModule {}

import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { AnnouncementsRepository } from './announcements.repository.js';
import { ClaimCorrections } from './claim-corrections.service.js';
import { DocumentsController } from './documents.controller.js';
import { StanceProjection } from './stance-projection.js';
import { StanceQueries } from './stance-queries.service.js';
import { StanceController } from './stance.controller.js';
import { StanceRepository } from './stance.repository.js';
import { StanceUpdates } from './stance-updates.js';

@Module({
  imports: [EventStoreModule, WatchesModule],
  providers: [StanceRepository, AnnouncementsRepository, StanceProjection, StanceQueries, ClaimCorrections, StanceUpdates],
  controllers: [StanceController, DocumentsController],
  exports: [StanceRepository, StanceProjection, StanceQueries, StanceUpdates],
})
export class StanceModule {}

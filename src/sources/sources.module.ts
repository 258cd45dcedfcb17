import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { DocumentIngestion } from './document-ingestion.service.js';
import { SourcesController } from './sources.controller.js';
import { SourcesRepository } from './sources.repository.js';
import { SourcesScheduler } from './sources.scheduler.js';
import { SourcesService } from './sources.service.js';

@Module({
  imports: [EventStoreModule],
  controllers: [SourcesController],
  providers: [SourcesRepository, SourcesService, DocumentIngestion, SourcesScheduler, AdminTokenGuard],
  exports: [SourcesService, SourcesRepository],
})
export class SourcesModule {}

import { Global, Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';

/** Global: the services that count (sources, extraction, stance, webhooks) inject MetricsService. */
@Global()
@Module({
  imports: [EventStoreModule],
  providers: [MetricsService, MetricsRepository],
  controllers: [MetricsController],
  exports: [MetricsService],
})
export class MetricsModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AdminModule } from './admin/admin.module.js';
import { BoardModule } from './board/board.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import type { Database } from './database/database.js';
import { DatabaseModule } from './database/database.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ExtractionModule } from './extraction/extraction.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { HttpBoundaryModule } from './http-boundary/http-boundary.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { StanceModule } from './stance/stance.module.js';
import { StreamModule } from './stream/stream.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

export interface AppOptions {
  /** Run the scheduler (the service); off for one-shot commands, which call the services directly. */
  scheduler?: boolean;
  /** A database already opened (eval's, from a migrated image); by default one is opened from the configuration. */
  database?: Database;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(options.database),
        AdminModule,
        EventStoreModule,
        HealthModule,
        MetricsModule,
        SourcesModule,
        ExtractionModule,
        StanceModule,
        WebhooksModule,
        FeedsModule,
        StreamModule,
        BoardModule,
        HttpBoundaryModule,
        ...(options.scheduler ? [ScheduleModule.forRoot()] : []),
      ],
    };
  }
}

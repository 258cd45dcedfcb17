import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { StanceModule } from '../stance/stance.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** Webhook subscriptions and the dispatcher that delivers the stance alerts to them. */
@Module({
  imports: [EventStoreModule, StanceModule, WatchesModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookDispatcher, AdminTokenGuard],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}

import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { StanceModule } from '../stance/stance.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { LiveStream } from './live-stream.service.js';
import { StreamController } from './stream.controller.js';

/** The live stream of stance changes and claims (Server-Sent Events). */
@Module({
  imports: [EventStoreModule, StanceModule, WatchesModule],
  providers: [LiveStream],
  controllers: [StreamController],
})
export class StreamModule {}

import { Module } from '@nestjs/common';
import { StanceModule } from '../stance/stance.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { FeedsHttpHandler } from './feeds-http.handler.js';
import { FeedsRepository } from './feeds.repository.js';
import { FeedsService } from './feeds.service.js';

/** Atom and JSON Feed 1.1 feeds of stance changes and claims. */
@Module({
  imports: [StanceModule, WatchesModule],
  providers: [FeedsRepository, FeedsService, FeedsHttpHandler],
  exports: [FeedsHttpHandler],
})
export class FeedsModule {}

import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources/sources.module.js';
import { StanceModule } from '../stance/stance.module.js';
import { BoardAssets } from './board-assets.js';
import { BoardController } from './board.controller.js';
import { BoardReads } from './board-reads.service.js';

/** The pages people read: the stance board, actor pages and source health. */
@Module({
  imports: [StanceModule, SourcesModule],
  providers: [BoardAssets, BoardReads],
  controllers: [BoardController],
  exports: [BoardAssets],
})
export class BoardModule {}

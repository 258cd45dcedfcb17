import { Module } from '@nestjs/common';
import { WatchesService } from './watches.service.js';

@Module({ providers: [WatchesService], exports: [WatchesService] })
export class WatchesModule {}

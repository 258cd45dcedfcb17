import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [EventStoreModule], controllers: [HealthController] })
export class HealthModule {}

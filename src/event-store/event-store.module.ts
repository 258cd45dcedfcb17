import { Module } from '@nestjs/common';
import { EventStoreRepository } from './event-store.repository.js';
import { EventStore } from './event-store.service.js';
import { LeaderLockRepository } from './leader-lock.repository.js';
import { LogVerifier } from './log-verifier.service.js';
import { SubscriptionRunner } from './subscription-runner.js';

@Module({
  providers: [EventStoreRepository, EventStore, LeaderLockRepository, SubscriptionRunner, LogVerifier],
  exports: [EventStoreRepository, EventStore, LeaderLockRepository, SubscriptionRunner, LogVerifier],
})
export class EventStoreModule {}

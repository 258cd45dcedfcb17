// The polling clock. Kept thin (nest sample/27-scheduling): it only decides whether this
// instance leads, then hands the work to SourcesService.
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LeaderLockRepository, type LeaderLease } from '../event-store/leader-lock.repository.js';
import { SourcesService } from './sources.service.js';

const TICK_MS = 5_000;

@Injectable()
export class SourcesScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(SourcesScheduler.name);
  private lease: LeaderLease | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly sources: SourcesService,
    private readonly leaderLocks: LeaderLockRepository,
  ) {}

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (this.running) return; // a slow poll round must not pile up behind itself
    this.running = this.pollIfLeader().finally(() => (this.running = null));
    await this.running;
  }

  private async pollIfLeader(): Promise<void> {
    try {
      if (!this.lease?.held) {
        this.lease = await this.leaderLocks.tryAcquire('scheduler');
        if (this.lease) this.logger.log('this instance now runs the source scheduler');
      }
      if (this.lease) await this.sources.pollDue();
    } catch (error) {
      this.logger.error(`poll round failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running; // an in-flight poll finishes; its outcome is recorded before exit
    await this.lease?.release();
  }
}

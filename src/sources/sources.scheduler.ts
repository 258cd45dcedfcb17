// The polling clock. Kept thin (nest sample/27-scheduling): it only decides whether this
// instance leads, then hands the work to SourcesService.
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LeaderLockRepository, type LeaderLease } from '../event-store/leader-lock.repository.js';
import { SourcesService } from './sources.service.js';

/** The scheduler's clock; also how soon another instance takes over the role from a dead leader. */
export const SCHEDULER_TICK_MS = 5_000;
export const SCHEDULER_LEADER_LOCK = 'scheduler';

@Injectable()
export class SourcesScheduler implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(SourcesScheduler.name);
  private lease: LeaderLease | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly sources: SourcesService,
    private readonly leaderLocks: LeaderLockRepository,
  ) {}

  @Interval(SCHEDULER_TICK_MS)
  async tick(): Promise<void> {
    // A slow poll round must not pile up behind itself; none starts once the service is stopping.
    if (this.running || this.stopping) return;
    this.running = this.pollIfLeader().finally(() => (this.running = null));
    await this.running;
  }

  private async pollIfLeader(): Promise<void> {
    try {
      if (!this.lease?.held) this.lease = await this.leaderLocks.tryAcquire(SCHEDULER_LEADER_LOCK);
      const lease = this.lease;
      if (lease) await this.sources.pollDue(() => lease.confirm());
    } catch (error) {
      this.logger.error(`poll round failed: ${(error as Error).message}`);
    }
  }

  /** From the signal on, no round starts (the interval itself runs until its module stops). */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running; // an in-flight poll finishes; its outcome is recorded before exit
    await this.lease?.release();
  }
}

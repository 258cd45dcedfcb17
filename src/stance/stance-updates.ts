// Tells readers of the stance projection's rows (feed caches, the live stream) that it moved on.
// The instance that runs the projection knows at once (SubscriptionRunner.onCommitted); the
// others run no projection and learn it by polling the checkpoint, once a second per process
// whatever the number of readers, and only while someone listens.
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import { STANCE_SUBSCRIPTION } from './stance-projection.js';

export type ProjectionListener = (position: number) => void;

const POLL_MS = 1_000;

@Injectable()
export class StanceUpdates implements OnApplicationShutdown {
  private readonly logger = new Logger(StanceUpdates.name);
  private readonly listeners = new Set<ProjectionListener>();
  private known = -1;
  private timer: NodeJS.Timeout | null = null;
  private stopCommitted: (() => void) | null = null;

  constructor(
    private readonly events: EventStoreRepository,
    private readonly runner: SubscriptionRunner,
  ) {}

  /** Calls `listener` with the projection's position each time it advances; returns the unsubscribe. */
  subscribe(listener: ProjectionListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  private startWatching(): void {
    this.stopCommitted = this.runner.onCommitted((subscription, position) => {
      if (subscription === STANCE_SUBSCRIPTION) this.advance(position);
    });
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  private stopWatching(): void {
    this.stopCommitted?.();
    this.stopCommitted = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    try {
      this.advance(await this.events.checkpoint(STANCE_SUBSCRIPTION));
    } catch (error) {
      this.logger.warn(`could not read the stance checkpoint: ${(error as Error).message}`);
    }
  }

  private advance(position: number): void {
    if (position === this.known) return;
    // A rebuild can move the checkpoint back to where it was: any move is news to a cache.
    this.known = position;
    for (const listener of [...this.listeners]) listener(position);
  }

  onApplicationShutdown(): void {
    this.listeners.clear();
    this.stopWatching();
  }
}

// Tells readers of the stance projection's rows (feed caches, the live stream) that it moved on.
// The instance that runs the projection knows at once (SubscriptionRunner.onCommitted); the
// others run no projection and learn it by polling the checkpoint, once a second per process
// whatever the number of readers, and only while someone listens.
//
// Caches of rendered answers listen through `subscribeRenewals`: while an ingestion moves the
// projection several times a second, renewing every page on every move would spend both cores
// re-rendering answers that are replaced before anyone reads them twice (measured: a mixed read
// load at 200 req/s, p50 of 5 s). They are told of a move after a quiet spell at once, then at
// most once per READ_REFRESH_MS, the last move always. The live stream is never held back.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import { STANCE_SUBSCRIPTION } from './stance-projection.js';

export type ProjectionListener = (position: number) => void;

/**
 * `held`: the move was told late, after READ_REFRESH_MS, because the projection kept moving. A
 * cache may then answer with what it rendered before while it renders again (ingestion goes on,
 * and renewing every answer at once would hold every reader up); after a quiet spell (`held`
 * false) a reader expects the move at once.
 */
export type RenewalListener = (position: number, held: boolean) => void;

/**
 * How long after a held renewal a cache may still send what it rendered before while it renders
 * anew (AnswerCache, FeedsService): long enough for a queue of renderings under load, short
 * enough that an answer is never much older than READ_REFRESH_MS.
 */
export const RENEWAL_GRACE_MS = 2_000;

const POLL_MS = 1_000;

@Injectable()
export class StanceUpdates implements OnApplicationShutdown {
  private readonly logger = new Logger(StanceUpdates.name);
  private readonly listeners = new Set<ProjectionListener>();
  private readonly renewalListeners = new Set<RenewalListener>();
  private known = -1;
  private timer: NodeJS.Timeout | null = null;
  private stopCommitted: (() => void) | null = null;
  /** When the renewal listeners were last told, and the timer that tells them of later moves. */
  private renewedAt = -Infinity;
  private renewalTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventStoreRepository,
    private readonly runner: SubscriptionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Calls `listener` with the projection's position each time it advances; returns the unsubscribe. */
  subscribe(listener: ProjectionListener): () => void {
    return this.listen(this.listeners, listener);
  }

  /**
   * Calls `listener` when the projection advanced, at once after a quiet spell and then at most
   * once per READ_REFRESH_MS (with the newest position): for caches of rendered answers.
   */
  subscribeRenewals(listener: RenewalListener): () => void {
    return this.listen(this.renewalListeners, listener);
  }

  private listen<L>(set: Set<L>, listener: L): () => void {
    set.add(listener);
    if (this.listeners.size + this.renewalListeners.size === 1) this.startWatching();
    return () => {
      set.delete(listener);
      if (this.listeners.size + this.renewalListeners.size === 0) this.stopWatching();
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
    if (this.renewalTimer) clearTimeout(this.renewalTimer);
    this.renewalTimer = null;
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
    this.renew();
  }

  private renew(held = false): void {
    if (this.renewalTimer) return; // the pending renewal will carry this move
    const wait = this.renewedAt + this.config.readRefreshMs - performance.now();
    if (wait > 0) {
      this.renewalTimer = setTimeout(() => {
        this.renewalTimer = null;
        this.renew(true);
      }, wait);
      this.renewalTimer.unref();
      return;
    }
    this.renewedAt = performance.now();
    for (const listener of [...this.renewalListeners]) listener(this.known, held);
  }

  onApplicationShutdown(): void {
    this.listeners.clear();
    this.stopWatching();
  }
}

// Runs event subscribers (projections, alert dispatch): each batch is handled in one transaction
// that also moves the subscriber's checkpoint, so a crash never applies a batch twice or half.
// In the background, each subscriber runs only on the instance holding its leader lock.
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import type { StoredEvent } from './domain/event.js';
import { EventStore } from './event-store.service.js';
import { EventStoreRepository } from './event-store.repository.js';
import { LeaderLockRepository, LeadershipLostError, type LeaderLease } from './leader-lock.repository.js';

export interface EventSubscriber<Prepared = unknown> {
  /** Names the checkpoint and the leader lock: keep it stable. */
  readonly subscriptionName: string;
  /** Only these event types are delivered (all when absent). */
  readonly eventTypes?: readonly string[];
  readonly batchSize?: number;
  /**
   * Write everything in `trx`: it commits together with the checkpoint. `after` is the checkpoint
   * the batch follows: the events are every delivered one in (after, last event's position].
   */
  handle(events: StoredEvent[], trx: Transaction<Tables>, after: number, prepared: Prepared): Promise<void>;
  /**
   * The batch's work that needs no database (reading documents), done before the transaction
   * opens: no lock is held, and on PGlite no reader waits, while it runs. Its result is `handle`'s
   * `prepared`.
   */
  prepare?(events: StoredEvent[]): Promise<Prepared>;
}

export class CheckpointMovedError extends Error {
  constructor(subscription: string) {
    super(`checkpoint of ${subscription} was moved by another runner; batch rolled back`);
    this.name = 'CheckpointMovedError';
  }
}

/** How often an instance that does not lead a subscriber tries to take it over, unless told otherwise. */
export const SUBSCRIPTION_LEADER_RETRY_MS = 2_000;

export interface RunnerOptions {
  /** How often a subscriber looks for new events when nothing woke it. */
  pollIntervalMs?: number;
  /** How often an instance that is not the leader tries to take over. */
  leaderRetryMs?: number;
}

@Injectable()
export class SubscriptionRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionRunner.name);
  private readonly subscribers = new Map<string, EventSubscriber>();
  private readonly loops: Promise<void>[] = [];
  private stopping = false;
  private readonly sleepers = new Set<() => void>();
  private stopWaking: () => void = () => undefined;
  private readonly committedListeners = new Set<(subscription: string, position: number) => void>();

  constructor(
    private readonly repository: EventStoreRepository,
    private readonly eventStore: EventStore,
    private readonly leaderLocks: LeaderLockRepository,
  ) {}

  register(subscriber: EventSubscriber): void {
    if (this.subscribers.has(subscriber.subscriptionName)) {
      throw new Error(`subscriber ${subscriber.subscriptionName} is registered twice`);
    }
    this.subscribers.set(subscriber.subscriptionName, subscriber);
  }

  /**
   * Calls `listener` after each batch a subscriber of this process committed, with the position
   * the subscriber has now handled. Readers of its rows (the live stream, webhook dispatch) wake on
   * it; on another instance they poll, since only the leader runs the subscriber.
   */
  onCommitted(listener: (subscription: string, position: number) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  registered(): EventSubscriber[] {
    return [...this.subscribers.values()];
  }

  /**
   * Handles the next batch after the checkpoint; returns how many events it handled. With a
   * lease (the background loop), the batch commits only if the lease still holds its lock.
   */
  async processNextBatch(subscriber: EventSubscriber, lease?: LeaderLease): Promise<number> {
    const name = subscriber.subscriptionName;
    const from = await this.repository.checkpoint(name);
    const events = await this.repository.readAll(from, {
      types: subscriber.eventTypes,
      limit: subscriber.batchSize ?? 500,
    });
    if (events.length === 0) return 0;
    const to = events[events.length - 1]!.position;
    const prepared = await subscriber.prepare?.(events);
    await this.repository.db.transaction().execute(async (trx) => {
      const unit = async () => {
        // Moved first: the row lock makes a concurrent runner of the same subscriber wait, then fail.
        if (!(await this.repository.advanceCheckpoint(trx, name, from, to))) throw new CheckpointMovedError(name);
        await subscriber.handle(events, trx, from, prepared);
      };
      await (lease ? lease.fenced(trx, unit) : unit());
    });
    for (const listener of this.committedListeners) {
      try {
        listener(name, to);
      } catch (error) {
        this.logger.error(`a listener of ${name} failed: ${(error as Error).message}`);
      }
    }
    return events.length;
  }

  /**
   * Runs a subscriber (or every one) until it has handled the whole log. Every one: rounds until
   * a round handles nothing, since one subscriber's events feed another (extraction appends the
   * claims the stance projection reads) whatever order they registered in.
   */
  async catchUp(subscriber?: EventSubscriber): Promise<number> {
    let total = 0;
    for (;;) {
      let round = 0;
      for (const s of subscriber ? [subscriber] : this.registered()) {
        for (let n = await this.processNextBatch(s); n > 0; n = await this.processNextBatch(s)) round += n;
      }
      total += round;
      if (round === 0 || subscriber) return total;
    }
  }

  /** Starts one background loop per subscriber; each runs while this instance leads it. */
  start(options: RunnerOptions = {}): void {
    const pollMs = options.pollIntervalMs ?? 500;
    const leaderRetryMs = options.leaderRetryMs ?? SUBSCRIPTION_LEADER_RETRY_MS;
    this.stopWaking = this.eventStore.onAppended(() => this.wakeAll());
    this.loops.push(...this.registered().map((s) => this.runWhileLeader(s, pollMs, leaderRetryMs)));
  }

  private async runWhileLeader(subscriber: EventSubscriber, pollMs: number, leaderRetryMs: number): Promise<void> {
    let lease: LeaderLease | null = null;
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!lease?.held) lease = await this.leaderLocks.tryAcquire(`subscription:${subscriber.subscriptionName}`);
        if (!lease) {
          await this.sleep(leaderRetryMs);
          continue;
        }
        const handled = await this.processNextBatch(subscriber, lease);
        failures = 0;
        if (handled === 0) await this.sleep(pollMs);
      } catch (error) {
        if (error instanceof LeadershipLostError) continue; // logged by the lease; try to take it again
        failures++;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.logger.error(`${subscriber.subscriptionName} failed (retry in ${delay} ms): ${(error as Error).message}`);
        await this.sleep(delay);
      }
    }
    await lease?.release();
  }

  /** Sleeps until the timeout, an append in this process, or shutdown. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.stopWaking();
    this.wakeAll();
    await Promise.all(this.loops);
  }
}

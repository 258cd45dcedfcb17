// The stance projection: an event-log subscriber that keeps, per (watch, actor), the claims, the
// stance changes and the current stance, in the same transaction as its checkpoint.
//
// Each batch copies its claim, drop and document rows out of the log (SQL), then folds the rows it
// copied into the timelines it touched (kept folded in memory between batches, TimelineCache) and
// writes the change rows that differ. A rebuild copies every row and folds each timeline from its
// stored rows (timelineFromRecords); both fold the same rows in log order with the same code, so
// live rows and rebuilt rows cannot drift apart (a test compares them).
import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import type { StoredEvent } from '../event-store/domain/event.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { SubscriptionRunner, type EventSubscriber } from '../event-store/subscription-runner.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { ClaimRecorded, Stance } from '../domain/vocabulary.js';
import { alertsBetween, compareAlerts, type StanceAlert } from './domain/alerts.js';
import { announcementsOf } from './domain/announcements.js';
import { AnnouncementsRepository } from './announcements.repository.js';
import { currentStance, initialTimeline, stanceSince, timelineFromRecords, timelineKey, type ActorTimeline, type StanceChange } from './domain/timeline.js';
import { StanceRepository, type TimelineKey, type TimelineRows } from './stance.repository.js';
import { TimelineCache } from './timeline-cache.js';

export const STANCE_SUBSCRIPTION = 'stance';
/** The events the stance projection reads. */
export const STANCE_EVENT_TYPES = ['DocumentIngested', 'ClaimRecorded', 'ClaimRejected', 'ClaimSuperseded'] as const;

/** Log positions copied per statement in a rebuild: bounds the size of one INSERT ... SELECT. */
const REBUILD_CHUNK = 50_000;

export interface RebuildProgress {
  advance(n: number): void;
  done(): void;
}

/** Starts a progress line for one stage of a rebuild (`createProgress` on a terminal). */
export type ProgressFactory = (label: string, total: number) => RebuildProgress;

export interface RebuildResult {
  /** The log position the projection now reflects. */
  position: number;
  timelines: number;
}

@Injectable()
export class StanceProjection implements EventSubscriber, OnModuleInit {
  readonly subscriptionName = STANCE_SUBSCRIPTION;
  readonly eventTypes = STANCE_EVENT_TYPES;
  readonly batchSize = 1000;
  /** The timelines as the last batch left them (the reads keep a cache of their own). */
  private readonly folded: TimelineCache;

  constructor(
    private readonly stances: StanceRepository,
    private readonly events: EventStoreRepository,
    private readonly runner: SubscriptionRunner,
    private readonly announcements: AnnouncementsRepository,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.folded = new TimelineCache(stances, events);
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  async handle(events: StoredEvent[], trx: Transaction<Tables>, after: number): Promise<void> {
    // The batch is every event of these types in (checkpoint, last]: copying that position range
    // copies exactly the batch.
    const from = events[0]!.position;
    const to = events[events.length - 1]!.position;
    await this.stances.copyRecordsFromLog(trx, from, to);
    const { alerts, current } = await this.refreshTimelines(trx, await this.timelinesTouched(trx, events), { after, upTo: to });
    // The feeds' entries, in the same transaction: an entry exists exactly when its alert does.
    const claims = await this.announcements.claimsBetween(trx, from, to);
    const drops = await this.announcements.dropsBetween(trx, from, to);
    const announcedBefore = await this.announcements.latestAnnounced(trx, alerts.map((a) => a.claimId));
    await this.announcements.append(trx, announcementsOf({ claims, drops, alerts, announcedBefore, current }));
  }

  /** The timelines a batch's claims and drops belong to, each once, in a stable order. */
  private async timelinesTouched(trx: Transaction<Tables>, events: StoredEvent[]): Promise<TimelineKey[]> {
    const touched = new Map<string, TimelineKey>();
    const add = (key: TimelineKey) => touched.set(timelineKey(key.watchId, key.actorId), key);
    const droppedClaims: string[] = [];
    for (const event of events) {
      if (event.type === 'ClaimRecorded') {
        const { watchId, actorId } = event.data as ClaimRecorded['data'];
        add({ watchId, actorId });
      } else if (event.type === 'ClaimRejected' || event.type === 'ClaimSuperseded') {
        droppedClaims.push((event.data as { claimId: string }).claimId);
      }
    }
    for (const key of await this.stances.timelinesOfClaims(trx, droppedClaims)) add(key);
    return [...touched.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, key]) => key);
  }

  /**
   * Rebuilds the live projection from position 0 up to `untilPosition` (default: the head) in one
   * transaction, and sets the checkpoint there. The tables are emptied with TRUNCATE (see
   * StanceRepository.clear), so the rows are written into fresh files each time and the tenth
   * rebuild runs as fast as the first; readers wait for the commit, then see the new rows.
   */
  async rebuild(options: { untilPosition?: number; progress?: ProgressFactory } = {}): Promise<RebuildResult> {
    return this.stances.db.transaction().execute((trx) => this.rebuildIn(trx, options));
  }

  /**
   * Rebuilds the projection as it stood at `untilPosition` into a scratch schema, hands the rows
   * to `read` (inside the same transaction), then rolls everything back: an audit replay leaves
   * no trace and never blocks the live projection.
   */
  async replay<T>(
    untilPosition: number,
    read: (trx: Transaction<Tables>, result: RebuildResult) => Promise<T>,
    progress?: ProgressFactory,
  ): Promise<T> {
    let answer: { value: T } | undefined;
    try {
      await this.stances.db.transaction().execute(async (trx) => {
        await this.stances.useScratchSchema(trx, `replay_${process.pid}_${Date.now()}`);
        const result = await this.rebuildIn(trx, { untilPosition, progress });
        answer = { value: await read(trx, result) };
        throw new ReplayFinished();
      });
    } catch (error) {
      if (!(error instanceof ReplayFinished)) throw error;
    }
    return answer!.value;
  }

  private async rebuildIn(
    trx: Transaction<Tables>,
    { untilPosition, progress }: { untilPosition?: number; progress?: ProgressFactory },
  ): Promise<RebuildResult> {
    const head = (await this.events.head(trx)).position;
    const until = Math.min(untilPosition ?? head, head);
    await this.stances.clear(trx);
    const copying = progress?.('reading the log', until);
    for (let from = 1; from <= until; from += REBUILD_CHUNK) {
      const to = Math.min(from + REBUILD_CHUNK - 1, until);
      await this.stances.copyRecordsFromLog(trx, from, to);
      copying?.advance(to - from + 1);
    }
    copying?.done();
    const timelines = await this.stances.allTimelines(trx);
    const folding = progress?.('folding timelines', timelines.length);
    await this.refreshTimelines(trx, timelines, { fresh: true, onTimeline: () => folding?.advance(1) });
    folding?.done();
    await this.events.resetCheckpoint(trx, STANCE_SUBSCRIPTION);
    if (until > 0) await this.events.advanceCheckpoint(trx, STANCE_SUBSCRIPTION, 0, until);
    return { position: until, timelines: timelines.length };
  }

  /**
   * Re-folds each timeline from its stored rows and rewrites its change and current rows, in
   * batches of writes (a rebuild refolds every timeline there is).
   */
  private async refreshTimelines(
    trx: Transaction<Tables>,
    keys: readonly TimelineKey[],
    { fresh = false, after, upTo, onTimeline }: { fresh?: boolean; after?: number; upTo?: number; onTimeline?: () => void } = {},
  ): Promise<{ alerts: (StanceAlert & { alertId: number })[]; current: Map<string, { stance: Stance | null; sinceClaimId: string | null }> }> {
    let pending: TimelineRows[] = [];
    let pendingChanges = 0;
    const alerts: StanceAlert[] = [];
    const current = new Map<string, { stance: Stance | null; sinceClaimId: string | null }>();
    const flush = async () => {
      const replaced = await this.stances.replaceTimelineRows(trx, pending, { fresh });
      if (!fresh) {
        alerts.push(...alertsOfReplacement(replaced, pending));
        for (const { current: row } of pending) current.set(timelineKey(row.watchId, row.actorId), { stance: row.stance, sinceClaimId: row.sinceClaimId });
      }
      pending = [];
      pendingChanges = 0;
    };
    // The timelines as the last batch left them, if that batch is the one this follows (the
    // projection's own commit, not another instance's): their changes are the rows that stand.
    const watchIds = [...new Set(keys.map((k) => k.watchId))];
    const standing = new Map(
      watchIds.flatMap((watchId) => {
        const folded = this.folded.peek(watchId);
        return folded && after !== undefined && folded.position === after ? [[watchId, folded.byActor] as const] : [];
      }),
    );
    // Live (`upTo`: the batch's last position), each touched watch is moved once, by the rows
    // logged since the last batch: refolding a whole history per batch made every new claim cost
    // as much as the actor's thousands before it. A rebuild folds each timeline from its rows.
    const moved = new Map<string, ReadonlyMap<string, ActorTimeline>>();
    if (upTo !== undefined) for (const watchId of watchIds) moved.set(watchId, (await this.folded.exactly(watchId, upTo, trx)).byActor);
    for (const key of keys) {
      const before = standing.get(key.watchId);
      const previous = before && (before.get(key.actorId) ?? initialTimeline(key.watchId, key.actorId));
      const timeline = moved.has(key.watchId)
        ? (moved.get(key.watchId)!.get(key.actorId) ?? initialTimeline(key.watchId, key.actorId))
        : await this.foldedFromRows(trx, key);
      const changes = this.folded.changes(timeline);
      pending.push({
        standing: previous && this.folded.changes(previous),
        current: {
          ...key,
          stance: currentStance(timeline),
          latestClaimId: timeline.active.at(-1)?.claimId ?? null,
          sinceClaimId: stanceSince(timeline)?.claimId ?? null,
          claims: timeline.active.length + timeline.dropped.size,
          activeClaims: timeline.active.length,
          lastPosition: timeline.lastPosition,
        },
        changes,
      });
      pendingChanges += changes.length;
      onTimeline?.();
      if (pendingChanges >= 5000 || pending.length >= 500) await flush();
    }
    await flush();
    // The outbox (webhooks, the live stream): written with the rows, in the transaction that moves
    // the checkpoint, so an alert exists exactly when its change does. Not by a rebuild: that
    // recomputes what is already announced.
    const ids = await this.stances.appendAlerts(trx, alerts.sort(compareAlerts));
    this.metrics?.stanceChangesAnnounced(alerts);
    return { alerts: alerts.map((a, i) => ({ ...a, alertId: ids[i]! })), current };
  }

  /** A timeline folded from its stored rows (a rebuild). */
  private async foldedFromRows(trx: Transaction<Tables>, key: TimelineKey): Promise<ActorTimeline> {
    const records = await this.stances.timelineOrderRecords(trx, key);
    return timelineFromRecords(key.watchId, key.actorId, records.claims, records.drops);
  }
}

/** The alerts of the timelines just rewritten, from the change rows each replaced. */
function alertsOfReplacement(replaced: readonly (readonly StanceChange[])[], timelines: readonly TimelineRows[]): StanceAlert[] {
  return timelines.flatMap(({ current, changes }, i) => alertsBetween(replaced[i] ?? [], changes, current.lastPosition));
}

/** Thrown to roll a replay's scratch transaction back once its rows have been read. */
class ReplayFinished extends Error {}

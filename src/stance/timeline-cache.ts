// Each watch's timelines, folded once and then brought forward by what the projection logged
// since: the answers "now" (history, why, stances as of a day, the board's charts) read a folded
// timeline, and folding an actor's whole history on every projection move cost hundreds of
// milliseconds per page at 100,000 claims. A move reads only the claim and drop rows logged since
// the last one (the rows carry their log positions, and the projection writes them with its
// checkpoint in one transaction, so the rows at or before a checkpoint never change).
//
// Timelines are kept without the evidence (quote, url, speaker: the answers look those up for the
// claims they show), about 300 bytes a claim. Each move makes new timeline objects
// (extendTimeline), so an answer still being written from the previous ones keeps its view.
// Per process: every instance keeps its own, each exact for the position it was read at. The log
// can start again under the same process (eval empties it between ingestion orders, positions
// restart): the chain hash at the cached position tells, and a different one empties the cache.
import type { EventStoreRepository, Executor } from '../event-store/event-store.repository.js';
import {
  claimHistory,
  extendClaimHistory,
  extendStanceChanges,
  extendTimeline,
  initialTimeline,
  placedClaims,
  remarkedClaims,
  stanceChanges,
  type ActorTimeline,
  type HistoryEntry,
  type StanceChange,
} from './domain/timeline.js';
import type { TimelineEntry } from './domain/claim-order.js';
import type { StanceRepository } from './stance.repository.js';

/** A move that only placed claims among an actor's others (placedClaims), and the claims it marked anew. */
export interface PlacingMove {
  placed: TimelineEntry[];
  remarked: TimelineEntry[];
}

export interface WatchTimelines {
  /** The log position the timelines reflect, and the chain hash of the event there (null at 0). */
  position: number;
  hash: string | null;
  byActor: ReadonlyMap<string, ActorTimeline>;
}

export class TimelineCache {
  private readonly watches = new Map<string, WatchTimelines>();
  /** One read per watch at a time: concurrent misses wait for the same move. */
  private readonly moving = new Map<string, Promise<WatchTimelines>>();
  private readonly derived = new WeakMap<ActorTimeline, Map<string, unknown>>();
  /**
   * Per timeline made by a move that only placed claims among the actor's others (placedClaims,
   * the usual move of a live log): what was derived from the timeline before, and the move. A
   * value derived again is extended from the previous one instead of counting thousands of
   * claims over (a board page after a move counted every moved actor's history, chart and span
   * anew). Only the derived values are kept, not the timeline before, so no chain of old
   * timelines stays in memory.
   */
  private readonly lineage = new WeakMap<ActorTimeline, { derived: Map<string, unknown>; move: PlacingMove }>();

  constructor(
    private readonly repository: StanceRepository,
    private readonly events: EventStoreRepository,
  ) {}

  /**
   * The watch's timelines by actor as the projection stood at log position `atLeast` (the
   * checkpoint just read) or later, with that position: a request that read the checkpoint just
   * before another moved the cache is answered as of the newer position, which is as "now" as
   * the one it read. The rows at a position never change, so the answer is exact for it.
   */
  async at(watchId: string, atLeast: number, executor: Executor): Promise<WatchTimelines> {
    return this.reach(watchId, atLeast, executor, false);
  }

  /**
   * The watch's timelines as they stand at exactly `position`: what the projection folds its
   * batch into (its own cache, read inside its transaction). A cache past `position` (a rebuild
   * went back) is read again from the start.
   */
  async exactly(watchId: string, position: number, executor: Executor): Promise<WatchTimelines> {
    return this.reach(watchId, position, executor, true);
  }

  private async reach(watchId: string, atLeast: number, executor: Executor, exact: boolean): Promise<WatchTimelines> {
    let checked = false;
    for (;;) {
      const cached = this.watches.get(watchId);
      if (cached && !checked && cached.position > 0) {
        checked = true;
        if ((await this.events.hashAt(cached.position, executor)) !== cached.hash) {
          if (this.watches.get(watchId) === cached) this.watches.delete(watchId);
          continue;
        }
      }
      if (cached && exact && cached.position > atLeast) {
        if (this.watches.get(watchId) === cached) this.watches.delete(watchId);
        continue;
      }
      if (cached && cached.position >= atLeast) return cached;
      await (this.moving.get(watchId) ?? this.move(watchId, cached, atLeast, executor));
    }
  }

  /** The watch's timelines as the cache holds them now, without reading anything (undefined: none yet). */
  peek(watchId: string): WatchTimelines | undefined {
    return this.watches.get(watchId);
  }

  /** An actor's claims in claim order, each with its status (claimHistory), computed once per timeline. */
  history(t: ActorTimeline): HistoryEntry[] {
    return this.memo(t, 'history', () => claimHistory(t), (history, move) => extendClaimHistory(history, move.placed));
  }

  /** An actor's stance changes in claim order (stanceChanges), computed once per timeline. */
  changes(t: ActorTimeline): StanceChange[] {
    return this.memo(t, 'changes', () => stanceChanges(t), (changes, move) => extendStanceChanges(changes, t, move.remarked));
  }

  /**
   * What `compute` derives from `t`, computed once per timeline and `key`: a move makes new
   * timeline objects only for the actors it touched, so the others keep what was derived. For a
   * timeline a move made by only placing claims, `extend` (when given) makes the value from the
   * previous timeline's and the move; null from it means: compute.
   */
  memo<T>(t: ActorTimeline, key: string, compute: () => T, extend?: (previous: T, move: PlacingMove) => T | null): T {
    const derived = this.derivedOf(t);
    if (!derived.has(key)) {
      const from = extend && this.lineage.get(t);
      const extended = from && from.derived.has(key) ? extend(from.derived.get(key) as T, from.move) : null;
      derived.set(key, extended ?? compute());
    }
    return derived.get(key) as T;
  }

  /** The values derived from `t` so far (made empty at the first ask, so later ones land in it). */
  private derivedOf(t: ActorTimeline): Map<string, unknown> {
    let derived = this.derived.get(t);
    if (!derived) this.derived.set(t, (derived = new Map()));
    return derived;
  }

  private move(watchId: string, from: WatchTimelines | undefined, position: number, executor: Executor): Promise<WatchTimelines> {
    const move = (async () => {
      const after = from?.position ?? 0;
      const records = await this.repository.watchRecords(executor, watchId, { after, upTo: position, withoutEvidence: true });
      const hash = position > 0 ? await this.events.hashAt(position, executor) : null;
      const byActor = new Map(from?.byActor);
      for (const r of records) {
        const previous = byActor.get(r.actorId);
        const next = extendTimeline(previous ?? initialTimeline(watchId, r.actorId), r.claims, r.drops);
        const placed = previous ? placedClaims(previous, r.claims, r.drops) : null;
        if (previous && placed) this.lineage.set(next, { derived: this.derivedOf(previous), move: { placed, remarked: remarkedClaims(next, placed) } });
        byActor.set(r.actorId, next);
      }
      const moved = { position, hash, byActor };
      // A slower move to an earlier position must not replace a later one.
      if ((this.watches.get(watchId)?.position ?? -1) < position) this.watches.set(watchId, moved);
      return moved;
    })();
    this.moving.set(watchId, move);
    return move.finally(() => {
      if (this.moving.get(watchId) === move) this.moving.delete(watchId);
    });
  }
}

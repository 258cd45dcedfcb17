// Each actor's stance timeline as a fold over the event log (emmett-style evolve), plus the
// valid-time queries on it (stanceAt, currentStance, stanceChanges) and the transaction-time one
// (knownAt). Pure: no Nest, no SQL, no clock; log positions come in with the events.
//
// evolve updates the state it is given and returns it. That is deliberate: a rebuild folds
// ~1,000,000 claim events, and copying an actor's ordered claim list per event would make it
// quadratic. The queries never mutate. Hand evolve a state you own (initialState()).
//
// ---- knownAtPosition ---------------------------------------------------------------------------
// A stance change is identified by (claimId, from, to): the claim that moved the stance, and the
// stances it moved between. Its knownAtPosition is
//
//     the smallest log position N such that the change is among stanceChanges(knownAt(events, M))
//     for every log position M >= N,
//
// i.e. the position of the event after which the service has shown this change without
// interruption. It is defined on log positions only, so it is a function of the event set: any
// arrival order of the same events gives the same number. Why this and not another definition:
// - it is what a live projection (events in log order) holds if it stamps a change row with the
//   current event's position when the row appears, and leaves rows that survive an event alone:
//   rebuild == live, with no extra bookkeeping;
// - a late redundant claim (same stance as the claim it lands after) alters no change, so it
//   re-stamps nothing and alert dispatch keyed on the position does not fire twice. "The max
//   position of the claims that produce the change in its final place" would re-stamp it;
// - a change that a later event did alter (another `from`, another claim credited) carries the
//   position of that event: that version of history became known there. "First time ever shown"
//   would need the memory of removed rows and disagree with what a live projection holds.
//
// ---- Updating rows incrementally -----------------------------------------------------------------
// Changes sit on adjacent pairs of the ordered active claims. When claim x lands at index i, only
// two change rows can differ: the one at x (from = stance of the claim before it) and the one at
// the claim after x (its `from` is now x's stance: kept if unchanged, replaced if not, deleted if
// the stances are now equal). When x drops out (rejected, superseded), its row is deleted and only
// the row at its successor is recomputed. Every other row keeps claim, from, to and position.
// nextChangeMark is that rule; changesAround gives a projection the rows to delete and insert.
// An event older than what a timeline has seen (only when folding out of log order) re-derives the
// marks by replaying that actor's claims in log order: O(n log n), never on the live path.

import type {
  ClaimRecorded,
  ClaimRejected,
  ClaimSuperseded,
  DomainEvent,
  SaidOn,
  Stance,
} from '../../domain/vocabulary.js';
import {
  compareClaims,
  indexOfClaim,
  insertionIndex,
  lastIndexSaidBy,
  type TimelineEntry,
} from './claim-order.js';

/** An event as read from the log: payload and global position (a StoredEvent once its type is narrowed). */
export type LoggedEvent = DomainEvent & { position: number };
export type LoggedClaimEvent = (ClaimRecorded | ClaimRejected | ClaimSuperseded) & { position: number };

/** Why a claim stopped counting. */
export interface Drop {
  kind: 'rejected' | 'superseded';
  reason: string;
  /** The analyst who rejected it, or the extractor version that no longer finds it. */
  by: string;
  /** Log position of the ClaimRejected / ClaimSuperseded event. */
  position: number;
}

export interface StanceChange {
  watchId: string;
  actorId: string;
  from: Stance | null;
  to: Stance;
  /** Said-on of the claim that caused the change. */
  effectiveOn: SaidOn;
  claimId: string;
  documentId: string | null;
  /** See the definition at the top of this file. */
  knownAtPosition: number;
}

/** What an active claim that moves the stance carries: where from, and since when it is known. */
export interface ChangeMark {
  from: Stance | null;
  knownAtPosition: number;
}

/** An active claim that moves the stance. */
export interface MarkedClaim {
  entry: TimelineEntry;
  mark: ChangeMark;
}

/** A claim that no longer counts, kept for the history with why. */
export interface DroppedClaim {
  entry: TimelineEntry;
  /** In log order; the first one took the claim out. */
  drops: Drop[];
}

export interface ActorTimeline {
  readonly watchId: string;
  readonly actorId: string;
  /** The claims that count for the stance, in claim order (compareClaims). */
  readonly active: TimelineEntry[];
  /** The claims that no longer count: out of the stance, still in the history. */
  readonly dropped: Map<string, DroppedClaim>;
  /** The active claims whose stance differs from the claim before them, by claimId. */
  readonly changeAt: Map<string, MarkedClaim>;
  /** Highest log position applied here; anything lower arriving later is out of log order. */
  lastPosition: number;
}

export interface StanceState {
  /** One timeline per (watch, actor), keyed by timelineKey. */
  readonly timelines: Map<string, ActorTimeline>;
  /** Every claim recorded, by id: rejections and supersessions name only the claim. */
  readonly claims: Map<string, TimelineEntry>;
  /** Drops that arrived before their claim (only when folding out of log order). */
  readonly pendingDrops: Map<string, Drop[]>;
}

export type ClaimStatus = 'active' | Drop['kind'];

export interface HistoryEntry {
  claim: TimelineEntry;
  status: ClaimStatus;
  drops: Drop[];
}

export function timelineKey(watchId: string, actorId: string): string {
  return `${watchId}\u0000${actorId}`;
}

export function initialState(): StanceState {
  return { timelines: new Map(), claims: new Map(), pendingDrops: new Map() };
}

export function initialTimeline(watchId: string, actorId: string): ActorTimeline {
  return { watchId, actorId, active: [], dropped: new Map(), changeAt: new Map(), lastPosition: 0 };
}

export function timelineOf(state: StanceState, watchId: string, actorId: string): ActorTimeline | undefined {
  return state.timelines.get(timelineKey(watchId, actorId));
}

/** The timeline an event concerns, once evolved: the one whose rows a projection rewrites. */
export function timelineOfEvent(state: StanceState, event: LoggedEvent): ActorTimeline | undefined {
  switch (event.type) {
    case 'ClaimRecorded':
      return timelineOf(state, event.data.watchId, event.data.actorId);
    case 'ClaimRejected':
    case 'ClaimSuperseded': {
      const entry = state.claims.get(event.data.claimId);
      return entry && timelineOf(state, entry.watchId, entry.actorId);
    }
    default:
      return undefined;
  }
}

// ---- The fold ---------------------------------------------------------------------------------

/** Folds one logged event into the projection; other event types pass through. */
export function evolve(state: StanceState, event: LoggedEvent): StanceState {
  switch (event.type) {
    case 'ClaimRecorded': {
      const { claimId, watchId, actorId } = event.data;
      // claimIds are unique in the log (idempotency key): a known one is the same event redelivered.
      if (state.claims.has(claimId)) return state;
      const key = timelineKey(watchId, actorId);
      let timeline = state.timelines.get(key);
      if (!timeline) {
        timeline = initialTimeline(watchId, actorId);
        state.timelines.set(key, timeline);
      }
      const entry = entryOf(event);
      state.claims.set(claimId, entry);
      recordClaim(timeline, entry);
      for (const drop of state.pendingDrops.get(claimId) ?? []) dropClaim(timeline, entry, drop);
      state.pendingDrops.delete(claimId);
      return state;
    }
    case 'ClaimRejected':
    case 'ClaimSuperseded': {
      const { claimId } = event.data;
      const entry = state.claims.get(claimId);
      if (entry) {
        dropClaim(timelineOf(state, entry.watchId, entry.actorId)!, entry, dropOf(event));
      } else {
        const pending = state.pendingDrops.get(claimId) ?? [];
        if (!pending.some((d) => d.position === event.position)) pending.push(dropOf(event));
        state.pendingDrops.set(claimId, pending);
      }
      return state;
    }
    default:
      return state;
  }
}

/**
 * Transaction time: the projection as it stood after the events with position <= `position`,
 * whatever order they are given in (they are folded in log order, the fast path).
 */
export function knownAt(events: Iterable<LoggedEvent>, position: number): StanceState {
  return [...events]
    .filter((e) => e.position <= position)
    .sort((a, b) => a.position - b.position)
    .reduce(evolve, initialState());
}

/** A drop as stored beside the claim it drops. */
export interface RecordedDrop extends Drop {
  claimId: string;
}

/**
 * An actor's timeline from its recorded claims and drops, as a projection stores them: folded in
 * log order, so the change marks are those a live projection stamped (see knownAtPosition above).
 * The same fold serves the live projection, a rebuild and every `known_at` query.
 */
export function timelineFromRecords(
  watchId: string,
  actorId: string,
  claims: readonly TimelineEntry[],
  drops: readonly RecordedDrop[],
): ActorTimeline {
  return extendTimeline(initialTimeline(watchId, actorId), claims, drops);
}

/**
 * `t` with the claims and drops logged after it folded in, in log order: a new timeline, `t` stays
 * as it was, so whoever still reads `t` keeps one consistent view (the read cache hands timelines
 * to answers that are still being written while it moves on). A drop names its claim, which is in
 * `claims` or already in `t`.
 */
export function extendTimeline(t: ActorTimeline, claims: readonly TimelineEntry[], drops: readonly RecordedDrop[]): ActorTimeline {
  const next: ActorTimeline = { ...t, active: [...t.active], dropped: new Map(t.dropped), changeAt: new Map(t.changeAt) };
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  const known = (claimId: string) => byId.get(claimId) ?? t.active.find((c) => c.claimId === claimId) ?? t.dropped.get(claimId)?.entry;
  const steps: (TimelineEntry | RecordedDrop)[] = [...claims, ...drops].sort((a, b) => a.position - b.position);
  const pending = new Map<string, Drop[]>();
  for (const step of steps) {
    if ('kind' in step) {
      const entry = known(step.claimId);
      const drop: Drop = { kind: step.kind, reason: step.reason, by: step.by, position: step.position };
      if (entry && entry.position < step.position) dropClaim(next, entry, drop);
      else pending.set(step.claimId, [...(pending.get(step.claimId) ?? []), drop]);
    } else {
      recordClaim(next, step);
      for (const drop of pending.get(step.claimId) ?? []) dropClaim(next, step, drop);
      pending.delete(step.claimId);
    }
  }
  return next;
}

export function entryOf(event: ClaimRecorded & { position: number }): TimelineEntry {
  const d = event.data;
  return {
    claimId: d.claimId,
    watchId: d.watchId,
    actorId: d.actorId,
    stance: d.stance,
    saidOn: d.saidOn,
    position: event.position,
    reportedAt: d.reportedAt ?? null,
    documentId: d.documentId,
    statementOffset: d.evidence.start,
    url: d.url,
    quote: d.evidence.sentence,
    speaker: d.speaker,
    watchRevision: d.watchRevision ?? null,
    packsRevision: d.packsRevision ?? null,
  };
}

function dropOf(event: (ClaimRejected | ClaimSuperseded) & { position: number }): Drop {
  return event.type === 'ClaimRejected'
    ? { kind: 'rejected', reason: event.data.reason, by: event.data.by, position: event.position }
    : { kind: 'superseded', reason: event.data.reason, by: event.data.byExtractorVersion, position: event.position };
}

function recordClaim(t: ActorTimeline, entry: TimelineEntry): void {
  const late = entry.position < t.lastPosition;
  insertActive(t, entry, entry.position);
  t.lastPosition = Math.max(t.lastPosition, entry.position);
  if (late) remarkInLogOrder(t);
}

function dropClaim(t: ActorTimeline, entry: TimelineEntry, drop: Drop): void {
  const known = t.dropped.get(entry.claimId);
  if (known?.drops.some((d) => d.position === drop.position)) return; // delivered again
  if (known) {
    // A new list, not a splice: an earlier copy of the timeline (extendTimeline) shares this one.
    const at = known.drops.findIndex((d) => d.position > drop.position);
    const drops = at < 0 ? [...known.drops, drop] : [...known.drops.slice(0, at), drop, ...known.drops.slice(at)];
    t.dropped.set(entry.claimId, { entry, drops });
  } else {
    t.dropped.set(entry.claimId, { entry, drops: [drop] });
    removeActive(t, entry, drop.position);
  }
  const late = drop.position < t.lastPosition;
  t.lastPosition = Math.max(t.lastPosition, drop.position);
  if (late) remarkInLogOrder(t);
}

type Ordered = Pick<ActorTimeline, 'active' | 'changeAt'>;

function insertActive(t: Ordered, entry: TimelineEntry, stamp: number): void {
  const i = insertionIndex(t.active, entry);
  t.active.splice(i, 0, entry);
  remark(t, i, stamp);
  remark(t, i + 1, stamp);
}

function removeActive(t: Ordered, entry: TimelineEntry, stamp: number): void {
  const i = indexOfClaim(t.active, entry);
  if (i < 0) return;
  t.active.splice(i, 1);
  t.changeAt.delete(entry.claimId);
  remark(t, i, stamp);
}

/** Recomputes the change mark of the active claim at index i from the claim before it. */
function remark(t: Ordered, i: number, stamp: number): void {
  const entry = t.active[i];
  if (!entry) return;
  const existing = t.changeAt.get(entry.claimId)?.mark;
  const mark = nextChangeMark(i > 0 ? t.active[i - 1]!.stance : null, entry.stance, existing, stamp);
  if (!mark) t.changeAt.delete(entry.claimId);
  else if (mark !== existing) t.changeAt.set(entry.claimId, { entry, mark });
}

/**
 * The incremental rule: the change a claim with stance `to` makes after a claim with stance
 * `from` (null: none before it), given the mark it had. An unchanged change keeps its position.
 */
export function nextChangeMark(
  from: Stance | null,
  to: Stance,
  existing: ChangeMark | undefined,
  position: number,
): ChangeMark | undefined {
  if (from === to) return undefined;
  if (existing && existing.from === from) return existing;
  return { from, knownAtPosition: position };
}

/**
 * Re-derives every change mark by replaying this actor's claims in log order, as a live
 * projection would have seen them. Needed only after an event older than lastPosition.
 */
function remarkInLogOrder(t: ActorTimeline): void {
  const steps: { position: number; entry: TimelineEntry; drop: boolean }[] = [];
  for (const entry of t.active) steps.push({ position: entry.position, entry, drop: false });
  for (const { entry, drops } of t.dropped.values()) {
    const droppedAt = drops[0]!.position;
    if (droppedAt <= entry.position) continue; // never counted at any log position
    steps.push({ position: entry.position, entry, drop: false }, { position: droppedAt, entry, drop: true });
  }
  // Positions are unique in a log; the rest only keeps the replay deterministic on any input.
  steps.sort((a, b) => a.position - b.position || Number(a.drop) - Number(b.drop) || compareClaims(a.entry, b.entry));
  const replay: Ordered = { active: [], changeAt: new Map() };
  for (const s of steps) {
    if (s.drop) removeActive(replay, s.entry, s.position);
    else insertActive(replay, s.entry, s.position);
  }
  t.changeAt.clear();
  for (const [claimId, marked] of replay.changeAt) t.changeAt.set(claimId, marked);
}

// ---- Queries (pure) -------------------------------------------------------------------------------

/** The stance of the latest claim in the order, dropped ones aside. */
export function currentStance(t: ActorTimeline): Stance | null {
  return t.active.at(-1)?.stance ?? null;
}

/**
 * The claim that moved the actor to the stance it holds (now, or at valid day `validDay`): the
 * first of the run of claims with that stance that ends at the latest claim counted. Later
 * claims in the run only repeat it.
 */
export function stanceSince(t: ActorTimeline, validDay?: string): TimelineEntry | undefined {
  const last = validDay === undefined ? t.active.length - 1 : lastIndexSaidBy(t.active, validDay);
  if (last < 0) return undefined;
  const stance = t.active[last]!.stance;
  let start = last;
  while (start > 0 && t.active[start - 1]!.stance === stance) start--;
  return t.active[start];
}

/** The latest claim counted now, or at valid day `validDay`. */
export function latestClaim(t: ActorTimeline, validDay?: string): TimelineEntry | undefined {
  return validDay === undefined ? t.active.at(-1) : t.active[lastIndexSaidBy(t.active, validDay)];
}

/** The stance change that `claim` made, if it made one. */
export function changeMadeBy(t: ActorTimeline, claim: TimelineEntry): StanceChange | undefined {
  const marked = t.changeAt.get(claim.claimId);
  return marked && changeOf(t, marked);
}

/** Valid time: the stance of the latest active claim said on or before `validDay` (YYYY-MM-DD). */
export function stanceAt(t: ActorTimeline, validDay: string): Stance | null {
  const i = lastIndexSaidBy(t.active, validDay);
  return i < 0 ? null : t.active[i]!.stance;
}

/** The stance changes in claim order; a claim repeating the stance before it makes none. */
export function stanceChanges(t: ActorTimeline): StanceChange[] {
  // The marked claims are active ones, and `active` is already in claim order: no sort.
  const changes: StanceChange[] = [];
  for (const entry of t.active) {
    const marked = t.changeAt.get(entry.claimId);
    if (marked) changes.push(changeOf(t, marked));
  }
  return changes;
}

/**
 * For a projection applying events in log order: the change rows `event` can have altered (see
 * "Updating rows incrementally"): the row at its claim and the row at the next active claim after
 * the claim's place. Delete the rows of `claimIds`, then insert `rows`; every other row stands.
 * Call it after evolve(state, event).
 */
export function changesAround(state: StanceState, event: LoggedEvent): { claimIds: string[]; rows: StanceChange[] } {
  if (event.type === 'DocumentIngested') return { claimIds: [], rows: [] };
  const entry = state.claims.get(event.data.claimId);
  const t = entry && timelineOf(state, entry.watchId, entry.actorId);
  if (!entry || !t) return { claimIds: [], rows: [] };
  const i = insertionIndex(t.active, entry);
  const at = t.active[i]?.claimId === entry.claimId ? [t.active[i]!, t.active[i + 1]] : [t.active[i]];
  const claimIds = [entry.claimId];
  const rows: StanceChange[] = [];
  for (const e of at) {
    if (!e) continue;
    if (e.claimId !== entry.claimId) claimIds.push(e.claimId);
    const marked = t.changeAt.get(e.claimId);
    if (marked) rows.push(changeOf(t, marked));
  }
  return { claimIds, rows };
}

function changeOf(t: ActorTimeline, { entry, mark }: MarkedClaim): StanceChange {
  return {
    watchId: t.watchId,
    actorId: t.actorId,
    from: mark.from,
    to: entry.stance,
    effectiveOn: entry.saidOn,
    claimId: entry.claimId,
    documentId: entry.documentId,
    knownAtPosition: mark.knownAtPosition,
  };
}

/**
 * The claims a move placed among an actor's others, in claim order, when that is all it did: no
 * drop, and every claim logged after all of the timeline it extends. `extendTimeline` then marks
 * anew only those claims and the claim right after each (remarkedClaims), so what is derived from
 * the timeline before holds everywhere else. Null when the move did more.
 */
export function placedClaims(prev: ActorTimeline, claims: readonly TimelineEntry[], drops: readonly RecordedDrop[]): TimelineEntry[] | null {
  if (drops.length > 0 || claims.some((c) => c.position <= prev.lastPosition)) return null;
  return [...claims].sort(compareClaims);
}

/** The active claims of `next` whose change mark placing `placed` can have altered: those, and the claim right after each. */
export function remarkedClaims(next: ActorTimeline, placed: readonly TimelineEntry[]): TimelineEntry[] {
  const remarked = new Map<string, TimelineEntry>();
  for (const claim of placed) {
    const i = indexOfClaim(next.active, claim);
    for (const entry of [next.active[i], next.active[i + 1]]) if (entry) remarked.set(entry.claimId, entry);
  }
  return [...remarked.values()].sort(compareClaims);
}

/** claimHistory(t) from the history of the timeline a move extended into t by placing `placed` (placedClaims). */
export function extendClaimHistory(history: readonly HistoryEntry[], placed: readonly TimelineEntry[]): HistoryEntry[] {
  const merged: HistoryEntry[] = [];
  let p = 0;
  for (const entry of history) {
    while (p < placed.length && compareClaims(placed[p]!, entry.claim) < 0) merged.push({ claim: placed[p++]!, status: 'active', drops: [] });
    merged.push(entry);
  }
  while (p < placed.length) merged.push({ claim: placed[p++]!, status: 'active', drops: [] });
  return merged;
}

/** stanceChanges(t) from the changes of the timeline a move extended into t, the claims it marked anew being `remarked` (remarkedClaims). */
export function extendStanceChanges(changes: readonly StanceChange[], t: ActorTimeline, remarked: readonly TimelineEntry[]): StanceChange[] {
  const anew = new Set(remarked.map((entry) => entry.claimId));
  const extended: StanceChange[] = [];
  let c = 0;
  for (const entry of t.active) {
    const before = changes[c]?.claimId === entry.claimId ? changes[c++] : undefined;
    if (!anew.has(entry.claimId)) {
      if (before) extended.push(before);
      continue;
    }
    const marked = t.changeAt.get(entry.claimId);
    if (marked) extended.push(changeOf(t, marked));
  }
  return extended;
}

/** Every claim of the actor in claim order, with why it no longer counts when it does not. */
export function claimHistory(t: ActorTimeline): HistoryEntry[] {
  // `active` is in claim order already; only the (few) dropped claims are sorted, then merged in.
  const dropped = [...t.dropped.values()]
    .sort((a, b) => compareClaims(a.entry, b.entry))
    .map(({ entry, drops }): HistoryEntry => ({ claim: entry, status: drops[0]!.kind, drops: [...drops] }));
  const history: HistoryEntry[] = [];
  let d = 0;
  for (const claim of t.active) {
    while (d < dropped.length && compareClaims(dropped[d]!.claim, claim) < 0) history.push(dropped[d++]!);
    history.push({ claim, status: 'active', drops: [] });
  }
  while (d < dropped.length) history.push(dropped[d++]!);
  return history;
}

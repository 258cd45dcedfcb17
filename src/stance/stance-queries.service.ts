// The stance queries of the REST API: current stances, an actor's history and the `why` chain,
// each answerable in valid time (as_of) and in transaction time (known_at).
//
// Current stances come from the projection's rows. Everything else "now" (a history page, why, a
// stance as of a day) reads the watch's folded timelines from the TimelineCache, which moves them
// forward by the rows logged since. Answers "as known at position N" fold the claim and drop rows
// logged at or before N (timelineFromRecords): the rows carry their log positions, so the
// projection as it stood then is recomputed exactly, without replaying the log. Timelines carry no
// evidence; each answer looks up the quotes of the claims it shows.
import { Injectable } from '@nestjs/common';
import { EventStoreRepository, type Executor } from '../event-store/event-store.repository.js';
import type { Watch } from '../watches/domain/watch.js';
import { WatchesService } from '../watches/watches.service.js';
import type { TimelineEntry } from './domain/claim-order.js';
import type { TimeQuery } from './domain/time-query.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageOf, type HistoryFilter, type PageCursor, type PageRequest } from './domain/claim-page.js';
import {
  changeMadeBy,
  latestClaim,
  stanceSince,
  timelineFromRecords,
  type ActorTimeline,
  type Drop,
  type StanceChange,
} from './domain/timeline.js';
import { explainStance, type ClaimEvidenceRef } from './domain/why.js';
import { STANCE_SUBSCRIPTION } from './stance-projection.js';
import { claimView, documentOf, type ActorStanceView, type ChangeView } from './domain/stance-views.js';
import { StanceRepository, type DocumentRef, type TimelineRecords } from './stance.repository.js';
import { TimelineCache } from './timeline-cache.js';

export class UnknownWatchError extends Error {}

/** What an actor's stance rests on: the latest claim counted, and the change that set the stance. */
interface ClaimsBehind {
  latest?: TimelineEntry;
  since?: TimelineEntry;
  change?: StanceChange;
}

/** Where an answer sits on both time axes. */
export interface AnswerTime {
  asOf: string | null;
  /** The log position the answer reflects. */
  knownAtPosition: number;
}

/** An answer's time, and whether it is "now" (the projection's own position, no earlier known_at). */
interface AskedTime {
  time: AnswerTime;
  now: boolean;
}

@Injectable()
export class StanceQueries {
  /** Per process; the board reads the same timelines (BoardReads). */
  readonly timelineCache: TimelineCache;

  constructor(
    private readonly repository: StanceRepository,
    private readonly events: EventStoreRepository,
    private readonly watches: WatchesService,
  ) {
    this.timelineCache = new TimelineCache(repository, events);
  }

  listWatches() {
    return this.watches.watches().map((w) => ({
      id: w.id,
      proposition: w.proposition,
      languages: w.languages,
      actors: w.actors.map((a) => ({ id: a.id, name: a.name })),
    }));
  }

  /** Every actor of the watch with its stance and the claim behind it. */
  async stances(watchId: string, query: TimeQuery = {}, executor: Executor = this.repository.db) {
    const watch = this.watch(watchId);
    const asked = await this.answerTime(query, executor);
    if (asked.now && !query.asOf) return this.currentStances(watch, asked.time, executor);
    const { time, byActor } = await this.timelines(watch, asked, executor);
    const day = time.asOf ?? undefined;
    const found = [...byActor].map(([actorId, t]) => {
      const since = stanceSince(t, day);
      return { actorId, latest: latestClaim(t, day), since, change: since && changeMadeBy(t, since) };
    });
    const evidence = await this.withEvidence(found.flatMap((f) => [f.latest, f.since]), executor);
    const behind = new Map(found.map((f) => [f.actorId, { latest: f.latest && evidence(f.latest), since: f.since && evidence(f.since), change: f.change }]));
    return this.stancesAnswer(watch, time, behind, executor);
  }

  /** Now: straight from the projection's current-stance and change rows, no fold. */
  private async currentStances(watch: Watch, time: AnswerTime, executor: Executor) {
    const rows = await this.repository.currentStances(watch.id, executor);
    const claims = await this.repository.claims(
      rows.flatMap((r) => [r.latestClaimId, r.sinceClaimId].filter((id): id is string => id !== null)),
      executor,
    );
    const since = rows.flatMap((r) => (r.sinceClaimId ? [{ actorId: r.actorId, claimId: r.sinceClaimId }] : []));
    const changes = await this.repository.changesMadeBy(watch.id, since, executor);
    const behind = new Map(
      rows.map((row) => {
        const since = row.sinceClaimId ? claims.get(row.sinceClaimId) : undefined;
        return [row.actorId, { latest: row.latestClaimId ? claims.get(row.latestClaimId) : undefined, since, change: since && changes.get(since.claimId) }];
      }),
    );
    return this.stancesAnswer(watch, time, behind, executor);
  }

  /** Every actor's stance from the claims behind it, however they were found. */
  private async stancesAnswer(watch: Watch, time: AnswerTime, behind: Map<string, ClaimsBehind>, executor: Executor) {
    const documents = await this.documentsOf([...behind.values()].flatMap((b) => [b.latest, b.since]), executor);
    const stances: ActorStanceView[] = this.actorIds(watch, behind).map((actorId) => {
      const { latest, since, change } = behind.get(actorId) ?? {};
      return {
        actor: actorId,
        name: this.watches.actorName(watch.id, actorId),
        stance: latest?.stance ?? null,
        since: change && since ? changeView(change, since, documents) : null,
        latestClaim: latest ? claimView(latest, documents) : null,
      };
    });
    return { watch: watch.id, proposition: watch.proposition, ...time, stances };
  }

  /**
   * One page of an actor's claims in claim order (with why any no longer counts), and the stance
   * changes those claims made. Bounded by the page size, however long the history.
   */
  async history(
    watchId: string,
    actorId: string,
    query: TimeQuery = {},
    page: PageRequest = { limit: DEFAULT_PAGE_SIZE },
    filter: HistoryFilter = {},
    executor: Executor = this.repository.db,
  ) {
    const watch = this.watch(watchId);
    const { time, t } = await this.timeline(watch, actorId, await this.answerTime(query, executor), executor);
    const day = time.asOf;
    const claims = this.timelineCache.history(t).filter((h) => day === null || h.claim.saidOn.to <= day);
    const keep = (h: (typeof claims)[number]) =>
      (filter.status === undefined || (filter.status === 'active') === (h.status === 'active')) &&
      (filter.stances === undefined || filter.stances.includes(h.claim.stance));
    const shown = pageOf(claims, page, (h) => h.claim.claimId, (h) => h.claim.saidOn.to, keep);
    const onPage = new Set(shown.items.map((h) => h.claim.claimId));
    const allChanges = this.timelineCache.changes(t).filter((c) => day === null || c.effectiveOn.to <= day);
    const changes = allChanges.filter((c) => onPage.has(c.claimId));
    const evidence = await this.withEvidence(shown.items.map((h) => h.claim), executor);
    const documents = await this.documentsOf(shown.items.map((h) => h.claim), executor);
    return {
      watch: watch.id,
      actor: actorId,
      name: this.watches.actorName(watch.id, actorId),
      ...time,
      stance: latestClaim(t, day ?? undefined)?.stance ?? null,
      /** Totals over the whole history, so a reader knows how far the pages go. */
      counts: { claims: claims.filter(keep).length, changes: allChanges.length },
      changes: changes.map((c) => changeView(c, evidence({ claimId: c.claimId }), documents)),
      claims: shown.items.map((h) => ({ ...claimView(evidence(h.claim), documents), status: h.status, drops: h.drops.map(dropView) })),
      page: {
        limit: Math.min(page.limit, MAX_PAGE_SIZE),
        next: shown.next === null ? null : ({ ...filter, after: shown.next } satisfies PageCursor),
        prev: shown.prev === null ? null : ({ ...filter, before: shown.prev } satisfies PageCursor),
      },
    };
  }

  /**
   * The chain of claims that produce the actor's stance, with the claims it overrode. Each list
   * holds at most `limit` claims (the nearest to the claim that set the stance); `more` says
   * which history page continues it.
   */
  async why(watchId: string, actorId: string, query: TimeQuery = {}, limit = DEFAULT_PAGE_SIZE, executor: Executor = this.repository.db) {
    const watch = this.watch(watchId);
    const { time, t } = await this.timeline(watch, actorId, await this.answerTime({ knownAt: query.knownAt }, executor), executor);
    const explanation = explainStance(t);
    const size = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
    const reaffirmedBy = explanation.reaffirmedBy.slice(0, size);
    const overrode = explanation.overrode.slice(-size);
    const dropped = explanation.dropped.slice(0, size);
    const evidence = await this.withEvidence([explanation.producedBy, ...reaffirmedBy, ...overrode, ...dropped], executor);
    const documents = await this.documentsOf([explanation.producedBy, ...reaffirmedBy, ...overrode, ...dropped], executor);
    // The ref with the evidence the timeline left out (quote, url, speaker, revisions), and its article.
    const withDocument = <T extends ClaimEvidenceRef>(ref: T) => {
      const { quote, url, speaker, watchRevision, packsRevision } = evidence(ref);
      return { ...ref, quote, url, speaker, watchRevision, packsRevision, document: documentOf(ref.documentId, documents) };
    };
    const others = explanation.stance === null ? undefined : (['deny', 'neither', 'confirm'] as const).filter((s) => s !== explanation.stance);
    const more: Record<'reaffirmedBy' | 'overrode' | 'dropped', PageCursor | null> = {
      reaffirmedBy: explanation.reaffirmedBy.length > size ? { status: 'active', after: reaffirmedBy.at(-1)!.claimId } : null,
      overrode: explanation.overrode.length > size ? { status: 'active', stances: others, before: overrode[0]!.claimId } : null,
      dropped: explanation.dropped.length > size ? { status: 'dropped', after: dropped.at(-1)!.claimId } : null,
    };
    return {
      watch: watch.id,
      actor: actorId,
      name: this.watches.actorName(watch.id, actorId),
      knownAtPosition: time.knownAtPosition,
      stance: explanation.stance,
      producedBy: explanation.producedBy && withDocument(explanation.producedBy),
      changeKnownAtPosition: explanation.knownAtPosition,
      counts: { reaffirmedBy: explanation.reaffirmedBy.length, overrode: explanation.overrode.length, dropped: explanation.dropped.length },
      reaffirmedBy: reaffirmedBy.map(withDocument),
      overrode: overrode.map(withDocument),
      dropped: dropped.map((d) => ({ ...withDocument(d), drops: d.drops.map(dropView) })),
      more,
    };
  }

  /** The watch's folded timelines now (the board's charts and latest claims are read off them), and their position. */
  async timelinesNow(watchId: string, executor: Executor = this.repository.db) {
    const watch = this.watch(watchId);
    return this.timelines(watch, await this.answerTime({}, executor), executor);
  }

  /** The stored change rows, for comparing with a fold (tests). */
  storedChanges(watchId: string, actorId?: string, executor: Executor = this.repository.db): Promise<StanceChange[]> {
    return this.repository.changes(watchId, actorId, executor);
  }

  // ---- helpers ----

  private watch(watchId: string): Watch {
    const watch = this.watches.find(watchId);
    if (!watch) throw new UnknownWatchError(`no watch "${watchId}"; GET /api/watches lists them`);
    return watch;
  }

  /** The watch's actors, then any actor claims name that the watch file no longer lists. */
  private actorIds(watch: Watch, withRows: Map<string, unknown>): string[] {
    const listed = watch.actors.map((a) => a.id);
    return [...listed, ...[...withRows.keys()].filter((id) => !listed.includes(id)).sort()];
  }

  /**
   * The log position an answer reflects: the projection's checkpoint, or the known_at position
   * when that is earlier (the projection cannot answer for events it has not seen yet).
   */
  private async answerTime(query: TimeQuery, executor: Executor): Promise<AskedTime> {
    const projected = await this.events.checkpoint(STANCE_SUBSCRIPTION, executor);
    let position = projected;
    if (query.knownAt && 'position' in query.knownAt) position = Math.min(query.knownAt.position, projected);
    if (query.knownAt && 'time' in query.knownAt) {
      position = Math.min(await this.events.lastPositionRecordedBy(query.knownAt.time, executor), projected);
    }
    return { time: { asOf: query.asOf ?? null, knownAtPosition: position }, now: position === projected };
  }

  /** The watch's timelines at the time asked: from the cache now (perhaps a little newer), else folded. */
  private async timelines(watch: Watch, { time, now }: AskedTime, executor: Executor): Promise<{ time: AnswerTime; byActor: ReadonlyMap<string, ActorTimeline> }> {
    if (now) {
      const cached = await this.timelineCache.at(watch.id, time.knownAtPosition, executor);
      return { time: { ...time, knownAtPosition: cached.position }, byActor: cached.byActor };
    }
    const records = await this.repository.watchRecords(executor, watch.id, { upTo: time.knownAtPosition, withoutEvidence: true });
    return { time, byActor: new Map(records.map((r) => [r.actorId, fold(r)])) };
  }

  private async timeline(watch: Watch, actorId: string, asked: AskedTime, executor: Executor): Promise<{ time: AnswerTime; t: ActorTimeline }> {
    let found: { time: AnswerTime; t: ActorTimeline | undefined };
    if (asked.now) {
      const { time, byActor } = await this.timelines(watch, asked, executor);
      found = { time, t: byActor.get(actorId) };
    } else {
      const [records] = await this.repository.watchRecords(executor, watch.id, { actorId, upTo: asked.time.knownAtPosition, withoutEvidence: true });
      found = { time: asked.time, t: records && fold(records) };
    }
    if (!found.t && !watch.actors.some((a) => a.id === actorId)) {
      throw new UnknownWatchError(`watch "${watch.id}" has no actor "${actorId}"`);
    }
    return { time: found.time, t: found.t ?? timelineFromRecords(watch.id, actorId, [], []) };
  }

  /**
   * The claims given, looked up with their evidence: a function from a claim (or its id) to the
   * full entry. Timelines are kept without quotes; an answer fetches those of what it shows.
   */
  private async withEvidence(claims: ({ claimId: string } | null | undefined)[], executor: Executor) {
    const full = await this.repository.claims(claims.flatMap((c) => (c ? [c.claimId] : [])), executor);
    return (claim: { claimId: string }): TimelineEntry => {
      const entry = full.get(claim.claimId);
      if (!entry) throw new Error(`claim ${claim.claimId} is in a timeline but not in stance_claims`);
      return entry;
    };
  }

  private documentsOf(claims: ({ documentId: string | null } | null | undefined)[], executor: Executor) {
    return this.repository.documents(
      claims.flatMap((c) => (c?.documentId ? [c.documentId] : [])),
      executor,
    );
  }
}

function fold(records: TimelineRecords): ActorTimeline {
  return timelineFromRecords(records.watchId, records.actorId, records.claims, records.drops);
}

function changeView(change: StanceChange, claim: TimelineEntry, documents: Map<string, DocumentRef>): ChangeView {
  return {
    from: change.from,
    to: change.to,
    effectiveOn: change.effectiveOn,
    knownAtPosition: change.knownAtPosition,
    claim: claimView(claim, documents),
  };
}

function dropView(drop: Drop) {
  return { kind: drop.kind, reason: drop.reason, by: drop.by, position: drop.position };
}

// The stance queries of the REST API: current stances, an actor's history and the `why` chain,
// each answerable in valid time (as_of) and in transaction time (known_at).
//
// Answers "now" come from the projection's rows. Answers "as known at position N" fold the
// claim and drop rows logged at or before N (timelineFromRecords): the rows carry their log
// positions, so the projection as it stood then is recomputed exactly, without replaying the log.
import { Injectable } from '@nestjs/common';
import { EventStoreRepository, type Executor } from '../event-store/event-store.repository.js';
import type { Watch } from '../watches/domain/watch.js';
import { WatchesService } from '../watches/watches.service.js';
import type { TimelineEntry } from './domain/claim-order.js';
import type { TimeQuery } from './domain/time-query.js';
import {
  changeMadeBy,
  claimHistory,
  latestClaim,
  stanceChanges,
  stanceSince,
  timelineFromRecords,
  type ActorTimeline,
  type Drop,
  type StanceChange,
} from './domain/timeline.js';
import { explainStance } from './domain/why.js';
import { STANCE_SUBSCRIPTION } from './stance-projection.js';
import type { ActorStanceView, ChangeView, ClaimView } from './domain/stance-views.js';
import { StanceRepository, type DocumentRef, type TimelineRecords } from './stance.repository.js';

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

@Injectable()
export class StanceQueries {
  constructor(
    private readonly repository: StanceRepository,
    private readonly events: EventStoreRepository,
    private readonly watches: WatchesService,
  ) {}

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
    const time = await this.answerTime(query, executor);
    if (!query.asOf && !query.knownAt) return this.currentStances(watch, time, executor);
    const timelines = await this.timelines(watch, time, executor);
    const day = time.asOf ?? undefined;
    const behind = new Map(
      [...timelines].map(([actorId, t]) => {
        const since = stanceSince(t, day);
        return [actorId, { latest: latestClaim(t, day), since, change: since && changeMadeBy(t, since) }];
      }),
    );
    return this.stancesAnswer(watch, time, behind, executor);
  }

  /** Now: straight from the projection's current-stance and change rows, no fold. */
  private async currentStances(watch: Watch, time: AnswerTime, executor: Executor) {
    const rows = await this.repository.currentStances(watch.id, executor);
    const claims = await this.repository.claims(
      rows.flatMap((r) => [r.latestClaimId, r.sinceClaimId].filter((id): id is string => id !== null)),
      executor,
    );
    const changes = new Map((await this.repository.changes(watch.id, undefined, executor)).map((c) => [c.claimId, c]));
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

  /** An actor's claims (with why any no longer counts) and stance changes, in claim order. */
  async history(watchId: string, actorId: string, query: TimeQuery = {}, executor: Executor = this.repository.db) {
    const watch = this.watch(watchId);
    const time = await this.answerTime(query, executor);
    const t = await this.timeline(watch, actorId, time, executor);
    const day = time.asOf;
    const said = (claim: TimelineEntry) => day === null || claim.saidOn.to <= day;
    const claims = claimHistory(t).filter((h) => said(h.claim));
    const changes = stanceChanges(t).filter((c) => day === null || c.effectiveOn.to <= day);
    const byId = new Map(t.active.map((c) => [c.claimId, c]));
    const documents = await this.documentsOf(claims.map((h) => h.claim), executor);
    return {
      watch: watch.id,
      actor: actorId,
      name: this.watches.actorName(watch.id, actorId),
      ...time,
      stance: latestClaim(t, day ?? undefined)?.stance ?? null,
      changes: changes.map((c) => changeView(c, byId.get(c.claimId)!, documents)),
      claims: claims.map((h) => ({ ...claimView(h.claim, documents), status: h.status, drops: h.drops.map(dropView) })),
    };
  }

  /** The chain of claims that produce the actor's stance, with the claims it overrode. */
  async why(watchId: string, actorId: string, query: TimeQuery = {}, executor: Executor = this.repository.db) {
    const watch = this.watch(watchId);
    const time = await this.answerTime({ knownAt: query.knownAt }, executor);
    const t = await this.timeline(watch, actorId, time, executor);
    const explanation = explainStance(t);
    const documents = await this.documentsOf(t.active.concat([...t.dropped.values()].map((d) => d.entry)), executor);
    const withDocument = <T extends { documentId: string | null }>(ref: T) => ({ ...ref, document: documentOf(ref.documentId, documents) });
    return {
      watch: watch.id,
      actor: actorId,
      name: this.watches.actorName(watch.id, actorId),
      knownAtPosition: time.knownAtPosition,
      stance: explanation.stance,
      producedBy: explanation.producedBy && withDocument(explanation.producedBy),
      changeKnownAtPosition: explanation.knownAtPosition,
      reaffirmedBy: explanation.reaffirmedBy.map(withDocument),
      overrode: explanation.overrode.map(withDocument),
      dropped: explanation.dropped.map((d) => ({ ...withDocument(d), drops: d.drops.map(dropView) })),
    };
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
  private async answerTime(query: TimeQuery, executor: Executor): Promise<AnswerTime> {
    const projected = await this.events.checkpoint(STANCE_SUBSCRIPTION, executor);
    let position = projected;
    if (query.knownAt && 'position' in query.knownAt) position = Math.min(query.knownAt.position, projected);
    if (query.knownAt && 'time' in query.knownAt) {
      position = Math.min(await this.events.lastPositionRecordedBy(query.knownAt.time, executor), projected);
    }
    return { asOf: query.asOf ?? null, knownAtPosition: position };
  }

  private async timelines(watch: Watch, time: AnswerTime, executor: Executor): Promise<Map<string, ActorTimeline>> {
    const records = await this.repository.watchRecords(executor, watch.id, { upTo: time.knownAtPosition });
    return new Map(records.map((r) => [r.actorId, fold(r)]));
  }

  private async timeline(watch: Watch, actorId: string, time: AnswerTime, executor: Executor): Promise<ActorTimeline> {
    const records = await this.repository.timelineRecords(executor, { watchId: watch.id, actorId }, time.knownAtPosition);
    if (records.claims.length === 0 && !watch.actors.some((a) => a.id === actorId)) {
      throw new UnknownWatchError(`watch "${watch.id}" has no actor "${actorId}"`);
    }
    return fold(records);
  }

  private documentsOf(claims: (TimelineEntry | undefined)[], executor: Executor) {
    return this.repository.documents(
      claims.flatMap((c) => (c?.documentId ? [c.documentId] : [])),
      executor,
    );
  }
}

function fold(records: TimelineRecords): ActorTimeline {
  return timelineFromRecords(records.watchId, records.actorId, records.claims, records.drops);
}

function documentOf(documentId: string | null, documents: Map<string, DocumentRef>) {
  const doc = documentId ? documents.get(documentId) : undefined;
  if (!doc) return null;
  const { documentId: _id, ...rest } = doc;
  return rest;
}

function claimView(claim: TimelineEntry, documents: Map<string, DocumentRef>): ClaimView {
  return {
    claimId: claim.claimId,
    stance: claim.stance,
    speaker: claim.speaker,
    quote: claim.quote,
    saidOn: claim.saidOn,
    url: claim.url,
    documentId: claim.documentId,
    document: documentOf(claim.documentId, documents),
    reportedAt: claim.reportedAt,
    position: claim.position,
    watchRevision: claim.watchRevision,
    packsRevision: claim.packsRevision,
  };
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

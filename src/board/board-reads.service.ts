// What the board and an actor's page show, read with a fixed number of queries per watch whatever
// the number of actors or claims: the current stances (StanceQueries.stances), the said-on span,
// the chart marks and periods counted per bucket in SQL, each actor's latest claims, and the
// claims and articles the marks and lists name, each in one query.
import { Injectable } from '@nestjs/common';
import type { PublicLinks } from '../domain/public-links.js';
import { bucketUnitFor } from '../stance/domain/claim-buckets.js';
import { cursorQuery, type HistoryFilter, type PageCursor, type PageRequest } from '../stance/domain/claim-page.js';
import { claimView } from '../stance/domain/stance-views.js';
import { StanceQueries } from '../stance/stance-queries.service.js';
import { StanceRepository, type ChartMarkRow, type ChartPeriodRow } from '../stance/stance.repository.js';
import type { ActorPage } from './domain/actor-page.js';
import { BOARD_LATEST_CLAIMS, type BoardWatch } from './domain/board-page.js';
import { CHART_BUCKETS, dayNumber, type ChartData } from './domain/timeline-chart.js';

/** How many claims each list of the `why` chain shows on an actor's page. */
const WHY_LIST_SIZE = 10;

@Injectable()
export class BoardReads {
  constructor(
    private readonly queries: StanceQueries,
    private readonly repository: StanceRepository,
  ) {}

  /** One watch's section of the board. */
  async watch(watchId: string): Promise<BoardWatch & { knownAtPosition: number }> {
    const answer = await this.queries.stances(watchId);
    const span = await this.repository.saidOnSpan(watchId);
    const unit = bucketUnitFor(span ? dayNumber(span.last) - dayNumber(span.first) : 0, CHART_BUCKETS.compact);
    const marks = await this.repository.chartMarks(watchId, unit);
    const periods = await this.repository.chartPeriods(watchId, unit, CHART_BUCKETS.compact);
    const latest = await this.repository.latestClaims(watchId, BOARD_LATEST_CLAIMS);
    const singles = await this.repository.claims(marks.flatMap((m) => (m.claimId ? [m.claimId] : [])));
    const documents = await this.repository.documents([...singles.values(), ...latest].flatMap((c) => (c.documentId ? [c.documentId] : [])));
    const charts = new Map(
      answer.stances.map((s) => [
        s.actor,
        chartOf(
          s.name,
          unit,
          marks.filter((m) => m.actorId === s.actor),
          periods.filter((p) => p.actorId === s.actor),
          (id) => {
            const claim = singles.get(id);
            return claim && claimView(claim, documents);
          },
        ),
      ]),
    );
    const latestByActor = new Map<string, BoardWatch['latest'] extends Map<string, infer V> ? V : never>();
    for (const claim of latest) latestByActor.set(claim.actorId, [...(latestByActor.get(claim.actorId) ?? []), { ...claimView(claim, documents), dropped: claim.dropped }]);
    return {
      id: answer.watch,
      proposition: answer.proposition,
      stances: answer.stances,
      span,
      charts,
      latest: latestByActor,
      knownAtPosition: answer.knownAtPosition,
    };
  }

  /**
   * An actor's page: one page of its claims (page and filter as the history API takes them), the
   * why chain with short lists, and its chart. `links` makes the page's own addresses.
   */
  async actorPage(watchId: string, actorId: string, page: PageRequest, filter: HistoryFilter, links: PublicLinks): Promise<ActorPage & { knownAtPosition: number }> {
    const history = await this.queries.history(watchId, actorId, {}, page, filter);
    const why = await this.queries.why(watchId, actorId, {}, WHY_LIST_SIZE);
    const stances = await this.queries.stances(watchId);
    const span = await this.repository.saidOnSpan(watchId, actorId);
    const unit = bucketUnitFor(span ? dayNumber(span.last) - dayNumber(span.first) : 0, CHART_BUCKETS.large);
    const marks = await this.repository.chartMarks(watchId, unit, actorId);
    const periods = await this.repository.chartPeriods(watchId, unit, CHART_BUCKETS.large, actorId);
    const singles = await this.repository.claims(marks.flatMap((m) => (m.claimId ? [m.claimId] : [])));
    const documents = await this.repository.documents([...singles.values()].flatMap((c) => (c.documentId ? [c.documentId] : [])));
    const here = (cursor: PageCursor | null) => cursor && `${links.actorPage(watchId, actorId)}?${cursorQuery(cursor, page.limit)}#claims`;
    const since = stances.stances.find((s) => s.actor === actorId)?.since ?? null;
    return {
      watch: { id: watchId, proposition: stances.proposition },
      history: { ...history, page: { next: here(history.page.next), prev: here(history.page.prev) } },
      why: {
        ...why,
        more: { reaffirmedBy: here(why.more.reaffirmedBy), overrode: here(why.more.overrode), dropped: here(why.more.dropped) },
        since: since && { from: since.from, effectiveOn: since.effectiveOn },
      },
      chart: chartOf(history.name, unit, marks, periods, (id) => {
        const claim = singles.get(id);
        return claim && claimView(claim, documents);
      }),
      span,
      knownAtPosition: history.knownAtPosition,
    };
  }
}

function chartOf(
  name: string,
  unit: ChartData['unit'],
  marks: readonly ChartMarkRow[],
  periods: readonly ChartPeriodRow[],
  claimOf: (claimId: string) => ChartData['marks'][number]['claim'] | undefined,
): ChartData {
  return {
    name,
    unit,
    marks: marks.map((m) => ({
      bucket: m.bucket,
      stance: m.stance,
      claims: m.claims,
      dropped: m.dropped,
      changes: m.changes,
      firstDay: m.firstDay,
      lastDay: m.lastDay,
      claim: (m.claimId && claimOf(m.claimId)) || null,
    })),
    periodEnds: periods.map((p) => ({ bucket: p.bucket, stance: p.stance, day: p.day, changes: p.changes })),
    claims: marks.reduce((sum, m) => sum + m.claims, 0),
  };
}

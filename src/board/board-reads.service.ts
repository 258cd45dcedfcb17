// What the board and an actor's page show, read with a fixed number of queries per watch whatever
// the number of actors or claims: the current stances (StanceQueries.stances), the watch's folded
// timelines (StanceQueries.timelinesNow: the read cache, moved forward by what was logged since),
// from which the said-on span, the chart marks and periods and each actor's latest claims are
// counted in memory, then the quotes and articles of the claims the marks and lists name, each in
// one query.
import { Injectable } from '@nestjs/common';
import type { PublicLinks } from '../domain/public-links.js';
import {
  bucketClaims,
  bucketPeriodEnds,
  bucketUnitFor,
  extendBucketClaims,
  extendBucketPeriodEnds,
  extendSaidOnSpan,
  saidOnSpan,
  type BucketMark,
  type BucketPeriodEnd,
  type BucketUnit,
} from '../stance/domain/claim-buckets.js';
import { cursorQuery, type HistoryFilter, type PageCursor, type PageRequest } from '../stance/domain/claim-page.js';
import { claimView } from '../stance/domain/stance-views.js';
import type { ActorTimeline } from '../stance/domain/timeline.js';
import { StanceQueries } from '../stance/stance-queries.service.js';
import { StanceRepository } from '../stance/stance.repository.js';
import type { ActorPage } from './domain/actor-page.js';
import { BOARD_LATEST_CLAIMS, type BoardWatch } from './domain/board-page.js';
import { CHART_BUCKETS, dayNumber, type ChartData } from './domain/timeline-chart.js';

/** How many claims each list of the `why` chain shows on an actor's page. */
const WHY_LIST_SIZE = 10;

/** One actor's chart counted from its timeline: marks naming a claim id where they stand for one. */
interface ActorChart {
  marks: BucketMark[];
  periods: BucketPeriodEnd[];
}

@Injectable()
export class BoardReads {
  constructor(
    private readonly queries: StanceQueries,
    private readonly repository: StanceRepository,
  ) {}

  /**
   * The last section read of each watch, and what it was read from (the watch and its actors'
   * timelines): a move that placed no claim of the watch leaves its section as it was. The board
   * read every watch again after any move; a miss now reads only the watch that moved.
   */
  private readonly sections = new Map<string, { from: readonly unknown[]; section: Promise<BoardWatch> }>();

  /** One watch's section of the board. */
  async watch(watchId: string): Promise<BoardWatch & { knownAtPosition: number }> {
    const { time, byActor } = await this.queries.timelinesNow(watchId);
    const from = [this.queries.listWatches().find((w) => w.id === watchId), ...byActor.keys(), ...byActor.values()];
    let known = this.sections.get(watchId);
    if (!known || known.from.length !== from.length || known.from.some((item, i) => item !== from[i])) {
      const section = this.section(watchId, byActor);
      known = { from, section };
      this.sections.set(watchId, known);
      section.catch(() => {
        if (this.sections.get(watchId)?.section === section) this.sections.delete(watchId);
      });
    }
    return { ...(await known.section), knownAtPosition: time.knownAtPosition };
  }

  private async section(watchId: string, byActor: ReadonlyMap<string, ActorTimeline>): Promise<BoardWatch> {
    const answer = await this.queries.stances(watchId);
    const cache = this.queries.timelineCache;
    const span = spanOf([...byActor.values()].map((t) => this.spanOf(t)));
    const unit = unitFor(span, CHART_BUCKETS.compact);
    const charts = new Map([...byActor].map(([actorId, t]) => [actorId, this.chartOf(t, unit, CHART_BUCKETS.compact)]));
    const latest = new Map(
      [...byActor].map(([actorId, t]) => [actorId, cache.history(t).slice(-BOARD_LATEST_CLAIMS).reverse()]),
    );
    const shown = [...charts.values()].flatMap((c) => markClaimIds(c.marks)).concat([...latest.values()].flat().map((h) => h.claim.claimId));
    const claimOf = await this.claimViews(shown);
    const latestByActor: BoardWatch['latest'] = new Map(
      [...latest].map(([actorId, entries]) => [actorId, entries.map((h) => ({ ...claimOf(h.claim.claimId)!, dropped: h.status !== 'active' }))]),
    );
    return {
      id: answer.watch,
      proposition: answer.proposition,
      stances: answer.stances,
      span,
      charts: new Map(answer.stances.map((s) => [s.actor, chartData(s.name, unit, charts.get(s.actor), claimOf)])),
      latest: latestByActor,
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
    const t = (await this.queries.timelinesNow(watchId)).byActor.get(actorId);
    const span = t ? this.spanOf(t) : null;
    const unit = unitFor(span, CHART_BUCKETS.large);
    const chart = t && this.chartOf(t, unit, CHART_BUCKETS.large);
    const claimOf = await this.claimViews(chart ? markClaimIds(chart.marks) : []);
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
      chart: chartData(history.name, unit, chart, claimOf),
      span,
      knownAtPosition: history.knownAtPosition,
    };
  }

  /** The claims named, looked up with their quotes and articles (two queries), as the pages show a claim. */
  private async claimViews(claimIds: readonly string[]) {
    const claims = await this.repository.claims(claimIds);
    const documents = await this.repository.documents([...claims.values()].flatMap((c) => (c.documentId ? [c.documentId] : [])));
    return (claimId: string) => {
      const claim = claims.get(claimId);
      return claim && claimView(claim, documents);
    };
  }

  private spanOf(t: ActorTimeline) {
    const cache = this.queries.timelineCache;
    return cache.memo(
      t,
      'span',
      () => saidOnSpan(cache.history(t)),
      (span, move) => extendSaidOnSpan(span, move.placed.map((claim) => ({ claim }))),
    );
  }

  private chartOf(t: ActorTimeline, unit: BucketUnit, buckets: number): ActorChart {
    const cache = this.queries.timelineCache;
    return cache.memo(
      t,
      `chart ${unit} ${buckets}`,
      () => ({ marks: bucketClaims(cache.history(t), t.changeAt, unit), periods: bucketPeriodEnds(cache.changes(t), unit, buckets) }),
      (chart, move) => {
        const periods = extendBucketPeriodEnds(chart.periods, cache.changes(t), unit, buckets, move.remarked);
        return periods && { marks: extendBucketClaims(chart.marks, cache.history(t), t.changeAt, unit, move.remarked), periods };
      },
    );
  }
}

/** The span covering every actor's (null without claims). */
function spanOf(spans: readonly ({ first: string; last: string } | null)[]): { first: string; last: string } | null {
  const known = spans.filter((s): s is { first: string; last: string } => s !== null);
  if (known.length === 0) return null;
  return { first: known.map((s) => s.first).sort()[0]!, last: known.map((s) => s.last).sort().at(-1)! };
}

function unitFor(span: { first: string; last: string } | null, buckets: number): BucketUnit {
  return bucketUnitFor(span ? dayNumber(span.last) - dayNumber(span.first) : 0, buckets);
}

function markClaimIds(marks: readonly BucketMark[]): string[] {
  return marks.flatMap((m) => (m.claimId ? [m.claimId] : []));
}

function chartData(
  name: string,
  unit: ChartData['unit'],
  chart: ActorChart | undefined,
  claimOf: (claimId: string) => ChartData['marks'][number]['claim'] | undefined,
): ChartData {
  const marks = chart?.marks ?? [];
  return {
    name,
    unit,
    marks: marks.map(({ claimId, ...counts }) => ({ ...counts, claim: (claimId && claimOf(claimId)) || null })),
    periodEnds: chart?.periods ?? [],
    claims: marks.reduce((sum, m) => sum + m.claims, 0),
  };
}

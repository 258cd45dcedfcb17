// Answers bounded by their page size, not by the log (issue 13 items 1 and 2), on both databases:
// cursor paging without gaps or repeats over a history of several pages (also while it grows),
// the board's and pages' sizes flat as the log grows,
// a fixed number of queries per watch on a cache miss, and none on a cache hit (a 304).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql, type KyselyPlugin } from 'kysely';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { until } from '../../test/support/until.js';
import { loadConfig } from '../config/config.js';
import { backends, type TestDatabase } from '../../test/support/test-database.js';
import { BoardReads } from '../board/board-reads.service.js';
import { boardMain } from '../board/domain/board-page.js';
import { actorMain } from '../board/domain/actor-page.js';
import { PublicLinks } from '../domain/public-links.js';
import type { Stance } from '../domain/vocabulary.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { AnswerCache } from './answer-cache.js';
import { analystClaim } from './domain/analyst-claim.js';
import { MAX_PAGE_SIZE, type PageRequest } from './domain/claim-page.js';
import { claimHistory, timelineFromRecords } from './domain/timeline.js';
import { StanceQueries } from './stance-queries.service.js';
import { StanceUpdates } from './stance-updates.js';
import { StanceRepository } from './stance.repository.js';

const STANCES: Stance[] = ['deny', 'neither', 'confirm'];
const ACTORS = ['russia', 'nato', 'usa'];
const links = new PublicLinks('');

/** Counts the statements sent through a Kysely instance (raw SQL included). */
function queryCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      counter.count += 1;
      return args.node;
    },
    async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
      return args.result;
    },
  };
  return counter;
}

describe.each(backends)('pages bounded by their size on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;
  let batch = 0;

  /**
   * Appends `count` analyst claims spread over 2023-2024 (several on one day, some only bounded
   * above, in every stance) in one append, and projects them.
   */
  const grow = async (count: number) => {
    batch += 1;
    const watch = p.watches.find(WATCH)!;
    const events = [];
    for (let i = 0; i < count; i++) {
      const dayNo = Date.UTC(2023, 0, 1) / 86_400_000 + ((i * 37 + batch * 11) % 700);
      const day = new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
      const saidOn = i % 5 === 0 ? { to: day } : day;
      const body = {
        watch: WATCH,
        actor: ACTORS[i % ACTORS.length],
        stance: STANCES[(Math.floor(i / ACTORS.length) * 2 + batch) % 3],
        saidOn,
        quote: `Generated statement ${batch}/${i} about the troops, long enough to weigh what a real quote weighs in a page.`,
        url: `https://news.example.org/${batch}/${i}`,
        analyst: 'ana',
      };
      events.push(analystClaim(body, watch, new Date(Date.UTC(2025, 0, 1, 0, 0, i))));
    }
    await p.store.append(`generated:${batch}`, events);
    await p.runner.catchUp();
  };

  /** Every claim id of an actor in claim order, from the fold: what paging must reproduce. */
  const allIds = async (actorId: string) => {
    const [records] = await p.stances.watchRecords(database.db, WATCH, { actorId });
    return claimHistory(timelineFromRecords(WATCH, actorId, records!.claims, records!.drops)).map((h) => h.claim.claimId);
  };

  beforeAll(async () => {
    ({ database, p } = await seededPipeline(kind));
    await grow(300); // russia: 100 claims beside the seeds' own, several pages of 25
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it(`pages through a history forwards and back without gaps or repeats, in claim order, on ${kind}`, async () => {
    const expected = await allIds('russia');
    expect(expected.length).toBeGreaterThan(4 * 25);
    const forward: string[] = [];
    let request: PageRequest = { limit: 25 };
    for (let guard = 0; guard < 20; guard++) {
      const page = await p.queries.history(WATCH, 'russia', {}, request);
      expect(page.claims.length).toBeLessThanOrEqual(25);
      forward.push(...page.claims.map((c) => c.claimId));
      if (!page.page.next) break;
      request = { limit: 25, after: page.page.next.after };
    }
    expect(forward).toEqual(expected);
    const backward: string[] = [];
    request = { limit: 25, before: expected.at(-1)! };
    backward.unshift(expected.at(-1)!);
    for (let guard = 0; guard < 20; guard++) {
      const page = await p.queries.history(WATCH, 'russia', {}, request);
      backward.unshift(...page.claims.map((c) => c.claimId));
      if (!page.page.prev) break;
      request = { limit: 25, before: page.page.prev.before };
    }
    expect(backward).toEqual(expected);
  });

  it(`sees every claim once when the history grows between pages, on ${kind}`, async () => {
    const before = new Set(await allIds('russia'));
    const seen: string[] = [];
    let request: PageRequest = { limit: 30 };
    for (let guard = 0; guard < 30; guard++) {
      const page = await p.queries.history(WATCH, 'russia', {}, request);
      seen.push(...page.claims.map((c) => c.claimId));
      if (guard === 1) await grow(60); // lands before and after the cursor
      if (!page.page.next) break;
      request = { limit: 30, after: page.page.next.after };
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    // What was read is in claim order, new claims included.
    const order = await allIds('russia');
    expect(seen).toEqual(order.filter((id) => seen.includes(id)));
  });

  it(`refuses a page larger than the maximum, and answers at most the maximum, on ${kind}`, async () => {
    const page = await p.queries.history(WATCH, 'russia', {}, { limit: 10_000 });
    expect(page.claims).toHaveLength(MAX_PAGE_SIZE);
    expect(page.counts.claims).toBeGreaterThan(MAX_PAGE_SIZE);
    await expect(p.queries.history(WATCH, 'russia', {}, { limit: 5, after: 'claim-nonexistent' })).rejects.toThrow(/no claim "claim-nonexistent"/);
  });

  it(`bounds every list of the why chain and says where each continues, on ${kind}`, async () => {
    const why = await p.queries.why(WATCH, 'russia', {}, 5);
    for (const list of ['reaffirmedBy', 'overrode', 'dropped'] as const) {
      expect(why[list].length).toBeLessThanOrEqual(5);
      expect(why.more[list] !== null).toBe(why.counts[list] > 5);
    }
    // The continuation of `overrode` holds only claims of other stances, before the first shown.
    const more = why.more.overrode!;
    const page = await p.queries.history(WATCH, 'russia', {}, { limit: 5, before: more.before! }, more);
    expect(page.claims.every((c) => c.stance !== why.stance && c.status === 'active')).toBe(true);
  });

  it(`keeps the board, the actor page and the answers the same size as the log grows, on ${kind}`, async () => {
    const reads = new BoardReads(p.queries, p.stances);
    const sizes = async () => {
      const board = boardMain([await reads.watch(WATCH)], links).length;
      const actor = actorMain(await reads.actorPage(WATCH, 'russia', { limit: 50 }, {}, links), links).length;
      const history = JSON.stringify(await p.queries.history(WATCH, 'russia')).length;
      const why = JSON.stringify(await p.queries.why(WATCH, 'russia')).length;
      const stances = JSON.stringify(await p.queries.stances(WATCH)).length;
      return { board, actor, history, why, stances };
    };
    // Until every chart bucket has its marks and every page is full, sizes grow; from then on
    // they must not, however many claims follow.
    await grow(900);
    const small = await sizes();
    await grow(1800);
    const large = await sizes();
    for (const key of Object.keys(small) as (keyof typeof small)[]) {
      expect({ key, size: large[key] }).toEqual({ key, size: expect.any(Number) });
      expect(large[key]).toBeLessThan(256 * 1024);
      // Counts and quotes vary a little; a list growing with the log would add kilobytes.
      expect(large[key]).toBeLessThan(small[key] * 1.1 + 2048);
    }
  }, 240_000);

  it(`reads a watch for the board with a fixed number of queries, however many claims, on ${kind}`, async () => {
    const counter = queryCounter();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    const repository = new StanceRepository(counted);
    const reads = new BoardReads(new StanceQueries(repository, new EventStoreRepository(counted), p.watches), repository);
    const queriesFor = async () => {
      const before = counter.count;
      await reads.watch(WATCH);
      return counter.count - before;
    };
    const first = await queriesFor();
    await grow(150);
    expect(await queriesFor()).toBe(first);
    expect(first).toBeLessThanOrEqual(12);
  }, 120_000);

  it(`reads a watch's board section again only after a move placed claims of the watch, on ${kind}`, async () => {
    const counter = queryCounter();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    const repository = new StanceRepository(counted);
    const freshReads = () => new BoardReads(new StanceQueries(repository, new EventStoreRepository(counted), p.watches), repository);
    const reads = freshReads();
    let before = counter.count;
    const first = await reads.watch(WATCH);
    const firstQueries = counter.count - before;
    before = counter.count;
    const again = await reads.watch(WATCH);
    // Only where the timelines stand is read: not the stances, quotes or articles again.
    expect(counter.count - before).toBeLessThan(firstQueries);
    expect(again).toEqual(first);
    await grow(3);
    const moved = await reads.watch(WATCH);
    expect({ ...moved, knownAtPosition: 0 }).not.toEqual({ ...first, knownAtPosition: 0 });
    expect(moved).toEqual(await freshReads().watch(WATCH));
  }, 120_000);

  it(`answers a cached answer without a query, 304 on its ETag, and renders again when the projection moves, on ${kind}`, async () => {
    const counter = queryCounter();
    const counted = { ...database, db: database.db.withPlugin(counter) };
    const events = new EventStoreRepository(counted);
    // Long enough that the second move below certainly comes within it.
    const readRefreshMs = 5_000;
    const updates = new StanceUpdates(events, p.runner, loadConfig({ READ_REFRESH_MS: String(readRefreshMs) }));
    const cache = new AnswerCache(updates);
    const queries = new StanceQueries(new StanceRepository(counted), events, p.watches);
    const render = async () => ({ status: 200, contentType: 'application/json', body: JSON.stringify(await queries.stances(WATCH)) });
    try {
      const first = await cache.serve('/stances', {}, render);
      expect(first.status).toBe(200);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const queriesBefore = counter.count;
      const again = await cache.serve('/stances', { ifNoneMatch: etag }, render);
      expect(again).toMatchObject({ status: 304, body: null });
      expect((await cache.serve('/stances', {}, render)).body).toBe(first.body);
      expect(counter.count).toBe(queriesBefore);
      // A new claim moves the projection: the next request renders the new answer.
      await grow(3);
      const renders = cache.renderCount;
      const fresh = await cache.serve('/stances', { ifNoneMatch: etag }, render);
      expect(cache.renderCount).toBe(renders + 1);
      expect(fresh.status).toBe(200);
      expect(fresh.headers.etag).not.toBe(etag);
      // A second move soon after: the answer is renewed once READ_REFRESH_MS has passed since the
      // last renewal, not before, and then shows it.
      const renewedAt = performance.now();
      await grow(2);
      const held = await cache.serve('/stances', {}, render);
      if (performance.now() - renewedAt < readRefreshMs) expect(held.body).toBe(fresh.body);
      const renewed = await until('the answer renewed after the second move', async () => {
        const answer = await cache.serve('/stances', {}, render);
        return answer.body !== fresh.body && answer;
      }, 3 * readRefreshMs);
      expect(performance.now() - renewedAt).toBeGreaterThanOrEqual(readRefreshMs - 50);
      expect(renewed.body).toBe(await render().then((answer) => answer.body));
    } finally {
      updates.onApplicationShutdown();
    }
  });

  it(`counts raw SQL statements too (the board reads are raw SQL), on ${kind}`, async () => {
    const counter = queryCounter();
    await sql`select 1`.execute(database.db.withPlugin(counter));
    expect(counter.count).toBe(1);
  });
});

// The read cache of folded timelines (timeline-cache.ts) on both databases: answers "now" from a
// cache moved forward claim by claim equal the answers of a fresh fold; a log that starts again
// under the same process (eval empties it between orders) is noticed, not answered from memory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { EvalDatabaseRepository } from '../eval/eval-database.repository.js';
import type { Stance } from '../domain/vocabulary.js';
import { analystClaim } from './domain/analyst-claim.js';
import { StanceQueries } from './stance-queries.service.js';

const STANCES: Stance[] = ['deny', 'neither', 'confirm'];

describe.each(backends)('the timeline cache on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;
  let n = 0;

  /** Logs one analyst claim of `actor` and projects it. */
  const claim = async (actor: string, stance: Stance, saidOn: string) => {
    n += 1;
    const event = analystClaim(
      { watch: WATCH, actor, stance, saidOn, quote: `Statement ${n} on the troops.`, url: `https://news.example.org/${n}`, analyst: 'ana' },
      p.watches.find(WATCH)!,
      new Date(Date.UTC(2025, 0, 1, 0, 0, n)),
    );
    await p.store.append(`cache-test:${n}`, [event]);
    await p.runner.catchUp();
    return event.data.claimId;
  };

  /** What a reader sees of an actor now: the history page, why, and the stance as of a day. */
  const answers = async (queries: StanceQueries, actor: string) => ({
    history: await queries.history(WATCH, actor, {}, { limit: 100 }),
    why: await queries.why(WATCH, actor),
    asOf: await queries.stances(WATCH, { asOf: '2024-06-15' }),
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    p = await createPipeline(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it(`answers each move as a fresh fold does, late claims and rejections included, on ${kind}`, async () => {
    const days = ['2024-03-01', '2024-07-10', '2024-05-20', '2024-01-02', '2024-06-15', '2024-06-15', '2024-02-11'];
    for (const [i, day] of days.entries()) {
      const claimId = await claim(i % 2 === 0 ? 'russia' : 'nato', STANCES[i % 3]!, day);
      if (i === 4) await p.corrections.reject(claimId, { reason: 'not a statement by the actor', analyst: 'ana' });
      await p.runner.catchUp();
      // p.queries keeps its cache across the moves; a new StanceQueries folds from nothing.
      const fresh = new StanceQueries(p.stances, p.events, p.watches);
      for (const actor of ['russia', 'nato']) {
        expect({ step: i, actor, ...(await answers(p.queries, actor)) }).toEqual({ step: i, actor, ...(await answers(fresh, actor)) });
      }
    }
    const page = await p.queries.history(WATCH, 'russia', {}, { limit: 100 });
    expect(page.claims.map((c) => c.status)).toContain('rejected');
    expect(page.claims.every((c) => c.quote.startsWith('Statement '))).toBe(true);
  });

  it(`notices a log that started again under the same process, on ${kind}`, async () => {
    const before = await p.queries.history(WATCH, 'russia');
    expect(before.claims.length).toBeGreaterThan(0);
    await new EvalDatabaseRepository(database).emptyAllTables();
    const only = await claim('russia', 'confirm', '2023-05-05');
    const after = await p.queries.history(WATCH, 'russia');
    expect(after.claims.map((c) => c.claimId)).toEqual([only]);
    expect(after.stance).toBe('confirm');
  });
});

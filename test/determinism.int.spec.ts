// DESIGN.md: the stances must not depend on the order documents arrive in. The seed fixtures are
// ingested in every one of their 5! = 120 orders, each into a fresh database on the Postgres
// server, through the whole pipeline; stances, histories and stance changes must be identical,
// claim ids and order included. Log positions are transaction time and legitimately differ, so
// they are the one thing left out of the comparison. Without a server (`npm test` on a machine
// with no TEST_DATABASE_URL) it runs on PGlite, where a fresh database costs seconds, over ten
// orders: each rotation of the seeds and its reverse, which puts every document first and last.
//
// The seeds never put two reports of one actor on the same day, precision and publication
// instant, which is where an order that fell back on log position (arrival order) went wrong.
// test/fixtures/same-day-conflicts holds four short reports written for that, on both backends.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { permutations } from '../src/stance/domain/russia-seed.fixture.js';
import { documentFromFixture } from '../src/sources/domain/article-document.js';
import { parseFixtureArticle } from '../src/sources/domain/fixture-article.js';
import { createPipeline, SEED_IDS, WATCH, type Pipeline } from './support/pipeline.js';
import type { DatabaseKind } from '../src/database/database.js';
import { backends, createTestDatabase, serverBackends } from './support/test-database.js';

const TRANSACTION_TIME = new Set(['position', 'knownAtPosition', 'changeKnownAtPosition', 'known_at_position', 'last_position']);

/** The answer with every log position taken out. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !TRANSACTION_TIME.has(k)).map(([k, v]) => [k, withoutPositions(v)]));
  }
  return value;
}

async function projectionIn(kind: DatabaseKind, order: readonly string[], ingest = (p: Pipeline) => p.ingestSeeds(order)) {
  const database = await createTestDatabase(kind);
  try {
    const p = await createPipeline(database);
    await ingest(p);
    await p.runner.catchUp();
    const stances = await p.queries.stances(WATCH);
    const histories = [];
    for (const { actor } of stances.stances) histories.push(await p.queries.history(WATCH, actor));
    const stored = await database.db
      .selectFrom('stance_changes')
      .selectAll()
      .orderBy('watch_id')
      .orderBy('actor_id')
      .orderBy('claim_id')
      .execute();
    const current = await database.db.selectFrom('stance_current').selectAll().orderBy('watch_id').orderBy('actor_id').execute();
    return withoutPositions({ stances, histories, stored, current });
  } finally {
    await database.close();
  }
}

/**
 * Projects each order in a database of its own and returns those whose answer differs from the
 * reference. On the server a few orders run at once: most of an order's time is spent waiting
 * on Postgres (creating and dropping its database, commits), not in this process.
 */
async function ordersDiffering(
  on: DatabaseKind,
  orders: readonly (readonly string[])[],
  reference: unknown,
  project: (order: readonly string[]) => Promise<unknown>,
): Promise<{ order: readonly string[]; difference: string }[]> {
  const differing: { order: readonly string[]; difference: string }[] = [];
  const queue = [...orders];
  const lanes = on === 'postgres' ? 4 : 1;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let order = queue.shift(); order; order = queue.shift()) {
        const answer = await project(order);
        try {
          expect(answer).toEqual(reference);
        } catch (error) {
          differing.push({ order, difference: (error as Error).message.slice(0, 2000) });
        }
      }
    }),
  );
  return differing;
}

function rotationsAndReverses(ids: readonly string[]): string[][] {
  const rotations = ids.map((_, i) => [...ids.slice(i), ...ids.slice(0, i)]);
  return [...rotations, ...rotations.map((order) => [...order].reverse())];
}

const kind: DatabaseKind = serverBackends[0] ?? 'pglite';
const orders = kind === 'postgres' ? permutations(SEED_IDS) : rotationsAndReverses(SEED_IDS);

describe(`ingestion order on ${kind}`, () => {
  it(`every one of ${orders.length} orders of the seeds gives the same stances, histories and stance changes`, async () => {
    expect(new Set(orders.map((order) => [...order].sort().join()))).toEqual(new Set([[...SEED_IDS].sort().join()])); // each a whole order
    expect(new Set(orders.map((order) => order.join())).size).toBe(kind === 'postgres' ? 120 : 10);
    const reference = await projectionIn(kind, orders[0]!);
    // A sanity check that the comparison compares something: Russia's three steps are there.
    const russia = (reference as { histories: { actor: string; changes: { to: string }[] }[] }).histories.find((h) => h.actor === 'russia')!;
    expect(russia.changes.map((c) => c.to)).toEqual(['deny', 'neither', 'confirm']);
    const differing = await ordersDiffering(kind, orders.slice(1), reference, (order) => projectionIn(kind, order));
    expect(differing.map(({ order, difference }) => `${order.map((id) => id.slice(0, 3)).join(' ')}: ${difference}`)).toEqual([]);
  }, 300_000);
});

// Each report states Russia's stance on 4 November (precision: day). a, b and c were published at
// the same instant (b with a +07:00 offset), d the evening before. What each says is written into
// the file; the stance each must yield is stated here, by its author, not read off the extractor.
const SAME_DAY_FOLDER = 'test/fixtures/same-day-conflicts';
const SAME_DAY_STANCES: Record<string, string> = {
  'a-denial': 'deny',
  'b-no-comment': 'neither',
  'c-confirmation': 'confirm',
  'd-earlier-report': 'deny',
};

/**
 * What DESIGN.md's order makes of the reports, computed from their front matter alone: by
 * publication instant, then document id; the stance changes are the runs of that sequence.
 */
function expectedSameDayOutcome() {
  const reports = readdirSync(SAME_DAY_FOLDER)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const id = name.replace(/\.md$/, '');
      const article = parseFixtureArticle(name, readFileSync(`${SAME_DAY_FOLDER}/${name}`, 'utf8'));
      return { id, instant: Date.parse(article.published), documentId: documentFromFixture('fixtures', id, article).documentId };
    })
    .sort((x, y) => x.instant - y.instant || (x.documentId < y.documentId ? -1 : 1));
  const stances = reports.map((r) => SAME_DAY_STANCES[r.id]!);
  return {
    instants: new Map(reports.map((r) => [r.id, r.instant])),
    changes: stances.filter((stance, i) => i === 0 || stances[i - 1] !== stance),
    final: stances.at(-1),
  };
}

for (const sameDayKind of backends) {
  describe(`same-day conflicting reports on ${sameDayKind}`, () => {
    const ids = Object.keys(SAME_DAY_STANCES);
    // 4! = 24 orders on the server; on PGlite, where a database costs seconds, the rotations, which
    // make each of the three same-instant reports arrive last among them at least once.
    const sameDayOrders = sameDayKind === 'postgres' ? permutations(ids) : ids.map((_, i) => [...ids.slice(i), ...ids.slice(0, i)]);

    it(`every one of ${sameDayOrders.length} orders gives the same history, changes and final stance, by publication time and document id`, async () => {
      const expected = expectedSameDayOutcome();
      // The case this covers: three reports at one instant (written two ways), on one day, with three stances.
      expect(new Set(['a-denial', 'b-no-comment', 'c-confirmation'].map((id) => expected.instants.get(id))).size).toBe(1);
      const project = (order: readonly string[]) => projectionIn(sameDayKind, order, (p) => p.ingestFolder(SAME_DAY_FOLDER, order));
      const reference = (await project(sameDayOrders[0]!)) as {
        stances: { stances: { actor: string; stance: string | null }[] };
        histories: { actor: string; changes: { to: string }[]; claims: { stance: string }[] }[];
      };
      const russia = reference.histories.find((h) => h.actor === 'russia')!;
      expect(russia.claims).toHaveLength(ids.length);
      expect(russia.changes.map((c) => c.to)).toEqual(expected.changes);
      expect(reference.stances.stances.find((s) => s.actor === 'russia')?.stance).toBe(expected.final);
      const differing = await ordersDiffering(sameDayKind, sameDayOrders.slice(1), reference, project);
      expect(differing.map(({ order, difference }) => `${order.join(' ')}: ${difference}`)).toEqual([]);
    }, 300_000);
  });
}

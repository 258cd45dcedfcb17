// DESIGN.md: the stances must not depend on the order documents arrive in. The seed fixtures are
// ingested in every one of their 5! = 120 orders, each into a fresh database on the Postgres
// server, through the whole pipeline; stances, histories and stance changes must be identical,
// claim ids and order included. Log positions are transaction time and legitimately differ, so
// they are the one thing left out of the comparison. Without a server (`npm test` on a machine
// with no TEST_DATABASE_URL) it runs on PGlite, where a fresh database costs seconds, over ten
// orders: each rotation of the seeds and its reverse, which puts every document first and last.
import { describe, expect, it } from '@jest/globals';
import { permutations } from '../src/stance/domain/russia-seed.fixture.js';
import { createPipeline, SEED_IDS, WATCH } from './support/pipeline.js';
import type { DatabaseKind } from '../src/database/database.js';
import { createTestDatabase, serverBackends } from './support/test-database.js';

const TRANSACTION_TIME = new Set(['position', 'knownAtPosition', 'changeKnownAtPosition', 'known_at_position', 'last_position']);

/** The answer with every log position taken out. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !TRANSACTION_TIME.has(k)).map(([k, v]) => [k, withoutPositions(v)]));
  }
  return value;
}

async function projectionIn(kind: DatabaseKind, order: readonly string[]) {
  const database = await createTestDatabase(kind);
  try {
    const p = await createPipeline(database);
    await p.ingestSeeds(order);
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
    const differing: string[] = [];
    for (const order of orders.slice(1)) {
      const answer = await projectionIn(kind, order);
      try {
        expect(answer).toEqual(reference);
      } catch (error) {
        differing.push(`${order.map((id) => id.slice(0, 3)).join(' ')}: ${(error as Error).message.slice(0, 2000)}`);
      }
    }
    expect(differing).toEqual([]);
  }, 300_000);
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, type TestDatabase } from '../../test/support/test-database.js';
import { STANCE_SUBSCRIPTION } from './stance-projection.js';

const gold = JSON.parse(readFileSync('fixtures/eval/dprk-troops-russia.gold.json', 'utf8')) as {
  final: Record<string, string>;
  as_of: { actor: string; on: string; stance: string }[];
};

/** Every projection row, in a stable order: what "the same rows" means. */
async function projectionRows(database: TestDatabase) {
  const db = database.db;
  return {
    documents: await db.selectFrom('stance_documents').selectAll().orderBy('document_id').execute(),
    claims: await db.selectFrom('stance_claims').selectAll().orderBy('claim_id').execute(),
    drops: await db.selectFrom('stance_claim_drops').selectAll().orderBy('position').execute(),
    changes: await db.selectFrom('stance_changes').selectAll().orderBy('watch_id').orderBy('actor_id').orderBy('claim_id').execute(),
    current: await db.selectFrom('stance_current').selectAll().orderBy('watch_id').orderBy('actor_id').execute(),
  };
}

describe.each(backends)('stance projection on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;

  beforeAll(async () => {
    ({ database, p } = await seededPipeline(kind));
  });
  afterAll(async () => {
    await database.close();
  });

  it("answers the gold file's final and as_of rows, with the claim behind each stance", async () => {
    const now = await p.queries.stances(WATCH);
    expect(now.knownAtPosition).toBe((await p.events.head()).position);
    expect(Object.fromEntries(now.stances.map((s) => [s.actor, s.stance]))).toMatchObject(gold.final);
    for (const s of now.stances.filter((s) => s.stance !== null)) {
      expect(s.latestClaim?.stance).toBe(s.stance);
      expect(s.since?.to).toBe(s.stance);
      expect(s.since?.claim.document?.outlet).toEqual(expect.any(String));
    }
    for (const row of gold.as_of) {
      const answer = await p.queries.stances(WATCH, { asOf: row.on });
      expect([row.actor, row.on, answer.stances.find((s) => s.actor === row.actor)?.stance]).toEqual([row.actor, row.on, row.stance]);
    }
  });

  it('reads Russia as deny -> neither (24 Oct 2024) -> confirm (26 Apr 2025), with the quotes behind each step', async () => {
    const history = await p.queries.history(WATCH, 'russia');
    expect(history.changes.map((c) => [c.from, c.to])).toEqual([
      [null, 'deny'],
      ['deny', 'neither'],
      ['neither', 'confirm'],
    ]);
    // Peskov's undated denial in 004 (published 22 Oct) is bounded by that day.
    expect(history.changes[0]!.effectiveOn.to <= '2024-10-22').toBe(true);
    expect(history.changes.slice(1).map((c) => c.effectiveOn.to)).toEqual(['2024-10-24', '2025-04-26']);
    expect(history.changes[1]!.claim.quote).toContain('kata Putin');
    expect(history.changes[2]!.claim.quote).toContain('Pada 26 April');
    expect(history.changes[2]!.claim.document?.outlet).toBe('Dadunation');
    // The stored change rows are the ones the fold gives.
    const stored = await p.queries.storedChanges(WATCH, 'russia');
    expect(stored.map((c) => c.claimId).sort()).toEqual(history.changes.map((c) => c.claim.claimId).sort());
    expect(history.claims.length).toBeGreaterThanOrEqual(history.changes.length);
  });

  it('shows in the history and the why chain the revisions of the watch file and language packs that read each claim', async () => {
    // Content hashes of the files as they are on disk now, which are the ones the pipeline loaded.
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
    const watchRevision = sha('fixtures/watches/dprk-troops-russia.yaml');
    const packsRevision = createHash('sha256')
      .update(['en', 'id'].map((code) => `${code}:${sha(`fixtures/languages/${code}.yaml`)}`).join('\n'))
      .digest('hex')
      .slice(0, 16);
    const history = await p.queries.history(WATCH, 'russia');
    expect(history.claims.length).toBeGreaterThan(0);
    for (const claim of history.claims) expect([claim.watchRevision, claim.packsRevision]).toEqual([watchRevision, packsRevision]);
    const why = await p.queries.why(WATCH, 'russia');
    expect(why.producedBy).toMatchObject({ watchRevision, packsRevision });
  });

  it('answers as known at an earlier log position exactly as a replay into a scratch schema does', async () => {
    const claims = await p.events.readAll(0, { types: ['ClaimRecorded'], limit: 1000 });
    const positions = [0, claims[0]!.position, claims[Math.floor(claims.length / 2)]!.position, (await p.events.head()).position];
    for (const position of positions) {
      const known = await p.queries.stances(WATCH, { knownAt: { position } });
      const replayed = await p.projection.replay(position, (trx) => p.queries.stances(WATCH, {}, trx));
      expect(replayed).toEqual(known);
    }
    // The replay left the live projection alone.
    expect(await p.events.checkpoint(STANCE_SUBSCRIPTION)).toBe((await p.events.head()).position);
    const before = await p.queries.stances(WATCH, { knownAt: { position: 0 } });
    expect(before.stances.every((s) => s.stance === null)).toBe(true);
  });

  it('a rejected claim drops out of the stance, its reason and who visible in the history and why', async () => {
    const before = await p.queries.history(WATCH, 'russia');
    const confirm = before.changes.at(-1)!.claim;
    const result = await p.corrections.reject(confirm.claimId, { reason: 'misattributed: the sentence is about Kursk', analyst: 'ana' });
    expect(result.duplicate).toBe(false);
    expect((await p.corrections.reject(confirm.claimId, { reason: 'again', analyst: 'bo' })).duplicate).toBe(true);
    await p.runner.catchUp();

    const after = await p.queries.history(WATCH, 'russia');
    const rejected = after.claims.find((c) => c.claimId === confirm.claimId)!;
    expect(rejected.status).toBe('rejected');
    expect(rejected.drops).toEqual([{ kind: 'rejected', reason: 'misattributed: the sentence is about Kursk', by: 'analyst:ana', position: result.position }]);
    expect(after.changes.map((c) => c.claim.claimId)).not.toContain(confirm.claimId);
    const why = await p.queries.why(WATCH, 'russia');
    expect(why.dropped.map((d) => d.claimId)).toContain(confirm.claimId);
    // Known at the position before the rejection, the claim still counted.
    const earlier = await p.queries.history(WATCH, 'russia', { knownAt: { position: result.position - 1 } });
    expect(earlier.claims.find((c) => c.claimId === confirm.claimId)?.status).toBe('active');
    await expect(p.corrections.reject('claim-does-not-exist', { reason: 'x', analyst: 'ana' })).rejects.toThrow(/no claim/);
  });

  it("an analyst's claim counts like an extracted one, once", async () => {
    const body = { watch: WATCH, actor: 'russia', stance: 'deny', saidOn: '2025-06-01', quote: 'Moscow now denies it again.', url: 'https://example.org/a', analyst: 'ana' };
    const first = await p.corrections.record(body);
    expect((await p.corrections.record(body)).duplicate).toBe(true);
    await p.runner.catchUp();
    const russia = (await p.queries.stances(WATCH)).stances.find((s) => s.actor === 'russia')!;
    expect(russia).toMatchObject({ stance: 'deny', since: { from: 'confirm', to: 'deny', claim: { claimId: first.claimId, document: null } } });
    // Valid time before the analyst's day is untouched.
    expect((await p.queries.stances(WATCH, { asOf: '2025-05-01' })).stances.find((s) => s.actor === 'russia')?.stance).toBe('confirm');
  });

  it('a rebuild reproduces the live rows exactly, checkpoint included', async () => {
    const live = await projectionRows(database);
    expect(live.claims.length).toBeGreaterThan(10);
    expect(live.drops.length).toBeGreaterThan(0);
    const checkpoint = await p.events.checkpoint(STANCE_SUBSCRIPTION);
    const result = await p.projection.rebuild();
    expect(result.position).toBe(checkpoint);
    expect(await projectionRows(database)).toEqual(live);
    expect(await p.events.checkpoint(STANCE_SUBSCRIPTION)).toBe(checkpoint);
  });

  it('rebuilds again and again into fresh files: nothing left behind for the next rebuild to wade through', async () => {
    // What a rebuild leaves: each projection table's file and its size with indexes.
    const footprint = async () =>
      (
        await sql<{ file: string; bytes: string }>`
          select pg_relation_filenode(c.oid)::text as file, pg_total_relation_size(c.oid)::text as bytes
          from pg_class c
          where c.relname in ('stance_documents', 'stance_claims', 'stance_claim_drops', 'stance_changes', 'stance_current')
            and c.relnamespace = 'public'::regnamespace
          order by c.relname`.execute(database.db)
      ).rows;
    const live = await projectionRows(database);
    await p.projection.rebuild();
    const first = await footprint();
    await p.projection.rebuild();
    await p.projection.rebuild();
    const third = await footprint();
    expect(await projectionRows(database)).toEqual(live);
    // New files each time (DELETE would keep the files and fill them with dead rows) of the same size.
    for (const [i, table] of third.entries()) expect(table.file).not.toBe(first[i]!.file);
    expect(third.map((t) => t.bytes)).toEqual(first.map((t) => t.bytes));
  });

  it('unknown watches and actors are errors, not empty answers', async () => {
    await expect(p.queries.stances('no-such-watch')).rejects.toThrow(/no watch "no-such-watch"/);
    await expect(p.queries.history(WATCH, 'atlantis')).rejects.toThrow(/has no actor "atlantis"/);
  });
});

// Each feed's version carries how many entries the feed has (feed_versions.entries), so that its
// subscription document reads only its newest entries. Migration 0012 counts them for feeds that
// existed before it; the projection keeps the count as it announces. Both are checked against
// the entries counted from the announcement log with `feedsOf`, on both databases.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql, type Kysely } from 'kysely';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { migrateToLatest } from '../database/migrations.js';
import type { Tables } from '../database/schema.js';
import { feedsOf, type AnnouncementDraft } from '../stance/domain/announcements.js';

type Announced = Pick<AnnouncementDraft, 'kind' | 'watchId' | 'actorId'>;

/** Per feed, how many of the announcements are its entries. */
function expectedCounts(announcements: readonly Announced[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const announcement of announcements) for (const feed of feedsOf(announcement)) counts[feed] = (counts[feed] ?? 0) + 1;
  return counts;
}

async function storedCounts(db: Kysely<Tables>): Promise<Record<string, number>> {
  const { rows } = await sql<{ feed: string; entries: string | number }>`select feed, entries from feed_versions`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.feed, Number(r.entries)]));
}

describe.each(backends)('feed entry counts on %s', (kind) => {
  it(`are counted by migration 0012 for feeds announced before it, on ${kind}`, async () => {
    const database: TestDatabase = await createTestDatabase(kind);
    const db = database.db;
    try {
      // Back to the schema before 0012, with announcements written as 0010 wrote them.
      await sql`drop index feed_announcements_alert`.execute(db);
      await sql`drop index stance_alerts_claim`.execute(db);
      await sql`delete from kysely_migration where name = '0013_lookup_indexes'`.execute(db);
      await sql`drop index feed_announcements_watch_changes`.execute(db);
      await sql`alter table feed_versions drop column entries`.execute(db);
      await sql`delete from kysely_migration where name = '0012_feed_entry_counts'`.execute(db);
      const announcements: Announced[] = [
        { kind: 'change', watchId: 'w1', actorId: 'a1' },
        { kind: 'claim', watchId: 'w1', actorId: 'a1' },
        { kind: 'change', watchId: 'w1', actorId: 'a2' },
        { kind: 'correction', watchId: 'w1', actorId: 'a1' },
        { kind: 'claim', watchId: 'w2', actorId: 'a1' },
        { kind: 'withdrawal', watchId: 'w2', actorId: 'a1' },
        { kind: 'claim-dropped', watchId: 'w1', actorId: 'a2' },
        { kind: 'claim', watchId: 'w1', actorId: 'a2' },
      ];
      const newest = new Map<string, number>();
      for (const [i, a] of announcements.entries()) {
        const { rows } = await sql<{ announcement_id: string | number }>`
          insert into feed_announcements (kind, watch_id, actor_id, claim_id, position, announced_at, changed_current)
          values (${a.kind}, ${a.watchId}, ${a.actorId}, ${`claim-${i}`}, ${i + 1}, ${new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString()}::timestamptz, false)
          returning announcement_id`.execute(db);
        for (const feed of feedsOf(a)) newest.set(feed, Number(rows[0]!.announcement_id));
      }
      for (const [feed, id] of newest) {
        await sql`insert into feed_versions (feed, announcement_id, last_modified) values (${feed}, ${id}, now())`.execute(db);
      }

      expect((await migrateToLatest(db)).applied).toEqual(['0012_feed_entry_counts', '0013_lookup_indexes']);
      expect(await storedCounts(db)).toEqual(expectedCounts(announcements));
    } finally {
      await database.close();
    }
  });

  describe(`kept by the projection, on ${kind}`, () => {
    let database: TestDatabase;
    let p: Pipeline;
    beforeAll(async () => {
      ({ database, p } = await seededPipeline(kind));
    });
    afterAll(async () => {
      await database?.close();
    });

    it(`matches the entries announced, through new claims, a change and a rejection, on ${kind}`, async () => {
      const analyst = { watch: WATCH, actor: 'russia', quote: 'A statement for the count.', url: 'https://example.org/count', analyst: 'ana' };
      await p.corrections.record({ ...analyst, stance: 'confirm', saidOn: '2025-12-01' });
      const { claimId } = await p.corrections.record({ ...analyst, stance: 'deny', saidOn: '2025-12-02' });
      await p.runner.catchUp();
      await p.corrections.reject(claimId, { reason: 'misread', analyst: 'ana' });
      await p.runner.catchUp();

      const { rows } = await sql<{ kind: AnnouncementDraft['kind']; watch_id: string; actor_id: string }>`
        select kind, watch_id, actor_id from feed_announcements`.execute(database.db);
      expect(rows.length).toBeGreaterThan(0);
      const counts = expectedCounts(rows.map((r) => ({ kind: r.kind, watchId: r.watch_id, actorId: r.actor_id })));
      expect(Object.keys(counts)).toEqual(expect.arrayContaining(['changes', `watch-claims:${WATCH}`, `actor-changes:${WATCH}:russia`]));
      expect(await storedCounts(database.db)).toEqual(counts);
    });
  });
});

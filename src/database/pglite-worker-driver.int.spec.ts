// The Kysely dialect for PGlite in a worker thread: what the repositories rely on from a
// connection to Postgres must hold across the thread boundary.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { StreamVersionConflictError } from '../event-store/domain/event.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { EventStore } from '../event-store/event-store.service.js';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrations.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PGlite in a worker thread', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: 'memory://', pgliteInWorker: true });
    await migrateToLatest(database.db);
    await sql`create table scratch (n int)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps a transaction to itself: a query from outside waits for its commit and never sees it half done', async () => {
    const seen: string[] = [];
    const writing = database.db.transaction().execute(async (trx) => {
      await sql`insert into scratch values (1)`.execute(trx);
      await sleep(150);
      await sql`insert into scratch values (2)`.execute(trx);
      seen.push('committing');
    });
    await sleep(30);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from scratch`.execute(database.db);
    seen.push(`outside saw ${rows[0]!.n}`);
    await writing;
    expect(seen).toEqual(['committing', 'outside saw 2']);
  });

  it('rolls back a transaction whose work throws, and goes on serving', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into scratch values (3)`.execute(trx);
        throw new Error('the unit failed');
      }),
    ).rejects.toThrow('the unit failed');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from scratch where n = 3`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
  });

  it("hands Postgres's error fields across the thread, so the event store still tells a conflict apart", async () => {
    const store = new EventStore(new EventStoreRepository(database));
    await store.append('worker-stream', [{ type: 'Note', data: { n: 1 } }], { expectedVersion: 'no_stream' });
    await expect(store.append('worker-stream', [{ type: 'Note', data: { n: 2 } }], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(
      StreamVersionConflictError,
    );
    await expect(sql`select 1 / 0`.execute(database.db)).rejects.toMatchObject({ code: '22012' });
  });

  it('returns dates, json and int8 as the main-thread dialect does', async () => {
    const { rows } = await sql<{ at: Date; doc: unknown; big: number }>`
      select timestamptz '2025-04-26 10:00:00+00' as at, '{"stance": "confirm"}'::jsonb as doc, 9007199254740::int8 as big
    `.execute(database.db);
    // A Date of this realm in the service; under jest's module sandbox it is the outer realm's Date.
    expect(Object.prototype.toString.call(rows[0]!.at)).toBe('[object Date]');
    expect(rows[0]!.at.toISOString()).toBe('2025-04-26T10:00:00.000Z');
    expect(rows[0]!.doc).toEqual({ stance: 'confirm' });
    expect(rows[0]!.big).toBe(9007199254740);
  });
});

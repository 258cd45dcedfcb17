import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { backends, createTestDatabase, serverBackends, type TestDatabase } from '../../test/support/test-database.js';
import { StreamVersionConflictError, type NewEvent } from './domain/event.js';
import { EventStoreRepository } from './event-store.repository.js';
import { EventStore } from './event-store.service.js';
import { LeaderLockRepository } from './leader-lock.repository.js';
import { LogVerifier } from './log-verifier.service.js';
import { CheckpointMovedError, SubscriptionRunner, type EventSubscriber } from './subscription-runner.js';

function claimEvent(n: number): NewEvent {
  return {
    type: 'ClaimRecorded',
    data: {
      claimId: `claim-${n}`,
      watchId: 'dprk-troops-russia',
      actorId: 'russia',
      stance: 'deny',
      evidence: { sentence: `Kremlin sebelumnya membantah laporan “berita palsu” #${n}`, start: n, end: n + 40, cues: ['membantah'] },
    },
    metadata: { causationId: randomUUID() },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('event store on %s', (kind) => {
  let database: TestDatabase;
  let repository: EventStoreRepository;
  let store: EventStore;
  let verifier: LogVerifier;
  let leaderLocks: LeaderLockRepository;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    repository = new EventStoreRepository(database);
    store = new EventStore(repository);
    verifier = new LogVerifier(repository);
    leaderLocks = new LeaderLockRepository(database);
  });

  afterAll(async () => {
    await leaderLocks.onApplicationShutdown();
    await database.close();
  });

  it('appends with expected versions and reads the stream back in order', async () => {
    const stream = `doc-${randomUUID()}`;
    const first = await store.append(stream, [claimEvent(1), claimEvent(2)], { expectedVersion: 'no_stream' });
    expect(first.streamVersion).toBe(2);
    expect(first.positions[1]).toBe(first.positions[0]! + 1);
    const second = await store.append(stream, [claimEvent(3)], { expectedVersion: 2 });
    expect(second.streamVersion).toBe(3);

    const events = await repository.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(events.map((e) => (e.data as { claimId: string }).claimId)).toEqual(['claim-1', 'claim-2', 'claim-3']);
    expect(events[0]!.recordedAt).toBeInstanceOf(Date);
  });

  it('rejects a stale expected version with a typed error that names the actual version', async () => {
    const stream = `doc-${randomUUID()}`;
    await store.append(stream, [claimEvent(1)]);
    const attempt = store.append(stream, [claimEvent(2)], { expectedVersion: 0 });
    await expect(attempt).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append(stream, [claimEvent(2)], { expectedVersion: 5 })).rejects.toMatchObject({
      actualVersion: 1,
      expectedVersion: 5,
    });
    expect(await repository.readStream(stream)).toHaveLength(1);
  });

  it('returns the original positions for a replayed idempotency key and writes nothing', async () => {
    const stream = `doc-${randomUUID()}`;
    const key = `poll:${randomUUID()}`;
    const original = await store.append(stream, [claimEvent(1), claimEvent(2)], { idempotencyKey: key });
    const headBefore = await repository.head();
    // A retried job even with a stale expected version must get the original answer back.
    const replay = await store.append(stream, [claimEvent(1), claimEvent(2)], { idempotencyKey: key, expectedVersion: 0 });
    expect(replay).toEqual({ positions: original.positions, streamVersion: 2, duplicate: true });
    expect((await repository.head()).position).toBe(headBefore.position);
  });

  it('appends a batch of 1,000 events in one transaction with contiguous positions', async () => {
    const stream = `batch-${randomUUID()}`;
    const result = await store.append(stream, Array.from({ length: 1000 }, (_, i) => claimEvent(i)));
    expect(result.positions).toHaveLength(1000);
    expect(result.positions.at(-1)! - result.positions[0]!).toBe(999);
    const events = await repository.readAll(result.positions[0]! - 1, { limit: 1000 });
    expect(events.every((e) => e.streamId === stream)).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the events table, even for its owner', async () => {
    await store.append(`doc-${randomUUID()}`, [claimEvent(1)]);
    await expect(sql`update events set type = 'Tampered'`.execute(database.db)).rejects.toThrow(
      /append-only: UPDATE on events is refused/,
    );
    await expect(sql`delete from events`.execute(database.db)).rejects.toThrow(/append-only: DELETE on events is refused/);
    await expect(sql`truncate events`.execute(database.db)).rejects.toThrow(/append-only: TRUNCATE on events is refused/);
  });

  it('chains every row, whoever inserts it, and verify recomputes the same hashes outside the database', async () => {
    // An insert that bypasses append_events still gets its position and hash from the trigger.
    await sql`insert into events (stream_id, stream_version, event_id, type, data)
              values (${`raw-${randomUUID()}`}, 1, ${randomUUID()}, 'Note', ${JSON.stringify({ text: 'Ünïcödé “quotes” 北朝鮮 \u2028' })}::jsonb)`.execute(
      database.db,
    );
    const result = await verifier.verify();
    expect(result.problem).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe((await repository.head()).position);
  });

  it('delivers events to a subscriber with its checkpoint moved in the same transaction', async () => {
    const runner = new SubscriptionRunner(repository, store, leaderLocks);
    const seen: number[] = [];
    let failOnce = true;
    const subscriber: EventSubscriber = {
      subscriptionName: `test-${randomUUID()}`,
      batchSize: 50,
      async handle(events, trx) {
        await sql`create table if not exists subscriber_rows (position bigint primary key)`.execute(trx);
        for (const e of events) await sql`insert into subscriber_rows values (${e.position})`.execute(trx);
        if (failOnce) {
          failOnce = false;
          throw new Error('handler crashed mid-batch');
        }
        seen.push(...events.map((e) => e.position));
      },
    };
    await expect(runner.processNextBatch(subscriber)).rejects.toThrow('handler crashed mid-batch');
    expect(await repository.checkpoint(subscriber.subscriptionName)).toBe(0);

    const handled = await runner.catchUp(subscriber);
    const head = await repository.head();
    expect(handled).toBe(head.position);
    expect(seen).toEqual(Array.from({ length: head.position }, (_, i) => i + 1));
    expect(await repository.checkpoint(subscriber.subscriptionName)).toBe(head.position);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from subscriber_rows`.execute(database.db);
    expect(rows[0]!.n).toBe(head.position); // the failed batch's rows were rolled back with it
    await sql`drop table subscriber_rows`.execute(database.db);
  });

  it('catches up subscribers that feed each other, whatever order they registered in', async () => {
    const runner = new SubscriptionRunner(repository, store, leaderLocks);
    const tag = randomUUID();
    const reactions: number[] = [];
    // Registered first, it reads what the second one appends.
    runner.register({
      subscriptionName: `reader-${tag}`,
      eventTypes: [`Reaction-${tag}`],
      async handle(events) {
        reactions.push(...events.map((e) => e.position));
      },
    });
    runner.register({
      subscriptionName: `reactor-${tag}`,
      eventTypes: [`Cause-${tag}`],
      async handle(events, trx) {
        for (const e of events) await store.append(`reactions-${tag}`, [{ type: `Reaction-${tag}`, data: { of: e.position } }], {}, trx);
      },
    });
    await store.append(`causes-${tag}`, [{ type: `Cause-${tag}`, data: {} }, { type: `Cause-${tag}`, data: {} }]);
    await runner.catchUp();
    expect(reactions).toHaveLength(2);
  });

  it('lets only one of two runners of the same subscriber move its checkpoint', async () => {
    await store.append(`doc-${randomUUID()}`, [claimEvent(1)]);
    const name = `race-${randomUUID()}`;
    const slowHandler: EventSubscriber = {
      subscriptionName: name,
      async handle() {
        await sleep(200);
      },
    };
    const runnerA = new SubscriptionRunner(repository, store, leaderLocks);
    const runnerB = new SubscriptionRunner(repository, store, leaderLocks);
    const outcomes = await Promise.allSettled([runnerA.processNextBatch(slowHandler), runnerB.processNextBatch(slowHandler)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(CheckpointMovedError);
  });

  it('gives a leader lock to one holder at a time and to the next once released', async () => {
    const name = `leader-${randomUUID()}`;
    const first = await leaderLocks.tryAcquire(name);
    expect(first?.held).toBe(true);
    const otherInstance = new LeaderLockRepository(database);
    expect(await otherInstance.tryAcquire(name)).toBeNull();
    await first!.release();
    const second = await otherInstance.tryAcquire(name);
    expect(second?.held).toBe(true);
    await otherInstance.onApplicationShutdown();
  });

  it('serialises concurrent appenders to one stream: exactly one wins each version', async () => {
    const stream = `contended-${randomUUID()}`;
    for (let version = 0; version < 10; version++) {
      const attempts = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => store.append(stream, [claimEvent(i)], { expectedVersion: version })),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const failed of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) {
        expect(failed.reason).toBeInstanceOf(StreamVersionConflictError);
      }
    }
    expect((await repository.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('never lets a tailing subscriber skip an event committed late by a concurrent writer', async () => {
    const start = (await repository.head()).position;
    const runner = new SubscriptionRunner(repository, store, leaderLocks);
    const seen: number[] = [];
    const tail: EventSubscriber = {
      subscriptionName: `tail-${randomUUID()}`,
      eventTypes: ['ClaimRecorded'],
      async handle(events) {
        seen.push(...events.map((e) => e.position));
      },
    };
    // Start the tail at the current head, as a subscriber that was already caught up would be.
    await database.db.transaction().execute((trx) => repository.advanceCheckpoint(trx, tail.subscriptionName, 0, start));

    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 5; i++) {
          await database.db.transaction().execute(async (trx) => {
            await store.append(`writer-${w}-${randomUUID()}`, [claimEvent(i), claimEvent(i + 1)], {}, trx);
            await sleep(Math.floor(Math.random() * 30)); // commit late, on purpose
          });
        }
      })(),
    );
    let writing = true;
    const done = Promise.all(writers).finally(() => (writing = false));
    while (writing) {
      await runner.processNextBatch(tail);
      await sleep(5);
    }
    await done;
    await runner.catchUp(tail);

    const expected = Array.from({ length: 80 }, (_, i) => start + i + 1);
    expect(seen).toEqual(expected); // every event once, in log order
  });

  it('verify names the first changed, removed or reordered event after a superuser edit', async () => {
    const stream = `tamper-${randomUUID()}`;
    const { positions } = await store.append(stream, [claimEvent(1), claimEvent(2), claimEvent(3), claimEvent(4)]);
    const [p1, p2, p3, p4] = positions as [number, number, number, number];
    expect((await verifier.verify()).ok).toBe(true);
    const head = await repository.head();

    const behindTheTrigger = async (statement: string) =>
      database.superuser(
        `alter table events disable trigger user; ${statement}; alter table events enable trigger user;`.replace(/; /g, ';\n'),
      );

    // Changed: the stance of one claim flipped.
    await behindTheTrigger(`update events set data = jsonb_set(data, '{stance}', '"confirm"') where position = ${p2}`);
    let result = await verifier.verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ position: p2, kind: 'content-changed' });
    await behindTheTrigger(`update events set data = jsonb_set(data, '{stance}', '"deny"') where position = ${p2}`);
    expect((await verifier.verify()).ok).toBe(true);

    // Reordered: two events swap places (content and hashes moved together).
    await behindTheTrigger(
      `update events set position = -position where position in (${p3}, ${p4});
       update events set position = ${p4} where position = -${p3};
       update events set position = ${p3} where position = -${p4}`,
    );
    result = await verifier.verify();
    expect(result.problem).toMatchObject({ position: p3 });
    expect(result.problem!.kind).toMatch(/broken-link|content-changed/);

    // Removed: one event deleted.
    await behindTheTrigger(`delete from events where position = ${p1}`);
    result = await verifier.verify();
    expect(result.problem).toMatchObject({ position: p1, kind: 'missing-events' });

    // Removed at the end: the chain before it is intact, so only a recorded head shows it.
    await behindTheTrigger(`delete from events where position >= ${p1}`);
    expect((await verifier.verify()).ok).toBe(true);
    result = await verifier.verify({ expectedHead: { position: head.position, hash: head.hash! } });
    expect(result.problem).toMatchObject({ position: head.position, kind: 'missing-events' });
  });

  // What two processes on one embedded data folder left behind: positions written twice, and skipped.
  it('verify names the first duplicated or skipped log position', async () => {
    const stream = `positions-${randomUUID()}`;
    const { positions } = await store.append(stream, [claimEvent(1), claimEvent(2), claimEvent(3)]);
    const [q1, q2, q3] = positions as [number, number, number];
    const secondId = (await repository.readStream(stream))[1]!.eventId;
    expect((await verifier.verify()).ok).toBe(true);
    const asSuperuser = (statement: string) =>
      database.superuser(`alter table events disable trigger user;\n${statement};\nalter table events enable trigger user;`);

    await asSuperuser(`alter table events drop constraint events_pkey;\nupdate events set position = ${q1} where position = ${q2}`);
    let result = await verifier.verify();
    expect(result.problem).toMatchObject({ position: q1, kind: 'duplicate-position' });
    expect(result.problem!.detail).toContain(secondId);

    await asSuperuser(`update events set position = ${q2} where event_id = '${secondId}';\nupdate events set position = ${q3 + 1} where position = ${q3}`);
    result = await verifier.verify();
    expect(result.problem).toMatchObject({ position: q3, kind: 'missing-events' });
  });
});

// A plain loop: describe.each refuses the empty table of a run without a server.
for (const kind of serverBackends) describe(`event store privileges on ${kind}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lets the application role read and append, but not update or delete, the log', async () => {
    const role = `app_${randomUUID().slice(0, 8)}`;
    await database.superuser(`create role ${role} login in role stance_monitor_app`);
    const url = new URL(database.url!);
    url.username = role;
    url.password = '';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`select * from append_events('priv', null, null, $1::jsonb)`, [
        JSON.stringify([{ eventId: randomUUID(), type: 'Note', data: {} }]),
      ]);
      const { rows } = await client.query('select count(*)::int as n from events');
      expect(rows[0].n).toBe(1);
      // Even with the trigger out of the way, the role itself may not change or remove events.
      await expect(client.query('alter table events disable trigger user')).rejects.toThrow(/must be owner/);
      await expect(client.query(`update events set type = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(client.query('delete from events')).rejects.toThrow(/permission denied/);
      await expect(client.query('truncate events')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
      await database.superuser(`drop owned by ${role}; drop role ${role}`);
    }
  });
});

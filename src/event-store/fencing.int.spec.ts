// Fencing (README, "Several instances"): a subscription batch commits only while its runner's
// leader lock is held. Two instances run one subscriber while the lock's session is killed again
// and again; each committed batch records which instance ran it and which session held the lock
// at that moment, and they must always agree.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestDatabase, serverBackends } from '../../test/support/test-database.js';
import { until } from '../../test/support/until.js';
import type { AppConfig } from '../config/config.js';
import { EventStoreRepository } from './event-store.repository.js';
import { EventStore } from './event-store.service.js';
import { LeaderLockRepository } from './leader-lock.repository.js';
import { SubscriptionRunner } from './subscription-runner.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface UnitRow {
  unit: number;
  instance: string;
  holder_name: string | null;
  holder_pid: number | null;
  from_position: number;
  to_position: number;
}

// A plain loop: describe.each refuses the empty table of a run without a server.
for (const kind of serverBackends) describe(`fencing on ${kind}`, () => {
  it('commits no batch under a lost lock while lock sessions are killed again and again on postgres', async () => {
    const database = await createTestDatabase(kind);
    const repository = new EventStoreRepository(database);
    const store = new EventStore(repository);
    const name = `fenced-${randomUUID().slice(0, 8)}`;
    const role = `subscription:${name}`;
    await database.superuser(
      `create table fenced_units (unit serial primary key, instance text not null, holder_name text, holder_pid int,
         from_position bigint not null, to_position bigint not null)`,
    );
    const instances = ['instance-a', 'instance-b'].map((instanceId) => {
      const locks = new LeaderLockRepository(database, { instanceId } as AppConfig);
      const runner = new SubscriptionRunner(repository, store, locks);
      runner.register({
        subscriptionName: name,
        batchSize: 5,
        async handle(events, trx) {
          await sleep(15); // a batch takes a while, so that kills land inside batches too
          await sql`
            insert into fenced_units (instance, holder_name, holder_pid, from_position, to_position)
            select ${instanceId}, a.application_name, l.pid, ${events[0]!.position}, ${events.at(-1)!.position}
            from (select 1) one
            left join pg_locks l on l.locktype = 'advisory' and l.classid = 7301 and l.objid = hashtext(${role})::oid and l.granted
            left join pg_stat_activity a on a.pid = l.pid
          `.execute(trx);
        },
      });
      return { locks, runner };
    });
    try {
      for (const { runner } of instances) runner.start({ pollIntervalMs: 20, leaderRetryMs: 30 });
      const writing = (async () => {
        for (let i = 0; i < 80; i++) {
          await store.append(`fenced-${i}`, [1, 2, 3].map((n) => ({ type: 'Note', data: { i, n } })));
          await sleep(25);
        }
      })();
      let kills = 0;
      while (kills < 12) {
        await sleep(150);
        const { rows } = await sql<{ killed: boolean }>`
          select pg_terminate_backend(pid) as killed from pg_locks
          where locktype = 'advisory' and classid = 7301 and objid = hashtext(${role})::oid and granted
        `.execute(database.db);
        if (rows.some((row) => row.killed)) kills++;
      }
      await writing;
      const head = (await repository.head()).position;
      await until('both instances idle at the head', async () => (await repository.checkpoint(name)) === head, 30_000);
    } finally {
      for (const { runner, locks } of instances) {
        await runner.onApplicationShutdown();
        await locks.onApplicationShutdown();
      }
    }

    const { rows: units } = await sql<UnitRow>`select * from fenced_units order by unit`.execute(database.db);
    await database.close();
    // Every batch was committed by the instance whose session held the lock as it ran.
    const underLostLock = units.filter((u) => !u.holder_name?.endsWith(` ${u.instance}`));
    expect(underLostLock).toEqual([]);
    // Each event was handled once, in order, across all the handovers.
    for (let i = 1; i < units.length; i++) expect(Number(units[i]!.from_position)).toBe(Number(units[i - 1]!.to_position) + 1);
    // The kills did move the lock: several sessions held it while batches committed (not all
    // twelve: under load some sessions are killed before they commit one), and both instances led.
    expect(new Set(units.map((u) => u.holder_pid)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(units.map((u) => u.instance)).size).toBe(2);
  }, 120_000);
});

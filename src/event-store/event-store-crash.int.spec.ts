import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../database/database.js';
import { migrateToLatest } from '../database/migrations.js';
import { backends, createTestDatabase, serverBackends, type TestDatabase } from '../../test/support/test-database.js';
import { EventStoreRepository } from './event-store.repository.js';
import { LeaderLockRepository } from './leader-lock.repository.js';
import { LogVerifier } from './log-verifier.service.js';

const child = join(process.cwd(), 'test/support/append-then-hang.mjs');

/** Starts the child, waits until its batch is written but not committed, then kills it. */
async function appendAndKill(target: string, stream: string, count: number): Promise<void> {
  const proc = spawn(process.execPath, [child, target, stream, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  proc.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes(`appended ${count}`)) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`child exited (${code}) before appending: ${output}`)));
  });
  proc.kill('SIGKILL');
  await once(proc, 'exit');
}

describe.each(backends)('a process killed mid-batch on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('leaves the batch all or nothing: nothing, and the log still verifies', async () => {
    let reopen: () => Promise<Database>;
    let target: string;
    if (kind === 'pglite') {
      const dir = await mkdtemp(join(tmpdir(), 'stance-crash-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const setup = await openDatabase({ databaseUrl: null, dataDir: dir });
      await migrateToLatest(setup.db);
      await new EventStoreRepository(setup).append('before-crash', [{ type: 'Note', data: { n: 1 } }]);
      await setup.close();
      target = dir;
      reopen = () => openDatabase({ databaseUrl: null, dataDir: dir });
    } else {
      const database: TestDatabase = await createTestDatabase(kind);
      cleanups.push(() => database.close());
      await new EventStoreRepository(database).append('before-crash', [{ type: 'Note', data: { n: 1 } }]);
      target = database.url!;
      reopen = async () => database;
    }

    const stream = `crash-${randomUUID()}`;
    await appendAndKill(target, stream, 500);

    const database = await reopen();
    if (kind === 'pglite') cleanups.push(() => database.close());
    const repository = new EventStoreRepository(database);
    expect(await repository.readStream(stream)).toEqual([]);
    expect((await repository.head()).position).toBe(1);
    // The log goes on from where it was: no gap, chain intact.
    await repository.append(stream, [{ type: 'Note', data: { n: 2 } }]);
    const verification = await new LogVerifier(repository).verify();
    expect(verification).toMatchObject({ ok: true, eventsChecked: 2 });
  });
});

// A plain loop: describe.each refuses the empty table of a run without a server.
for (const kind of serverBackends) describe(`leadership on ${kind}`, () => {
  it('passes to another instance as soon as the leader’s connection dies', async () => {
    const database = await createTestDatabase(kind);
    const instanceA = new LeaderLockRepository(database);
    const instanceB = new LeaderLockRepository(database);
    try {
      const name = `scheduler-${randomUUID()}`;
      const lease = await instanceA.tryAcquire(name);
      expect(lease?.held).toBe(true);
      expect(await instanceB.tryAcquire(name)).toBeNull();

      await database.superuser(
        `select pg_terminate_backend(pid) from pg_locks
         where locktype = 'advisory' and classid = 7301 and granted
           and objid::bigint = (hashtext('${name}')::bigint + 4294967296) % 4294967296`,
      );
      // Termination is asynchronous: the lock is free once the backend has exited (milliseconds).
      const started = Date.now();
      let takeover = await instanceB.tryAcquire(name);
      while (!takeover && Date.now() - started < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        takeover = await instanceB.tryAcquire(name);
      }
      expect(takeover?.held).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await instanceA.onApplicationShutdown();
      await instanceB.onApplicationShutdown();
      await database.close();
    }
  });
});

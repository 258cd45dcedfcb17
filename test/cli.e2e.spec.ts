import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/database/database.js';
import { migrateToLatest } from '../src/database/migrations.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { getFresh, runCli, startService } from './support/cli.js';
import { createTestDatabase, serverBackends } from './support/test-database.js';

describe('stance-monitor command line', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses bad configuration with a message naming the variable and a non-zero exit', async () => {
    const result = await runCli(['migrate'], { PORT: 'eighty', DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid configuration: PORT must be a port number');
  });

  it('rejects an unknown command with the usage', async () => {
    const result = await runCli(['frobnicate'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('verify [--expect-head P:HASH]');
    // Every variable the configuration reads is named in the usage and in the README's table.
    const variables = [...(await readFile('src/config/config.ts', 'utf8')).matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'INSTANCE_ID', 'ADMIN_RATE_LIMIT', 'SHUTDOWN_TIMEOUT_MS']));
    const readme = await readFile('README.md', 'utf8');
    expect([...new Set(variables)].filter((name) => !result.stderr.includes(name) || !readme.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it('rejects an unknown option with its name and the usage, not a stack trace', async () => {
    const result = await runCli(['eval', '--frobnicate'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--frobnicate'");
    expect(result.stderr).toContain('verify [--expect-head P:HASH]');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const help = await runCli(['eval', '--help'], { DATA_DIR: dataDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('eval --articles DIR --gold FILE');
  });

  it('migrates once and then reports the schema up to date', async () => {
    const first = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('applied: 0001_event_log');
    const again = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(again.stdout.trim()).toBe('schema is up to date');
  });

  it('serves /health on the embedded database with the log head', async () => {
    const service = await startService({ DATA_DIR: dataDir });
    try {
      const res = await fetch(`${service.url}/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; database: string; log: { headPosition: number } };
      expect(body).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(typeof body.log.headPosition).toBe('number');
    } finally {
      await service.stop();
    }
  });

  it('verify passes an intact log and fails, naming the first bad position, after a tamper', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    const repository = new EventStoreRepository(database);
    const base = (await repository.head()).position;
    await repository.append('doc-1', [1, 2, 3].map((n) => ({ type: 'ClaimRecorded', data: { stance: 'deny', n } })));
    const head = await repository.head();
    await database.close();

    const intact = await runCli(['verify', '--expect-head', `${head.position}:${head.hash}`], { DATA_DIR: dataDir });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`log verified: ${head.position} events`);

    const tampered = await openDatabase({ databaseUrl: null, dataDir });
    await sql`alter table events disable trigger user`.execute(tampered.db);
    await sql`update events set data = '{"stance": "confirm", "n": 2}' where position = ${base + 2}`.execute(tampered.db);
    await tampered.close();

    const result = await runCli(['verify'], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAILED at position ${base + 2} (content-changed)`);
  });
});

// A plain loop: describe.each refuses the empty table of a run without a server.
for (const kind of serverBackends) describe(`/health on ${kind}`, () => {
  it('answers 503 while the database refuses connections, and 200 again after', async () => {
    const database = await createTestDatabase(kind);
    const name = new URL(database.url!).pathname.slice(1);
    const service = await startService({ DATABASE_URL: database.url! });
    try {
      await database.superuser('select 1'); // the test's own connection works
      const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL!, dataDir: '' });
      await sql.raw(`alter database ${name} with allow_connections false`).execute(admin.db);
      await sql.raw(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`).execute(admin.db);
      const down = await getFresh(`${service.url}/health`);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'unavailable', database: 'postgres' });

      await sql.raw(`alter database ${name} with allow_connections true`).execute(admin.db);
      await admin.close();
      const up = await getFresh(`${service.url}/health`);
      expect(up.status).toBe(200);
      expect(service.proc.exitCode).toBeNull(); // lost connections were survived, not restarted
    } finally {
      await service.stop();
      await database.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/database/database.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { LogVerifier } from '../src/event-store/log-verifier.service.js';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { cliPath, runCli, startService } from './support/cli.js';
import { backends, createTestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

function bigFeed(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><guid>item-${i}</guid><link>https://big.example/a/${i}</link><title>Laporan ${i}</title>` +
      `<description>Kremlin membantah laporan nomor ${i} tentang pasukan Korea Utara.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link>${entries}</channel></rss>`;
}

describe('the service with its sources', () => {
  let dataDir: string;
  let server: LocalHttpServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-e2e-'));
    server = await startLocalHttpServer({
      '/feed.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(bigFeed(3)),
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ingests the seed fixtures and extracts their claims at start, once, across restarts, and shows source health', async () => {
    let headAfterFirstStart = 0;
    for (let restart = 0; restart < 2; restart++) {
      const service = await startService({ DATA_DIR: dataDir, ADMIN_TOKEN });
      try {
        let sources: { id: string; state: string; documentsIngested: number; lastStatus: string }[] = [];
        for (let i = 0; i < 100; i++) {
          sources = ((await (await fetch(`${service.url}/api/sources`)).json()) as { sources: typeof sources }).sources;
          if (sources[0]?.state === 'ok') break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(sources).toEqual([
          expect.objectContaining({ id: 'fixtures', state: 'ok', documentsIngested: 5, lastStatus: 'read 5 files' }),
        ]);
        // The five documents, then the claims the extraction subscriber finds in them; a restart adds nothing.
        // Settled once the head stays put for a second: ingestion commits in slices, and
        // extraction may read the first documents before the last are stored.
        let head = 0;
        for (let i = 0, unchanged = 0; i < 100 && (head <= 5 || unchanged < 5); i++) {
          const now = ((await (await fetch(`${service.url}/health`)).json()) as { log: { headPosition: number } }).log.headPosition;
          unchanged = now === head ? unchanged + 1 : 0;
          head = now;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(head).toBeGreaterThan(5);
        if (restart === 0) headAfterFirstStart = head;
        else expect(head).toBe(headAfterFirstStart);
      } finally {
        await service.stop();
      }
    }
  });

  it('guards the admin API with the bearer token and validates what it is given', async () => {
    const service = await startService({ DATA_DIR: dataDir, ADMIN_TOKEN, ALLOW_PRIVATE_SOURCES: 'true' });
    try {
      const add = (body: unknown, token?: string) =>
        fetch(`${service.url}/api/admin/sources`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
      expect((await add({ url: server.url('/feed.xml') })).status).toBe(401);
      expect((await add({ url: server.url('/feed.xml') }, 'wrong-token-wrong-token')).status).toBe(401);
      const bad = await add({ url: 'ftp://files.example/feed' }, ADMIN_TOKEN);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toContain('http or https');
      const created = await add({ url: server.url('/feed.xml'), title: 'Local' }, ADMIN_TOKEN);
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ created: true, source: { kind: 'feed', title: 'Local', state: 'pending' } });
      expect((await add({ url: server.url('/feed.xml') }, ADMIN_TOKEN)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

describe.each(backends)('ingestion killed mid-poll on %s', (kind) => {
  it('leaves no duplicate and no gap after a restart', async () => {
    const items = 3000;
    const server = await startLocalHttpServer({
      '/big.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(bigFeed(items)),
    });
    const dataDir = await mkdtemp(join(tmpdir(), 'stance-kill-'));
    const database = kind === 'postgres' ? await createTestDatabase(kind) : null;
    const env = {
      FEED_URLS: server.url('/big.xml'),
      ALLOW_PRIVATE_SOURCES: 'true',
      FIXTURES_DIR: 'off',
      ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir }),
    };
    try {
      const child = spawn(process.execPath, [cliPath, 'ingest'], { env: { ...process.env, ...env, TEST_DATABASE_URL: '' } });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (database) {
        // Kill once part of the feed is in the log.
        for (;;) {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(database.db);
          if (rows[0]!.n > 300) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } else {
        // PGlite allows one process per data folder, so the count cannot be watched from here:
        // kill a moment after the feed was served, while its items are being appended.
        while (server.requestHeaders('/big.xml').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      child.kill('SIGKILL');
      await exited;

      const rerun = await runCli(['ingest'], env);
      expect(rerun.code).toBe(0);
      const counts = /ok +feed-127-0-0-1-\w+ .*200 rss-2\.0; (\d+) new, 0 revised, (\d+) already stored/.exec(rerun.stdout);
      expect(counts).not.toBeNull();
      expect(Number(counts![1]) + Number(counts![2])).toBe(items);
      if (database) expect(Number(counts![2])).toBeGreaterThan(300); // the kill really came mid-poll

      const db = database ?? (await openDatabase({ databaseUrl: null, dataDir }));
      try {
        const { rows } = await sql<{ n: number; keys: number; max: number }>`
          select count(*)::int as n, count(distinct idempotency_key)::int as keys, max(position)::int as max
          from events where type = 'DocumentIngested'`.execute(db.db);
        expect(rows[0]).toEqual({ n: items, keys: items, max: items });
        expect((await new LogVerifier(new EventStoreRepository(db)).verify()).ok).toBe(true);
      } finally {
        if (!database) await db.close();
      }
    } finally {
      await server.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

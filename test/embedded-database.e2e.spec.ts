// The embedded database (PGlite in a data folder) must never stall the service: it runs in a
// worker thread, so /health and the read API keep answering while a feed of nearly 10 MB (the
// fetcher's cap) is ingested. The precise p99 is the benchmark's job (README, "Benchmarks"); this
// test asserts a bound with room for a loaded machine, far below the 25 s stall of PGlite on the
// main thread.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { LOCK_FILE } from '../src/database/data-folder-lock.js';
import { runCli, startService } from './support/cli.js';

const FEED_BYTES = 9.5 * 1024 * 1024;
/** Generous against the 250 ms target: eight engineers' tests share two cores here. */
const P99_BOUND_MS = 1_500;

/** An RSS feed of about FEED_BYTES, of made-up items (about 1 KB each). */
function largeFeed(): { xml: string; items: number } {
  const filler = 'The committee met again on Tuesday and published a long summary of its budget hearings. '.repeat(10);
  const items: string[] = [];
  let size = 0;
  while (size < FEED_BYTES) {
    const i = items.length;
    const item =
      `<item><guid>large-${i}</guid><link>https://large.example/item/${i}</link><title>Bulletin ${i}</title>` +
      `<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Bulletin ${i}. ${filler}</description></item>\n`;
    items.push(item);
    size += Buffer.byteLength(item);
  }
  return {
    xml: `<?xml version="1.0"?><rss version="2.0"><channel><title>Large</title><link>https://large.example/</link>${items.join('')}</channel></rss>`,
    items: items.length,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('the embedded database in a worker thread', () => {
  let dataDir: string;
  let feeds: LocalHttpServer;
  const feed = largeFeed();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-embedded-'));
    feeds = await startLocalHttpServer({
      '/large.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed.xml),
    });
  });
  afterAll(async () => {
    await feeds.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps /health and reads answering while a 10 MB feed is ingested', async () => {
    const service = await startService({
      DATA_DIR: dataDir,
      FIXTURES_DIR: 'off',
      FEED_URLS: feeds.url('/large.xml'),
      ALLOW_PRIVATE_SOURCES: 'true',
    });
    try {
      const healthLatencies: number[] = [];
      const readLatencies: number[] = [];
      let ingested = 0;
      let headWhileIngesting = 0;
      const deadline = Date.now() + 240_000;
      // A request every 100 ms whether or not the last one answered: a stall shows as many slow
      // samples, not one.
      const inFlight: Promise<void>[] = [];
      while (ingested < feed.items && Date.now() < deadline) {
        const sentAt = performance.now();
        inFlight.push(
          fetch(`${service.url}/health`).then(async (res) => {
            expect(res.status).toBe(200);
            const body = (await res.json()) as { log: { headPosition: number } };
            healthLatencies.push(performance.now() - sentAt);
            if (body.log.headPosition < feed.items) headWhileIngesting = Math.max(headWhileIngesting, body.log.headPosition);
          }),
        );
        if (healthLatencies.length % 10 === 0) {
          const readAt = performance.now();
          const res = await fetch(`${service.url}/api/sources`);
          const { sources } = (await res.json()) as { sources: { documentsIngested: number }[] };
          readLatencies.push(performance.now() - readAt);
          ingested = sources[0]?.documentsIngested ?? 0;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await Promise.all(inFlight);
      const p99 = percentile(healthLatencies, 99);
      console.log(
        `/health while ingesting ${feed.items} items (${(FEED_BYTES / 1024 / 1024).toFixed(1)} MB): ${healthLatencies.length} samples, ` +
          `p50 ${percentile(healthLatencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...healthLatencies).toFixed(0)} ms; ` +
          `/api/sources p99 ${percentile(readLatencies, 99).toFixed(0)} ms`,
      );
      expect(ingested).toBe(feed.items);
      // The samples span the ingestion, not only its end.
      expect(headWhileIngesting).toBeGreaterThan(0);
      expect(healthLatencies.length).toBeGreaterThan(20);
      expect(p99).toBeLessThan(P99_BOUND_MS);
      expect(percentile(readLatencies, 99)).toBeLessThan(P99_BOUND_MS);
    } finally {
      await service.stop();
    }
  }, 300_000);
});

describe('one process per embedded data folder', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-lock-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process with exit 2, naming the one that holds the folder and what to do instead', async () => {
    const service = await startService({ DATA_DIR: dataDir, FIXTURES_DIR: 'off' });
    try {
      for (const command of [['ingest'], ['migrate'], ['verify']]) {
        const second = await runCli(command, { DATA_DIR: dataDir, FIXTURES_DIR: 'off' });
        expect(second.code).toBe(2);
        expect(second.stderr).toContain(`process ${service.proc.pid} on ${hostname()}`);
        expect(second.stderr).toContain('stance-monitor serve');
        expect(second.stderr).toContain('POST /api/admin/sources');
        expect(second.stderr).toContain('stop the\nservice first');
      }
      // The service was not disturbed.
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
    } finally {
      await service.stop();
    }
    // Stopped, it frees the folder.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const after = await runCli(['verify'], { DATA_DIR: dataDir, FIXTURES_DIR: 'off' });
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('takes over a lock left by a process that was killed', async () => {
    const victim = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    const victimPid = victim.pid!;
    await new Promise((resolve) => {
      victim.once('exit', resolve);
      victim.kill('SIGKILL');
    });
    const stale = { pid: victimPid, hostname: hostname(), command: 'stance-monitor serve', startedAt: new Date(Date.now() - 60_000).toISOString() };
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify(stale));
    const result = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    // A live holder, by contrast, is respected (this test's own process stands in for one).
    const live = { ...stale, pid: process.pid, startedAt: new Date().toISOString() };
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify(live));
    const refused = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(refused.code).toBe(2);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'))).toEqual(live);
    await rm(join(dataDir, LOCK_FILE));
  });
});

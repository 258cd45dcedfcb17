// The live stream under pressure (issue 13): open streams capped per client address (429) and in
// all (503), a long replay that arrives whole and in order across the stream's pages, and a client
// that reads nothing is dropped while the service's memory stays bounded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/cli.js';
import { backends, createTestDatabase, type TestDatabase } from './support/test-database.js';
import { openDatabase, type Database } from '../src/database/database.js';
import { migrateToLatest } from '../src/database/migrations.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { analystClaim } from '../src/stance/domain/analyst-claim.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
const ACTORS = ['dprk', 'russia', 'ukraine', 'usa', 'nato', 'south-korea'];
/**
 * More claims than the stream reads per page (200), each a stance change, about 8 MB of events in
 * all: more than a loopback socket's buffers take (the kernel grows a send buffer up to 4 MB).
 */
const CLAIMS = 800;
const STALL_TIMEOUT_MS = 2000;

/** Opens a stream from a given loopback address (each 127.x.y.z is another client to the service). */
function open(url: string, localAddress: string): Promise<{ res: IncomingMessage; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, headers: { Accept: 'text/event-stream' } }, (res) => resolve({ res, close: () => req.destroy() }));
    req.on('error', reject);
    req.end();
  });
}

async function bodyOf(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
}

/**
 * A client that reads nothing for `silentSeconds`, with a receive buffer of a few kilobytes (Node
 * cannot shrink one; a loopback socket's default takes megabytes before the sender notices), then
 * reads to the end. Prints how many stance changes it received.
 */
const SILENT_CLIENT = `
import socket, sys, time
host, port, silent = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.bind(('127.0.0.6', 0))
s.connect((host, port))
s.sendall(b'GET /api/stream?since=0 HTTP/1.1\\r\\nHost: x\\r\\nAccept: text/event-stream\\r\\n\\r\\n')
time.sleep(silent)
s.settimeout(30)
data = b''
while True:
    chunk = s.recv(65536)
    if not chunk: break
    data += chunk
print(data.count(b'event: stance.changed'))
`;

/**
 * Appends the analysts' claims straight to the log, before the service starts (it projects them
 * at start): posting them one by one would take minutes. Alternating stances with growing said-on
 * dates, so every claim is a stance change too.
 */
async function appendHistory(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  const events = new EventStoreRepository(database);
  const watch = { id: WATCH, actors: ACTORS.map((id) => ({ id })) };
  for (let i = 0; i < CLAIMS; i++) {
    const n = Math.floor(i / ACTORS.length);
    const saidOn = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const quote = `Statement ${i}: ${'a long and careful sentence written for this test only. '.repeat(85)}`;
    const event = analystClaim({ actor: ACTORS[i % ACTORS.length], stance: n % 2 === 0 ? 'deny' : 'confirm', saidOn, quote, url: 'https://example.org/s', analyst: 'ana' }, watch, new Date());
    await events.append(`analyst-claims:${event.data.claimId}`, [event]);
  }
}

async function rssKb(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]);
}

for (const kind of backends) {
  describe(`live stream pacing on ${kind}`, () => {
    let database: TestDatabase | undefined;
    let dataDir: string;
    let service: Awaited<ReturnType<typeof startService>>;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'stream-pacing-'));
      if (kind === 'postgres') {
        database = await createTestDatabase('postgres');
        await appendHistory(database);
      } else {
        const seeding = await openDatabase({ databaseUrl: null, dataDir });
        await appendHistory(seeding);
        await seeding.close();
      }
      const env: Record<string, string> = database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir };
      service = await startService({
        ...env,
        ADMIN_TOKEN,
        FIXTURES_DIR: 'off',
        ADMIN_RATE_LIMIT: '100000/minute',
        STREAM_MAX_PER_CLIENT: '2',
        STREAM_MAX_TOTAL: '3',
        STREAM_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS),
      });
    }, 180_000);
    afterAll(async () => {
      await service?.stop();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('answers 429 with Retry-After to a client at its cap, and 503 to anyone when the instance is full', async () => {
      const url = `${service.url}/api/stream`;
      const held = [await open(url, '127.0.0.2'), await open(url, '127.0.0.2')];
      expect(held.map((s) => s.res.statusCode)).toEqual([200, 200]);
      const third = await open(url, '127.0.0.2');
      expect(third.res.statusCode).toBe(429);
      expect(Number(third.res.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(await bodyOf(third.res))).toMatchObject({ statusCode: 429, message: expect.stringMatching(/STREAM_MAX_PER_CLIENT/) });

      held.push(await open(url, '127.0.0.3'));
      expect(held[2]!.res.statusCode).toBe(200);
      const full = await open(url, '127.0.0.4');
      expect(full.res.statusCode).toBe(503);
      expect(Number(full.res.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(await bodyOf(full.res))).toMatchObject({ statusCode: 503, message: expect.stringMatching(/STREAM_MAX_TOTAL/) });

      // Closed streams give their slots back.
      for (const stream of held) stream.close();
      let again: Awaited<ReturnType<typeof open>> | undefined;
      for (let i = 0; i < 50; i++) {
        again = await open(url, '127.0.0.4');
        if (again.res.statusCode === 200) break;
        await bodyOf(again.res);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(again!.res.statusCode).toBe(200);
      again!.close();
    });

    describe('with a long history', () => {
      it('replays every claim and change from position 0, complete and in order', async () => {
        // Wait until the projection has caught up: a stream from now on starts at its position.
        const expected = CLAIMS * 2;
        let events: { event: string; id: number }[] = [];
        for (let attempt = 0; attempt < 12 && events.length < expected; attempt++) {
          const stream = await open(`${service.url}/api/stream?since=0`, '127.0.0.5');
          events = [];
          let buffer = '';
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 15_000);
            stream.res.setEncoding('utf8');
            stream.res.on('data', (chunk: string) => {
              buffer += chunk;
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = /^event: (.+)$/m.exec(block)?.[1];
                const id = /^id: (\d+)$/m.exec(block)?.[1];
                if (event && id) events.push({ event, id: Number(id) });
              }
              if (events.length >= expected) {
                clearTimeout(timer);
                resolve();
              }
            });
          });
          stream.close();
        }
        expect(events.filter((e) => e.event === 'claim.recorded')).toHaveLength(CLAIMS);
        expect(events.filter((e) => e.event === 'stance.changed')).toHaveLength(CLAIMS);
        // In log order, each claim right before the change it made, no position twice.
        expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));
        const positions = events.filter((e) => e.event === 'claim.recorded').map((e) => e.id);
        expect(new Set(positions).size).toBe(CLAIMS);
        for (let i = 0; i < events.length; i += 2) expect([events[i]!.event, events[i + 1]!.event, events[i]!.id]).toEqual(['claim.recorded', 'stance.changed', events[i + 1]!.id]);
      }, 240_000);

      it('drops a client that reads nothing, and its replay does not pile up in memory', async () => {
        const pid = service.proc.pid!;
        const before = await rssKb(pid);
        const port = new URL(service.url).port;
        const client = spawn('/usr/bin/python3', ['-c', SILENT_CLIENT, '127.0.0.1', port, String((STALL_TIMEOUT_MS * 4) / 1000)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let printed = '';
        client.stdout.on('data', (chunk) => (printed += chunk));
        const exited = new Promise<number | null>((resolve) => client.once('exit', resolve));
        let dropped = false;
        for (let i = 0; i < 300 && !dropped; i++) {
          dropped = service.output().includes('dropped');
          if (!dropped) await new Promise((r) => setTimeout(r, 100));
        }
        expect(dropped).toBe(true);
        const after = await rssKb(pid);
        // The whole replay is over a megabyte of text; the service held at most a page of it.
        expect(after - before).toBeLessThan(64 * 1024);
        // What reached the client ends before the replay did: the stream was cut, not completed.
        expect(await exited).toBe(0);
        expect(Number(printed.trim())).toBeLessThan(CLAIMS);
        // The dropped stream's slot is free again for that address.
        const again = await open(`${service.url}/api/stream`, '127.0.0.6');
        const second = await open(`${service.url}/api/stream`, '127.0.0.6');
        expect([again.res.statusCode, second.res.statusCode]).toEqual([200, 200]);
        again.close();
        second.close();
      }, 120_000);
    });
  });
}

// The live stream under pressure (issue 13): open streams capped per client address (429) and in
// all (503), a long replay that arrives whole and in order across the stream's pages, and a client
// that reads nothing is dropped while the service's memory stays bounded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/cli.js';
import { backends, createTestDatabase, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
const ACTORS = ['dprk', 'russia', 'ukraine', 'usa', 'nato', 'south-korea'];
/** More claims than the stream reads per page (500), each a stance change: the replay spans pages. */
const CLAIMS = 540;
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
      if (kind === 'postgres') database = await createTestDatabase('postgres');
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
    }, 60_000);
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
      const quote = (i: number) => `Statement ${i}: ${'a long and careful sentence written for this test only. '.repeat(40)}`;
      beforeAll(async () => {
        // Alternating stances with growing said-on dates: every claim is a stance change too.
        let next = 0;
        const post = async () => {
          for (let i = next++; i < CLAIMS; i = next++) {
            const actor = ACTORS[i % ACTORS.length]!;
            const n = Math.floor(i / ACTORS.length);
            const saidOn = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
            const res = await fetch(`${service.url}/api/admin/claims`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
              body: JSON.stringify({ watch: WATCH, actor, stance: n % 2 === 0 ? 'deny' : 'confirm', saidOn, quote: quote(i), url: 'https://example.org/s', analyst: 'ana' }),
            });
            if (res.status !== 201) throw new Error(`claim ${i}: ${res.status} ${await res.text()}`);
          }
        };
        await Promise.all([post(), post(), post()]);
      }, 300_000);

      it('replays every claim and change from position 0, complete and in order', async () => {
        // Wait until the projection has caught up: a stream from now on starts at its position.
        const expected = CLAIMS * 2;
        let events: { event: string; id: number }[] = [];
        for (let attempt = 0; attempt < 60 && events.length < expected; attempt++) {
          const stream = await open(`${service.url}/api/stream?since=0`, '127.0.0.5');
          events = [];
          let buffer = '';
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 3000);
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
        const port = Number(new URL(service.url).port);
        const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.6' });
        await new Promise<void>((resolve) => socket.once('connect', resolve));
        // Never read: after the socket buffers fill, the service's writes stop draining.
        socket.pause();
        socket.write(`GET /api/stream?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
        const dropped = (async () => {
          for (let i = 0; i < 300; i++) {
            if (service.output().includes('dropped')) return true;
            await new Promise((r) => setTimeout(r, 100));
          }
          return false;
        })();
        expect(await dropped).toBe(true);
        const after = await rssKb(pid);
        // The whole replay is several megabytes; the service held at most a page of it.
        expect(after - before).toBeLessThan(64 * 1024);
        // What reached the client ends before the replay did: the stream was cut, not completed.
        let received = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.resume();
        await new Promise<void>((resolve) => socket.once('close', () => resolve()));
        const changes = received.match(/^event: stance\.changed$/gm)?.length ?? 0;
        expect(changes).toBeLessThan(CLAIMS);
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

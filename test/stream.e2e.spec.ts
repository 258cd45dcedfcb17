// The live stream over real HTTP: claims and stance changes arrive as they are projected, each
// with its log position as id, and a client that reconnects with Last-Event-ID misses nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request, type ClientRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';

interface ReceivedEvent {
  event: string;
  id: string | null;
  data: { type: string; position: number; claimId?: string; actor: { id: string }; from?: string | null; to?: string; title?: string; claim?: { claimId: string } };
}

/** A minimal EventSource: parses the text/event-stream fields as the HTML standard says. */
class StreamClient {
  readonly events: ReceivedEvent[] = [];
  status = 0;
  private req: ClientRequest | null = null;

  static async open(url: string, headers: Record<string, string> = {}): Promise<StreamClient> {
    const client = new StreamClient();
    await new Promise<void>((resolve, reject) => {
      client.req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        client.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            client.dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve();
      });
      client.req.on('error', reject);
      client.req.end();
    });
    return client;
  }

  private dispatch(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) this.events.push({ event, id, data: JSON.parse(data.join('\n')) as ReceivedEvent['data'] });
  }

  lastEventId(): string {
    return this.events.filter((e) => e.id !== null).at(-1)!.id!;
  }

  async waitFor(predicate: (events: ReceivedEvent[]) => boolean, what: string): Promise<void> {
    for (let i = 0; i < 150; i++) {
      if (predicate(this.events)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events.map((e) => [e.event, e.id]))}`);
  }

  /** Resolves when the server ends the stream. */
  ended(): Promise<void> {
    return new Promise((resolve) => this.req!.on('close', () => resolve()));
  }

  close(): void {
    this.req?.destroy();
  }
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('the live stream on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let service: Awaited<ReturnType<typeof startService>>;
  let day = 1;

  /** Records an analyst's claim; returns its log position. */
  const claim = async (actor: string, stance: string): Promise<{ position: number; claimId: string }> => {
    const res = await fetch(`${service.url}/api/admin/claims`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ watch: WATCH, actor, stance, saidOn: `2025-06-${String(day++).padStart(2, '0')}`, quote: `${actor} says ${stance}.`, url: 'https://example.org/s', analyst: 'ana' }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { position: number; claimId: string };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stream-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    const env: Record<string, string> = database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir };
    service = await startService({ ...env, ADMIN_TOKEN, FIXTURES_DIR: 'off' });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pushes each claim and each stance change as projected, with the log position as id', async () => {
    const client = await StreamClient.open(`${service.url}/api/stream`);
    expect(client.status).toBe(200);
    const a = await claim('russia', 'deny');
    const b = await claim('russia', 'confirm');
    const c = await claim('russia', 'confirm'); // repeats the stance: a claim, no change
    await client.waitFor((events) => events.some((e) => e.data.position === c.position), 'the third claim');
    client.close();
    expect(client.events.map((e) => [e.event, e.id, e.data.type === 'claim.recorded' ? e.data.claimId : e.data.claim?.claimId])).toEqual([
      ['claim.recorded', String(a.position), a.claimId],
      ['stance.changed', String(a.position), a.claimId],
      ['claim.recorded', String(b.position), b.claimId],
      ['stance.changed', String(b.position), b.claimId],
      ['claim.recorded', String(c.position), c.claimId],
    ]);
    expect(client.events[3]!.data).toMatchObject({ title: 'Russia: deny → confirm', from: 'deny', to: 'confirm' });
  });

  it('resumes after Last-Event-ID with exactly what the client missed', async () => {
    const first = await StreamClient.open(`${service.url}/api/stream?since=0`);
    const before = await claim('usa', 'deny');
    await first.waitFor((events) => events.some((e) => e.data.position === before.position && e.event === 'stance.changed'), 'the usa change');
    first.close();
    const seen = first.lastEventId();
    // Recorded while the client is away.
    const missed = [await claim('usa', 'confirm'), await claim('usa', 'neither')];
    const again = await StreamClient.open(`${service.url}/api/stream`, { 'Last-Event-ID': seen });
    await again.waitFor((events) => events.filter((e) => e.event === 'stance.changed').length === 2, 'the two missed changes');
    again.close();
    expect(again.events.map((e) => [e.event, Number(e.id)])).toEqual([
      ['claim.recorded', missed[0]!.position],
      ['stance.changed', missed[0]!.position],
      ['claim.recorded', missed[1]!.position],
      ['stance.changed', missed[1]!.position],
    ]);
    // ?since=0 replayed everything before: every position the stream sent only grows.
    const ids = first.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(first.events.filter((e) => e.event === 'stance.changed').length).toBeGreaterThanOrEqual(3);
  });

  it('narrows to a watch and actor, and announces a withdrawn change', async () => {
    const client = await StreamClient.open(`${service.url}/api/stream?watch=${WATCH}&actor=ukraine`);
    await claim('russia', 'deny');
    const mine = await claim('ukraine', 'confirm');
    // A claim can be rejected once it is projected: the stream says when.
    await client.waitFor((events) => events.some((e) => e.event === 'stance.changed' && e.data.position === mine.position), 'the ukraine change');
    const rejected = await fetch(`${service.url}/api/admin/claims/${mine.claimId}/reject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ reason: 'misattributed', analyst: 'ana' }),
    });
    expect(rejected.status).toBe(201);
    const { position } = (await rejected.json()) as { position: number };
    await client.waitFor((events) => events.some((e) => e.event === 'stance.withdrawn'), 'the withdrawal');
    client.close();
    expect(client.events.every((e) => e.data.actor.id === 'ukraine')).toBe(true);
    expect(client.events.at(-1)).toMatchObject({ event: 'stance.withdrawn', id: String(position), data: { to: 'confirm', claim: { claimId: mine.claimId } } });
  });

  it('refuses a bad position and an unknown watch with a clear error', async () => {
    const bad = await fetch(`${service.url}/api/stream`, { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/Last-Event-ID must be a log position/);
    expect((await fetch(`${service.url}/api/stream?watch=atlantis`)).status).toBe(404);
    expect((await fetch(`${service.url}/api/stream?actor=russia`)).status).toBe(400);
  });

  it('ends open streams when the service shuts down, instead of holding the shutdown', async () => {
    const client = await StreamClient.open(`${service.url}/api/stream`);
    const ended = client.ended();
    await service.stop();
    await ended;
    // Nest re-raises SIGTERM once its shutdown hooks have run: exiting by it means they finished.
    expect([service.proc.exitCode, service.proc.signalCode]).toEqual([null, 'SIGTERM']);
  });
});

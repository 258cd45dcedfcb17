// Graceful shutdown of the built service, with work held in flight by a local feed and a local
// webhook receiver that answer only when the test lets them. On SIGTERM the service stops
// listening, ends its live streams, lets the request, the poll and the delivery in flight finish
// and records them whole; with work that outlasts SHUTDOWN_TIMEOUT_MS it exits anyway, and what
// it cut off is done by the next service on the same database: nothing lost, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/database/database.js';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';
import { until } from './support/until.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
const BASE_ENV = {
  ADMIN_TOKEN,
  FIXTURES_DIR: 'off',
  ALLOW_PRIVATE_SOURCES: 'true',
  ALLOW_PRIVATE_WEBHOOKS: 'true',
  PUBLIC_BASE_URL: 'https://stance.example.org',
  WEBHOOK_RETRY_BASE_MS: '50',
  // Longer than any hold in this test: a delivery ends when the receiver answers, or the shutdown deadline.
  WEBHOOK_TIMEOUT_MS: '120000',
};

type Service = Awaited<ReturnType<typeof startService>>;

/** A route whose first `held` requests wait for release() (or for ever); later ones are answered at once. */
class HeldRoute {
  readonly requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(
    private held: number,
    private readonly answer: (res: ServerResponse) => void,
  ) {}

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      this.requests.push({ headers: req.headers, body });
      if (this.held > 0) {
        this.held--;
        this.waiting.push(() => this.answer(res));
      } else this.answer(res);
    });
  };

  release(): void {
    for (const answer of this.waiting.splice(0)) answer();
  }
}

/** A feed of articles no watch is about: they are stored, and no claim comes of them. */
function rss(name: string, items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><guid>${name}-${i}</guid><link>https://${name}.example/a/${i}</link><title>${name} ${i}</title>` +
      `<description>Cuaca cerah di kota ${name}, laporan nomor ${i}.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.example/</link>${entries}</channel></rss>`;
}

const feedAnswer = (name: string) => (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(name, 3));
const hookAnswer = (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');


/** Resolves once a new connection to `port` is refused: the service has stopped listening. */
function refusesConnections(port: number): Promise<boolean> {
  return until('the listener to close', () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    }),
  );
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('graceful shutdown on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let feeds: LocalHttpServer;
  let receiver: LocalHttpServer;
  // The first feed and the first delivery to /hook-a wait for the test; /feed-2 and /hook-b never answer their first request.
  const feed1 = new HeldRoute(1, feedAnswer('feed-1'));
  const feed2 = new HeldRoute(1, feedAnswer('feed-2'));
  const hookA = new HeldRoute(1, hookAnswer);
  const hookB = new HeldRoute(1, hookAnswer);
  let webhookA: string;
  let webhookB: string;
  const services: Service[] = [];

  beforeAll(async () => {
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    else dataDir = await mkdtemp(join(tmpdir(), 'shutdown-e2e-'));
    feeds = await startLocalHttpServer({ '/feed-1.xml': feed1.handle, '/feed-2.xml': feed2.handle });
    receiver = await startLocalHttpServer({ '/hook-a': hookA.handle, '/hook-b': hookB.handle });
  }, 60_000);
  afterAll(async () => {
    // A test that failed half way may have left a service waiting on a held answer.
    for (const route of [feed1, feed2, hookA, hookB]) route.release();
    await Promise.all(services.map((service) => service.stop()));
    await feeds?.close();
    await receiver?.close();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>) => {
    const service = await startService({ ...BASE_ENV, ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir! }), ...env });
    services.push(service);
    return service;
  };

  /** Queries the database while no service runs on it (PGlite's folder is one process's at a time). */
  async function inDatabase<T>(query: (db: Database['db']) => Promise<T>): Promise<T> {
    if (database) return query(database.db);
    const opened = await openDatabase({ databaseUrl: null, dataDir: dataDir! });
    try {
      return await query(opened.db);
    } finally {
      await opened.close();
    }
  }

  const recorded = () =>
    inDatabase(async (db) => ({
      documents: (await db.selectFrom('events').select('idempotency_key').where('type', '=', 'DocumentIngested').execute()).map((e) => e.idempotency_key),
      sources: await db.selectFrom('sources').select(['location', 'last_polled_at', 'last_success_at', 'consecutive_failures', 'documents_ingested']).orderBy('location').execute(),
      deliveries: await db.selectFrom('webhook_deliveries').select(['webhook_id', 'alert_id', 'status', 'attempts', 'last_status']).orderBy('alert_id').execute(),
    }));

  const call = async (service: Service, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const claim = (actor: string, stance: string, day: string) => ({
    watch: WATCH,
    actor,
    stance,
    saidOn: day,
    quote: `${actor} said ${stance} on ${day}`,
    url: `https://news.example.org/${actor}/${day}`,
    analyst: 'shutdown-test',
  });

  it('on SIGTERM stops listening, ends live streams, and lets the request, the poll and the delivery in flight finish', async () => {
    const service = await start({ FEED_URLS: feeds.url('/feed-1.xml'), SHUTDOWN_TIMEOUT_MS: '60000' });
    const port = Number(new URL(service.url).port);
    await until('the first poll of feed 1', () => feed1.requests.length === 1);
    const created = await call(service, 'POST', '/api/admin/webhooks', { url: receiver.url('/hook-a'), watch: WATCH, actor: 'russia' });
    expect(created.status).toBe(201);
    webhookA = created.body.id as string;
    expect((await call(service, 'POST', '/api/admin/claims', claim('russia', 'deny', '2025-01-01'))).status).toBe(201);
    await until('the delivery to /hook-a', () => hookA.requests.length === 1);

    const stream = await fetch(`${service.url}/api/stream`);
    const events = stream.body!.getReader();
    await events.read(); // the stream's opening comment
    // A request whose body is half sent when the signal comes.
    const inFlight = connect(port, '127.0.0.1');
    await new Promise((resolve) => inFlight.once('connect', resolve));
    const body = JSON.stringify(claim('nato', 'confirm', '2025-01-02'));
    inFlight.write(
      `POST /api/admin/claims HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    let response = '';
    inFlight.setEncoding('utf8').on('data', (chunk: string) => (response += chunk));
    const responseDone = new Promise((resolve) => inFlight.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the headers are read

    const stopped = service.stop();
    await refusesConnections(port);
    // The live stream ended, so no client holds the shutdown open.
    let ended = false;
    while (!ended) ended = (await events.read()).done;
    inFlight.write(body.slice(20)); // not end(): a half-closed connection aborts its request
    await responseDone; // the service closes the connection once its response is sent
    expect(response).toMatch(/^HTTP\/1\.1 201 /);

    // Still running: the poll and the delivery are in flight.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect({ code: service.proc.exitCode, signal: service.proc.signalCode }).toEqual({ code: null, signal: null });
    hookA.release();
    feed1.release();
    await stopped;
    // Nest re-raises the signal after a clean shutdown; the deadline would exit with 1.
    expect({ code: service.proc.exitCode, signal: service.proc.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });

    const after = await recorded();
    expect(after.deliveries).toEqual([expect.objectContaining({ webhook_id: webhookA, status: 'delivered', attempts: 1, last_status: 200 })]);
    expect(after.documents).toHaveLength(3);
    expect(after.sources).toEqual([
      expect.objectContaining({ location: feeds.url('/feed-1.xml'), consecutive_failures: 0, documents_ingested: 3, last_success_at: expect.any(Date) }),
    ]);
  });

  it('exits at SHUTDOWN_TIMEOUT_MS with a poll and a delivery unfinished, leaving them undone, not half done', async () => {
    const service = await start({ FEED_URLS: `${feeds.url('/feed-1.xml')} ${feeds.url('/feed-2.xml')}`, SHUTDOWN_TIMEOUT_MS: '1500' });
    // The delivery finished at the last shutdown is not sent again: the next alert comes next.
    expect((await call(service, 'POST', '/api/admin/claims', claim('russia', 'confirm', '2025-01-03'))).status).toBe(201);
    await until('the second alert at /hook-a', () => hookA.requests.length === 2);
    const keys = hookA.requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);

    await until('the first poll of feed 2', () => feed2.requests.length === 1);
    const created = await call(service, 'POST', '/api/admin/webhooks', { url: receiver.url('/hook-b'), watch: WATCH, actor: 'dprk' });
    webhookB = created.body.id as string;
    expect((await call(service, 'POST', '/api/admin/claims', claim('dprk', 'confirm', '2025-01-04'))).status).toBe(201);
    await until('the delivery to /hook-b', () => hookB.requests.length === 1);

    await service.stop();
    expect(service.proc.exitCode).toBe(1);
    expect(service.output()).toContain('SHUTDOWN_TIMEOUT_MS');

    const after = await recorded();
    // Not delivered, and the cut-off attempt not counted: it is still to be made.
    expect(after.deliveries.filter((d) => d.webhook_id === webhookB)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    // Nothing of feed 2 recorded, and its poll not either: it is still due.
    expect(after.documents).toHaveLength(3);
    expect(after.sources.find((s) => s.location === feeds.url('/feed-2.xml'))).toMatchObject({ last_polled_at: null, documents_ingested: 0 });
  });

  it('the next service does what was cut off: the same delivery again, the whole feed, nothing twice', async () => {
    const service = await start({ FEED_URLS: `${feeds.url('/feed-1.xml')} ${feeds.url('/feed-2.xml')}` });
    const [delivery] = await until('the cut-off delivery delivered', async () => {
      const { body } = await call(service, 'GET', `/api/admin/webhooks/${webhookB}/deliveries`);
      const deliveries = body.deliveries as { status: string; attempts: number }[];
      return deliveries.length > 0 && deliveries.every((d) => d.status === 'delivered') && deliveries;
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });
    expect(hookB.requests).toHaveLength(2);
    const [cutOff, again] = hookB.requests;
    expect(again!.headers['idempotency-key']).toBe(cutOff!.headers['idempotency-key']);
    expect(again!.body).toBe(cutOff!.body);

    await until('feed 2 polled', async () => {
      const { body } = await call(service, 'GET', '/api/sources');
      return (body.sources as { location: string; state: string }[]).some((s) => s.location === feeds.url('/feed-2.xml') && s.state === 'ok');
    });
    await service.stop();
    const after = await recorded();
    expect(after.documents).toHaveLength(6);
    expect(new Set(after.documents).size).toBe(6);
    expect(after.sources.map((s) => s.documents_ingested)).toEqual([3, 3]);
    expect(hookA.requests).toHaveLength(2);
  });
});

// Webhooks over real HTTP, on the built service, against a local receiver that fails, hangs past
// the deadline, redirects and recovers: every stance change arrives, in order per actor, signed,
// with a stable idempotency key, none lost across a restart; exhausted retries end as dead
// letters that an operator can send again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';
import { until } from './support/until.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
// A fixed public URL: the links in an alert's body come from it (by default it names the port,
// which changes with a restart, and so would the bytes of a re-sent body).
const SERVICE_ENV = {
  ADMIN_TOKEN,
  PUBLIC_BASE_URL: 'https://stance.example.org',
  FIXTURES_DIR: 'off',
  ALLOW_PRIVATE_WEBHOOKS: 'true',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_TIMEOUT_MS: '500',
};

type Service = Awaited<ReturnType<typeof startService>>;
type Behaviour = 'ok' | 'fail' | 'hang' | 'redirect';

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered, null when it hung. */
  status: number | null;
}

interface AlertBody {
  type: string;
  alertId: number;
  position: number;
  watch: string;
  actor: { id: string; name: string };
  from: string | null;
  to: string;
  title: string;
  claim: { claimId: string; quote: string } | null;
}

/** A webhook receiver whose answers are scripted per path: the next scripted ones, then a fallback. */
class Receiver {
  readonly received: Delivery[] = [];
  private readonly scripts = new Map<string, Behaviour[]>();
  private readonly fallbacks = new Map<string, Behaviour>();
  private server!: LocalHttpServer;

  async start(paths: string[]): Promise<void> {
    const route = (path: string) => (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const behaviour = this.scripts.get(path)?.shift() ?? this.fallbacks.get(path) ?? 'ok';
        const status = { ok: 200, fail: 500, redirect: 302, hang: null }[behaviour];
        this.received.push({ path, headers: request.headers, body, status });
        if (behaviour === 'hang') return; // past the service's deadline; closed when the test ends
        if (behaviour === 'redirect') response.writeHead(302, { location: this.url('/elsewhere') }).end();
        else response.writeHead(status!, { 'content-type': 'text/plain' }).end(behaviour === 'ok' ? 'thanks' : 'receiver is down');
      });
    };
    this.server = await startLocalHttpServer(Object.fromEntries([...paths, '/elsewhere'].map((path) => [path, route(path)])));
  }

  url(path: string): string {
    return this.server.url(path);
  }

  script(path: string, behaviours: Behaviour[], fallback: Behaviour = 'ok'): void {
    this.scripts.set(path, [...behaviours]);
    this.fallbacks.set(path, fallback);
  }

  at(path: string): Delivery[] {
    return this.received.filter((d) => d.path === path);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

const alertOf = (delivery: Delivery) => JSON.parse(delivery.body) as AlertBody;


/** Checks what a receiver got from one webhook: signed, keyed, attempts counted, in alert order. */
function expectWellFormed(deliveries: Delivery[], webhookId: string, secret: string): void {
  let previous: { alertId: number; attempt: number } | null = null;
  for (const delivery of deliveries) {
    const alert = alertOf(delivery);
    const attempt = Number(delivery.headers['x-stance-delivery-attempt']);
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'stance-monitor/0.1 (+webhooks)',
      'idempotency-key': `${webhookId}:${alert.alertId}`,
      'x-stance-event': alert.type,
      'x-stance-signature': `sha256=${createHmac('sha256', secret).update(Buffer.from(delivery.body, 'utf8')).digest('hex')}`,
    });
    // In alert order: the same alert again (a retry, the next attempt) or a later one from attempt 1.
    if (previous && alert.alertId === previous.alertId) {
      expect(attempt).toBe(previous.attempt + 1);
    } else {
      if (previous) expect(alert.alertId).toBeGreaterThan(previous.alertId);
      expect(attempt).toBe(1);
    }
    previous = { alertId: alert.alertId, attempt };
  }
  // Every attempt of one alert carries the very same bytes.
  const bodies = new Map<string, Set<string>>();
  for (const d of deliveries) bodies.set(String(d.headers['idempotency-key']), (bodies.get(String(d.headers['idempotency-key'])) ?? new Set()).add(d.body));
  expect([...bodies.values()].every((set) => set.size === 1)).toBe(true);
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('webhooks on %s', (kind) => {
  const receiver = new Receiver();
  const dataDirs: string[] = [];
  /** PGlite's folder, when there is no server (a restart must find the same data). */
  const dataDir = async () => {
    dataDirs.push(await mkdtemp(join(tmpdir(), 'webhooks-e2e-')));
    return dataDirs.at(-1)!;
  };
  beforeAll(() => receiver.start(['/all', '/russia', '/dead']));
  afterAll(async () => {
    await receiver.close();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  /** The HTTP client of one service (its URL changes across a restart). */
  const client = (service: () => Service) => {
    const call = async (method: string, path: string, body?: unknown, { token = ADMIN_TOKEN as string | null, raw = false } = {}) => {
      const res = await fetch(`${service().url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
    };
    const days = new Map<string, number>();
    return {
      call,
      /** Records an analyst's claim whose stance differs from the actor's previous one: one change. */
      async claim(actor: string) {
        const n = (days.get(actor) ?? 0) + 1;
        days.set(actor, n);
        const res = await call('POST', '/api/admin/claims', {
          watch: WATCH,
          actor,
          stance: n % 2 === 1 ? 'deny' : 'confirm',
          saidOn: `2025-01-${String(n).padStart(2, '0')}`,
          quote: `${actor} statement ${n}`,
          url: `https://news.example.org/${actor}/${n}`,
          analyst: 'webhook-test',
        });
        expect(res.status).toBe(201);
      },
      /** The actor's stance changes once the projection has `count` of them. */
      async changes(actor: string, count: number) {
        return until(`${count} changes of ${actor}`, async () => {
          const { body } = await call('GET', `/api/watches/${WATCH}/actors/${actor}/history`);
          const changes = body.changes as { from: string | null; to: string; claim: { claimId: string } }[];
          return changes.length >= count && changes.map((c) => `${actor}|${c.claim.claimId}|${c.from}|${c.to}`);
        });
      },
    };
  };

  describe('delivery', () => {
    let database: TestDatabase | undefined;
    let env: Record<string, string>;
    let service: Service;
    const api = client(() => service);
    const secret = 'a-shared-secret-of-the-receiver';
    let all: { id: string };
    let russia: { id: string; secret: string };

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase('postgres');
      env = { ...SERVICE_ENV, WEBHOOK_MAX_ATTEMPTS: '10', ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: await dataDir() }) };
      service = await startService(env);
    }, 60_000);
    afterAll(async () => {
      await service?.stop();
      await database?.close();
    });

    /** What a receiver got with a 2xx, as actor|claim|from|to (duplicates removed). */
    const deliveredAt = (path: string) => [
      ...new Set(receiver.at(path).filter((d) => d.status === 200).map(alertOf).map((a) => `${a.actor.id}|${a.claim!.claimId}|${a.from}|${a.to}`)),
    ];

    it('guards the admin API and names the bad field', async () => {
      const url = receiver.url('/all');
      expect((await api.call('POST', '/api/admin/webhooks', { url }, { token: null })).status).toBe(401);
      expect((await api.call('GET', '/api/admin/webhooks', undefined, { token: 'not-the-admin-token-at-all' })).status).toBe(401);
      const bad = async (body: unknown, field: string, raw = false) =>
        expect(await api.call('POST', '/api/admin/webhooks', body, { raw })).toMatchObject({ status: 400, body: { message: expect.stringContaining(field) } });
      await bad({}, 'url is required');
      await bad({ url: 'ftp://files.example.org/' }, 'url must use http or https');
      await bad({ url: 'hooks' }, 'url must be an absolute');
      await bad({ url, watch: 'atlantis' }, 'watch: no watch "atlantis"');
      await bad({ url, watch: WATCH, actor: 'atlantis' }, 'actor must be one of the actors');
      await bad({ url, actor: 'russia' }, 'actor needs watch');
      await bad({ url, secret: 'short' }, 'secret must be at least 16 characters');
      await bad({ url, callback: 'x' }, 'unknown field "callback"');
      await bad('[1, 2]', 'JSON object', true);
      expect((await api.call('POST', '/api/admin/webhooks', '{"url": ', { raw: true })).status).toBe(400);
      const form = await fetch(`${service.url}/api/admin/webhooks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'text/plain' },
        body: `url=${url}`,
      });
      expect(form.status).toBe(400);
      expect(((await form.json()) as { message: string }).message).toContain('JSON object');
      expect((await api.call('GET', '/api/admin/webhooks/wh_nope/deliveries')).status).toBe(404);
      expect((await api.call('GET', '/api/admin/webhooks/wh_nope/deliveries?status=lost')).body.message).toContain('status must be one of pending, delivered, dead');
      expect((await api.call('DELETE', '/api/admin/webhooks/wh_nope')).status).toBe(404);
    });

    it('a new subscription starts at the newest alert and shows its secret once', async () => {
      await api.claim('ukraine');
      await api.changes('ukraine', 1); // an alert exists before the subscriptions

      const created = await api.call('POST', '/api/admin/webhooks', { url: receiver.url('/all'), secret, description: 'every change' });
      expect(created).toMatchObject({
        status: 201,
        body: { id: expect.stringMatching(/^wh_[A-Za-z0-9_-]{16}$/), url: receiver.url('/all'), filter: { watch: null, actor: null }, secret, createdBy: 'admin-api' },
      });
      expect(created.body.cursor).toBeGreaterThanOrEqual(1);
      all = created.body as { id: string };
      const filtered = await api.call('POST', '/api/admin/webhooks', { url: receiver.url('/russia'), watch: WATCH, actor: 'russia' });
      expect(filtered.status).toBe(201);
      expect(filtered.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // generated
      russia = filtered.body as { id: string; secret: string };

      const list = await api.call('GET', '/api/admin/webhooks');
      expect((list.body.webhooks as { id: string }[]).map((w) => w.id)).toEqual([all.id, russia.id]);
      expect(JSON.stringify(list.body)).not.toContain(secret);
      expect(JSON.stringify(list.body)).not.toContain(russia.secret);
      expect(JSON.stringify((await api.call('GET', `/api/admin/webhooks/${all.id}`)).body)).not.toContain(secret);
    });

    it('delivers every change in order per actor, signed, through failures, timeouts and a redirect', async () => {
      // Alert 1 meets two 500s, a hang, a redirect, then 200 (5 attempts); alerts 2 and 3 one failure each.
      receiver.script('/all', ['fail', 'fail', 'hang', 'redirect', 'ok', 'fail', 'ok', 'hang', 'ok']);
      const actors = ['russia', 'dprk', 'nato'];
      for (let round = 0; round < 4; round++) for (const actor of actors) await api.claim(actor);
      const expected = (await Promise.all(actors.map((actor) => api.changes(actor, 4)))).flat();
      expect(expected).toHaveLength(12);

      await until('every change delivered to /all', () => expected.every((c) => deliveredAt('/all').includes(c)));
      await until('every russia change delivered to /russia', () => expected.filter((c) => c.startsWith('russia|')).every((c) => deliveredAt('/russia').includes(c)));

      const received = receiver.at('/all');
      expectWellFormed(received, all.id, secret);
      expect(deliveredAt('/all').sort()).toEqual([...expected].sort()); // nothing else (the ukraine change came before)
      expect(received.map((d) => d.status)).toEqual(expect.arrayContaining([500, null, 302]));
      expect(receiver.at('/elsewhere')).toEqual([]); // the redirect was not followed
      // Per actor, the changes arrive in the order they were made.
      for (const actor of actors) {
        const positions = received.filter((d) => d.status === 200).map(alertOf).filter((a) => a.actor.id === actor).map((a) => a.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(deliveredAt('/all').filter((c) => c.startsWith(`${actor}|`))).toEqual(expected.filter((c) => c.startsWith(`${actor}|`)));
      }
      const first = alertOf(received[0]!);
      expect(first).toMatchObject({ type: 'stance.changed', watch: WATCH, from: null, to: 'deny', claim: { quote: expect.stringContaining('statement 1') } });
      expect(first.title).toContain('deny');

      expectWellFormed(receiver.at('/russia'), russia.id, russia.secret);
      expect(deliveredAt('/russia')).toEqual(expected.filter((c) => c.startsWith('russia|')));

      const { body } = await api.call('GET', `/api/admin/webhooks/${all.id}/deliveries?status=delivered`);
      const deliveries = body.deliveries as { alertId: number; attempts: number; status: string; lastStatus: number; deliveredAt: string; title: string; actor: string }[];
      expect(deliveries).toHaveLength(12);
      expect(deliveries.map((d) => d.alertId)).toEqual([...deliveries.map((d) => d.alertId)].sort((a, b) => b - a)); // newest first
      expect(deliveries.at(-1)!.attempts).toBeGreaterThanOrEqual(5); // 5 as scripted; more only if an answer came after the deadline
      expect(deliveries.at(-1)).toMatchObject({ status: 'delivered', lastStatus: 200, lastError: null, nextAttemptAt: null, deliveredAt: expect.any(String) });
      expect(deliveries.filter((d) => d.attempts > 1).length).toBeGreaterThanOrEqual(3);
      expect(deliveries[0]).toMatchObject({ watch: WATCH, title: expect.stringContaining('→'), type: 'stance.changed' });
      expect((await api.call('GET', `/api/admin/webhooks/${all.id}`)).body).toMatchObject({ deliveries: { delivered: 12, pending: 0, dead: 0 } });
    });

    it('loses nothing across a restart while deliveries are failing', async () => {
      receiver.script('/all', [], 'fail');
      const before = receiver.at('/all').length;
      await api.claim('russia');
      await api.claim('dprk');
      await until('two failed attempts of a new alert', () => receiver.at('/all').slice(before).filter((d) => d.status === 500).length >= 2);
      await service.stop();

      service = await startService(env);
      await api.claim('russia');
      await api.claim('nato');
      receiver.script('/all', [], 'ok');
      const expected = (await Promise.all([api.changes('russia', 6), api.changes('dprk', 5), api.changes('nato', 5)])).flat();
      await until('every change, before and after the restart, delivered', () => expected.every((c) => deliveredAt('/all').includes(c)), 30_000);

      expectWellFormed(receiver.at('/all'), all.id, secret);
      expect(deliveredAt('/all').sort()).toEqual([...expected].sort());
      await until('every russia change delivered to /russia', () => expected.filter((c) => c.startsWith('russia|')).every((c) => deliveredAt('/russia').includes(c)));
      expectWellFormed(receiver.at('/russia'), russia.id, russia.secret);

      // The alert that was failing when the service stopped kept its attempts across the restart.
      const failing = alertOf(receiver.at('/all')[before]!);
      const { body } = await api.call('GET', `/api/admin/webhooks/${all.id}/deliveries`);
      expect((body.deliveries as { alertId: number }[]).find((d) => d.alertId === failing.alertId)).toMatchObject({ status: 'delivered', attempts: expect.any(Number) });
      expect((body.deliveries as { alertId: number; attempts: number }[]).find((d) => d.alertId === failing.alertId)!.attempts).toBeGreaterThanOrEqual(3);
    });
  });

  describe('dead letters', () => {
    let database: TestDatabase | undefined;
    let service: Service;
    const api = client(() => service);

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase('postgres');
      service = await startService({
        ...SERVICE_ENV,
        WEBHOOK_MAX_ATTEMPTS: '2',
        ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: await dataDir() }),
      });
    }, 60_000);
    afterAll(async () => {
      await service?.stop();
      await database?.close();
    });

    it('dead-letters a delivery after its last attempt, goes on with later alerts, and sends it again on request', async () => {
      receiver.script('/dead', [], 'fail');
      const created = await api.call('POST', '/api/admin/webhooks', { url: receiver.url('/dead'), watch: WATCH });
      expect(created.status).toBe(201);
      const { id, secret } = created.body as { id: string; secret: string };
      for (let i = 0; i < 3; i++) await api.claim('russia');

      const dead = await until('three dead letters', async () => {
        const { body } = await api.call('GET', `/api/admin/webhooks/${id}/deliveries?status=dead`);
        return (body.deliveries as unknown[]).length === 3 && (body.deliveries as { alertId: number; attempts: number; lastStatus: number; lastError: string; nextAttemptAt: null; title: string }[]);
      });
      for (const d of dead) {
        expect(d).toMatchObject({ status: 'dead', attempts: 2, lastStatus: 500, lastError: 'HTTP 500 Internal Server Error: receiver is down', nextAttemptAt: null, deliveredAt: null, actor: 'russia' });
      }
      // Each alert was tried twice, and the later ones were still attempted after the first died.
      const received = receiver.at('/dead');
      expectWellFormed(received, id, secret);
      const oldestFirst = dead.map((d) => d.alertId).reverse();
      expect(received.map((d) => alertOf(d).alertId)).toEqual(oldestFirst.flatMap((a) => [a, a]));
      expect((await api.call('GET', `/api/admin/webhooks/${id}/deliveries?status=pending`)).body.deliveries).toEqual([]);

      const retryPath = (alertId: number | string, webhook = id) => `/api/admin/webhooks/${webhook}/deliveries/${alertId}/retry`;
      expect(await api.call('POST', retryPath('abc'))).toMatchObject({ status: 400, body: { message: expect.stringContaining('alertId') } });
      expect((await api.call('POST', retryPath(999_999))).status).toBe(404);
      expect((await api.call('POST', retryPath(oldestFirst[0]!, 'wh_nope'))).status).toBe(404);
      expect((await api.call('POST', retryPath(oldestFirst[0]!), undefined, { token: null })).status).toBe(401);

      // The receiver is fixed: the operator sends the first dead letter again.
      receiver.script('/dead', [], 'ok');
      const retried = await api.call('POST', retryPath(oldestFirst[0]!));
      expect(retried).toMatchObject({ status: 200, body: { delivery: { alertId: oldestFirst[0], status: 'pending', attempts: 0 } } });
      await until('the retried delivery delivered', async () => {
        const { body } = await api.call('GET', `/api/admin/webhooks/${id}/deliveries?status=delivered`);
        return (body.deliveries as { alertId: number }[]).some((d) => d.alertId === oldestFirst[0]);
      });
      const resent = receiver.at('/dead').at(-1)!;
      expect(resent).toMatchObject({ status: 200, headers: { 'idempotency-key': `${id}:${oldestFirst[0]}`, 'x-stance-delivery-attempt': '1' } });
      expect(resent.body).toBe(received[0]!.body);
      expect((await api.call('POST', retryPath(oldestFirst[0]!))).status).toBe(409);

      expect((await api.call('DELETE', `/api/admin/webhooks/${id}`)).status).toBe(204);
      expect((await api.call('GET', `/api/admin/webhooks/${id}/deliveries`)).status).toBe(404);
      expect((await api.call('DELETE', `/api/admin/webhooks/${id}`)).status).toBe(404);
      expect((await api.call('GET', '/api/admin/webhooks')).body.webhooks).toEqual([]);
    });
  });
});

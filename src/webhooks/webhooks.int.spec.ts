// The dispatcher against a real database and a real local receiver, wired by hand (no Nest): what
// the e2e tests cannot arrange easily. A hanging receiver holds up only its own webhook, one
// webhook's deliveries never overlap, a name resolving to a private address is refused at
// delivery time, and of two dispatchers on one database only the leader delivers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { createPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { loadConfig } from '../config/config.js';
import { LeaderLockRepository } from '../event-store/leader-lock.repository.js';
import { startLocalHttpServer, type LocalHttpServer } from '../sources/http/testing/local-http-server.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksRepository } from './webhooks.repository.js';

const SECRET = 'an-int-test-secret-0123';

describe.each(backends)('the webhook dispatcher on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;
  let repository: WebhooksRepository;
  let server: LocalHttpServer;
  const dispatchers: WebhookDispatcher[] = [];
  /** Requests by path: arrival order, with whether each was answered yet. */
  const log: { path: string; key: string; answered: boolean }[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  let claims = 0;
  /** The requests /hang holds, answered when a test is done with them. */
  const held: ServerResponse[] = [];

  const route = (path: string, answer: (res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => {
    const entry = { path, key: String(req.headers['idempotency-key']), answered: false };
    log.push(entry);
    inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
    maxInFlight.set(path, Math.max(maxInFlight.get(path) ?? 0, inFlight.get(path)!));
    res.on('close', () => {
      entry.answered = true;
      inFlight.set(path, inFlight.get(path)! - 1);
    });
    req.resume();
    req.on('end', () => answer(res));
  };

  beforeAll(async () => {
    Logger.overrideLogger(false); // failures are expected here, and asserted on the rows
    database = await createTestDatabase(kind);
    p = await createPipeline(database);
    repository = new WebhooksRepository(database);
    server = await startLocalHttpServer({
      '/ok': route('/ok', (res) => res.writeHead(204).end()),
      '/slow': route('/slow', (res) => setTimeout(() => res.writeHead(200).end('ok'), 30)),
      '/hang': route('/hang', (res) => held.push(res)),
    });
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.onApplicationShutdown()));
    for (const hook of await repository.list()) await repository.remove(hook.webhook_id);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const dispatcher = (env: Record<string, string> = {}) => {
    const config = loadConfig({ FIXTURES_DIR: 'off', WEBHOOK_RETRY_BASE_MS: '50', ALLOW_PRIVATE_WEBHOOKS: 'true', ...env });
    const d = new WebhookDispatcher(config, repository, p.stances, p.watches, p.runner, new LeaderLockRepository(database));
    dispatchers.push(d);
    d.start();
    return d;
  };
  const subscribe = async (id: string, url: string) =>
    repository.create({ webhookId: id, url, watchId: null, actorId: null, secret: SECRET, description: null, createdBy: 'test', cursor: await p.stances.lastAlertId() });
  /** Records one stance change of Russia (each claim flips the stance) and projects it. */
  const change = async () => {
    claims++;
    await p.corrections.record({
      watch: WATCH,
      actor: 'russia',
      stance: claims % 2 ? 'deny' : 'confirm',
      saidOn: `2026-01-${String(claims).padStart(2, '0')}`,
      quote: `int statement ${claims}`,
      url: `https://news.example.org/int/${claims}`,
      analyst: 'int',
    });
    await p.runner.catchUp();
    return p.stances.lastAlertId();
  };
  const until = async (what: string, probe: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 15_000;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('a receiver that hangs holds up only its own webhook', async () => {
    await subscribe('wh_hang', server.url('/hang'));
    await subscribe('wh_ok', server.url('/ok'));
    dispatcher({ WEBHOOK_TIMEOUT_MS: '30000' });
    const alertId = await change();
    await until('the delivery to /ok', async () => (await repository.delivery('wh_ok', alertId))?.status === 'delivered');
    // The other receiver got its request and is still holding it.
    expect(log.find((r) => r.key === `wh_hang:${alertId}`)).toMatchObject({ answered: false });
    expect(await repository.delivery('wh_hang', alertId)).toMatchObject({ status: 'pending', attempts: 0 });
    for (const res of held.splice(0)) res.writeHead(200).end();
    await until('the held delivery', async () => (await repository.delivery('wh_hang', alertId))?.status === 'delivered');
  });

  it('never has two deliveries of one webhook in flight', async () => {
    await subscribe('wh_slow', server.url('/slow'));
    dispatcher();
    const first = await change();
    for (let i = 0; i < 4; i++) await change();
    await until('five deliveries', async () => (await repository.deliveries('wh_slow', { status: 'delivered', limit: 10 })).length === 5);
    expect(maxInFlight.get('/slow')).toBe(1);
    expect(log.filter((r) => r.path === '/slow').map((r) => r.key)).toEqual([0, 1, 2, 3, 4].map((i) => `wh_slow:${first + i}`));
  });

  it('refuses, at delivery time, a host name that resolves to a private address', async () => {
    const port = new URL(server.url('/ok')).port;
    // Registered behind the API's back: the API refuses both at registration.
    await subscribe('wh_named', `http://localhost:${port}/ok`);
    await subscribe('wh_literal', `http://127.0.0.1:${port}/ok`);
    const before = log.length;
    dispatcher({ ALLOW_PRIVATE_WEBHOOKS: 'false', WEBHOOK_MAX_ATTEMPTS: '1' });
    const alertId = await change();
    await until('both dead-lettered', async () =>
      (await repository.delivery('wh_named', alertId))?.status === 'dead' && (await repository.delivery('wh_literal', alertId))?.status === 'dead',
    );
    expect((await repository.delivery('wh_named', alertId))?.last_error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address; private-network webhooks are blocked/);
    expect((await repository.delivery('wh_literal', alertId))?.last_error).toMatch(/^127\.0\.0\.1 is a loopback address; private-network webhooks are blocked/);
    expect(log.length).toBe(before);
  });

  it('of two dispatchers on one database, only the leader delivers', async () => {
    await subscribe('wh_once', server.url('/ok'));
    dispatcher();
    dispatcher();
    const alerts = [await change(), await change(), await change()];
    await until('three deliveries', async () => (await repository.deliveries('wh_once', { status: 'delivered', limit: 10 })).length === 3);
    expect(log.filter((r) => r.path === '/ok' && r.key.startsWith('wh_once:')).map((r) => r.key)).toEqual(alerts.map((a) => `wh_once:${a}`));
    expect((await repository.find('wh_once'))?.cursor).toBe(alerts[2]);
  });
});

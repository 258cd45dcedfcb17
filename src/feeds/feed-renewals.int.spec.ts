// The feeds renewed behind their readers while the projection keeps moving (a held renewal): the
// answer of before until the moved pages are rendered, then the new one, equal to what a fresh
// service renders; after a quiet spell (not held) the next request reads anew at once. On both
// databases, with the real repository; only the projection's renewals are told by the test.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, type TestDatabase } from '../../test/support/test-database.js';
import { loadConfig } from '../config/config.js';
import type { RenewalListener, StanceUpdates } from '../stance/stance-updates.js';
import type { FeedRequest } from './domain/feed-request.js';
import { FeedsRepository } from './feeds.repository.js';
import { FeedsService } from './feeds.service.js';

/** Renewals as StanceUpdates tells them, told when the test says. */
function renewals() {
  const listeners: RenewalListener[] = [];
  const updates = { subscribeRenewals: (listener: RenewalListener) => (listeners.push(listener), () => undefined) } as unknown as StanceUpdates;
  return { updates, renew: (held: boolean) => listeners.forEach((listener) => listener(0, held)) };
}

describe.each(backends)('feeds renewed on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;
  beforeAll(async () => {
    ({ database, p } = await seededPipeline(kind));
  });
  afterAll(async () => {
    await database?.close();
  });

  const config = loadConfig({ FIXTURES_DIR: 'off' });
  const service = (updates: StanceUpdates) => {
    const feeds = new FeedsService(new FeedsRepository(database), p.watches, updates, config);
    feeds.onModuleInit();
    return feeds;
  };
  const request: FeedRequest = { scope: { kind: 'actor-changes', watchId: WATCH, actorId: 'russia' }, format: 'atom', page: null };
  const analyst = { watch: WATCH, actor: 'russia', quote: 'A statement for the renewal.', url: 'https://example.org/renewal', analyst: 'ana' };
  let day = 1;
  const changeRussia = async () => {
    const current = (await p.queries.stances(WATCH)).stances.find((s) => s.actor === 'russia')?.stance;
    await p.corrections.record({ ...analyst, stance: current === 'deny' ? 'confirm' : 'deny', saidOn: `2026-01-${String(day++).padStart(2, '0')}` });
    await p.runner.catchUp();
  };

  it(`answers as before until the moved pages are rendered after a held renewal, then as a fresh service does, on ${kind}`, async () => {
    const { updates, renew } = renewals();
    const feeds = service(updates);
    let renewed = 0;
    feeds.onRenewed(() => renewed++);
    const before = await feeds.respond(request, {});
    await changeRussia();
    renew(true);
    const during = await feeds.respond(request, {});
    expect(during.headers.etag).toBe(before.headers.etag);
    expect(during.body?.equals(before.body!)).toBe(true);
    const deadline = Date.now() + 10_000;
    while (renewed === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renewed).toBe(1);
    const after = await feeds.respond(request, {});
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const fresh = await service(renewals().updates).respond(request, {});
    expect(after.headers.etag).toBe(fresh.headers.etag);
    expect(after.body?.equals(fresh.body!)).toBe(true);
  });

  it(`reads anew at the first request after a renewal that follows a quiet spell, on ${kind}`, async () => {
    const { updates, renew } = renewals();
    const feeds = service(updates);
    const before = await feeds.respond(request, {});
    await changeRussia();
    renew(false);
    const after = await feeds.respond(request, {});
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.headers.etag).toBe((await service(renewals().updates).respond(request, {})).headers.etag);
  });
});

// A stance answer or page rendered once is answered again at the node:http level (AnswerCache
// answerAtOnce), as the feeds' answers are: the same bytes and headers as the first answer
// (security headers and a request id included), a 304 on its ETag, nothing stale once the
// projection moves. On both databases, through the whole service over real HTTP.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SubscriptionRunner } from '../src/event-store/subscription-runner.js';
import { AnswerCache } from '../src/stance/answer-cache.js';
import { startInProcessService, TEST_ADMIN_TOKEN, type InProcessService } from './support/in-process-service.js';
import { backends } from './support/test-database.js';

const WATCH = 'dprk-troops-russia';
const ROUTES = [`/api/watches/${WATCH}/stances`, `/watches/${WATCH}/actors/russia`, '/'];

describe.each(backends)('answers already rendered, at once, on %s', (kind) => {
  let service: InProcessService;
  let atOnce: ReturnType<typeof jest.spyOn>;
  let claims = 0;

  const recordClaim = async (stance: string) => {
    claims += 1;
    const res = await fetch(`${service.url}/api/admin/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ watch: WATCH, actor: 'russia', stance, saidOn: `2024-11-0${claims}`, quote: `Statement ${claims}.`, url: `https://news.example.org/${claims}`, analyst: 'ana' }),
    });
    expect(res.status).toBe(201);
    await service.app.get(SubscriptionRunner).catchUp();
  };

  /** Whether the last request was answered by answerAtOnce. */
  const answeredAtOnce = () => atOnce.mock.results.at(-1)?.value === true;

  beforeAll(async () => {
    service = await startInProcessService(kind);
    atOnce = jest.spyOn(service.app.get(AnswerCache), 'answerAtOnce');
    // The cache learns the projection's position from its first poll of the checkpoint, a second
    // after the first request, and empties itself then (it cannot tell what it held before): wait
    // until an answer stays, then start from an empty cache.
    const probe = `${service.url}/api/watches/${WATCH}/stances?as_of=2024-01-01`;
    const deadline = Date.now() + 10_000;
    do {
      await fetch(probe);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await fetch(probe);
    } while (!answeredAtOnce() && Date.now() < deadline);
    await recordClaim('deny');
  });
  afterAll(async () => {
    await service?.stop();
  });

  it.each(ROUTES)(`answers %s the second time with the first answer's bytes and headers, on ${kind}`, async (path) => {
    const first = await fetch(service.url + path);
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(answeredAtOnce()).toBe(false);
    const second = await fetch(service.url + path);
    expect(answeredAtOnce()).toBe(true);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstBody);
    for (const header of ['etag', 'content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy']) {
      expect({ header, value: second.headers.get(header) }).toEqual({ header, value: first.headers.get(header) });
    }
    expect(second.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(second.headers.get('x-request-id')).toMatch(/\S/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));

    const revalidated = await fetch(service.url + path, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(answeredAtOnce()).toBe(true);
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    const head = await fetch(service.url + path, { method: 'HEAD' });
    expect(answeredAtOnce()).toBe(true);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)));
    expect(await head.text()).toBe('');
  });

  it(`sends a feed's answer again with the security headers of its first, on ${kind}`, async () => {
    const feed = `${service.url}/feeds/watches/${WATCH}/changes.atom`;
    const first = await fetch(feed);
    const body = await first.text();
    const second = await fetch(feed);
    expect(await second.text()).toBe(body);
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'etag']) {
      expect({ header, value: second.headers.get(header) }).toEqual({ header, value: first.headers.get(header) });
    }
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it(`renders again once the projection moves, never the answer of an earlier position, on ${kind}`, async () => {
    const path = ROUTES[0]!;
    const before = await (await fetch(service.url + path)).json();
    await recordClaim('confirm');
    const after = await fetch(service.url + path);
    expect(answeredAtOnce()).toBe(false);
    const body = (await after.json()) as { knownAtPosition: number; stances: { actor: string; stance: string | null }[] };
    expect(body.knownAtPosition).toBeGreaterThan((before as { knownAtPosition: number }).knownAtPosition);
    expect(body.stances.find((s) => s.actor === 'russia')?.stance).toBe('confirm');
  });

  it(`leaves requests it has no answer for to Express: a bad query is still refused, on ${kind}`, async () => {
    const res = await fetch(`${service.url}/api/watches/${WATCH}/actors/russia/history?limit=0`);
    expect(answeredAtOnce()).toBe(false);
    expect(res.status).toBe(400);
  });
});

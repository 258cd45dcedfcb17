// A stance answer or page rendered once is answered again at the node:http level (AnswerCache
// answerAtOnce), as the feeds' answers are: the same bytes and headers as the first answer
// (security headers and a request id included), a 304 on its ETag, and a new answer within
// READ_REFRESH_MS of a move. On both databases, through the whole service over real HTTP.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SubscriptionRunner } from '../src/event-store/subscription-runner.js';
import { AnswerCache } from '../src/stance/answer-cache.js';
import { startInProcessService, TEST_ADMIN_TOKEN, type InProcessService } from './support/in-process-service.js';
import { backends } from './support/test-database.js';
import { until } from './support/until.js';

const WATCH = 'dprk-troops-russia';
/** Short, so that a test can wait out a renewal held back by an earlier move. */
const READ_REFRESH_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GET with exactly these headers (fetch adds Accept-Encoding of its own), the body as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
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
    service = await startInProcessService(kind, { READ_REFRESH_MS: String(READ_REFRESH_MS) });
    atOnce = jest.spyOn(service.app.get(AnswerCache), 'answerAtOnce');
    // The cache learns the projection's position from its first poll of the checkpoint, a second
    // after the first request, and empties itself then (it cannot tell what it held before): wait
    // until an answer stays, then start from an empty cache.
    const probe = `${service.url}/api/watches/${WATCH}/stances?as_of=2024-01-01`;
    const deadline = Date.now() + 10_000;
    do {
      await fetch(probe);
      await sleep(200);
      await fetch(probe);
    } while (!answeredAtOnce() && Date.now() < deadline);
    await recordClaim('deny');
    // The caches are renewed for that move at most READ_REFRESH_MS after the last renewal.
    await sleep(READ_REFRESH_MS + 100);
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

    const head = await fetch(service.url + path, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(answeredAtOnce()).toBe(true);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)));
    expect(await head.text()).toBe('');
  });

  it.each(ROUTES)(`sends %s gzipped to a client that accepts it, rendered and at once, on ${kind}`, async (path) => {
    await recordClaim('deny');
    await sleep(READ_REFRESH_MS + 100); // the caches renewed: the next request renders
    const rendered = await rawGet(service.url + path, { 'accept-encoding': 'gzip' });
    expect(answeredAtOnce()).toBe(false);
    const plain = await rawGet(service.url + path, {});
    expect(answeredAtOnce()).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const atOnce = await rawGet(service.url + path, { 'accept-encoding': 'gzip' });
    expect(answeredAtOnce()).toBe(true);
    for (const zipped of [rendered, atOnce]) {
      expect(zipped.status).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      // Another representation, so another tag; the same content, so either revalidates either.
      expect(zipped.headers.etag).toBe(plain.headers.etag!.replace(/"$/, '-gz"'));
    }
    const revalidated = await rawGet(service.url + path, { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.etag! });
    expect(revalidated.status).toBe(304);
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

  it(`renders again within READ_REFRESH_MS of a move, never going back to an earlier position, on ${kind}`, async () => {
    const path = ROUTES[0]!;
    type Stances = { knownAtPosition: number; stances: { actor: string; stance: string | null }[] };
    const before = (await (await fetch(service.url + path)).json()) as Stances;
    await recordClaim('confirm');
    const moved = performance.now();
    let seen = before.knownAtPosition;
    const after = await until('an answer of the new position', async () => {
      const body = (await (await fetch(service.url + path)).json()) as Stances;
      expect(body.knownAtPosition).toBeGreaterThanOrEqual(seen);
      seen = body.knownAtPosition;
      return body.knownAtPosition > before.knownAtPosition && { body, atOnce: answeredAtOnce() };
    });
    expect(performance.now() - moved).toBeLessThan(READ_REFRESH_MS + 1_000);
    expect(after.atOnce).toBe(false);
    expect(after.body.stances.find((s) => s.actor === 'russia')?.stance).toBe('confirm');
  });

  it(`leaves requests it has no answer for to Express: a bad query is still refused, on ${kind}`, async () => {
    const res = await fetch(`${service.url}/api/watches/${WATCH}/actors/russia/history?limit=0`);
    expect(answeredAtOnce()).toBe(false);
    expect(res.status).toBe(400);
  });
});

// The admin API's rate limit over real HTTP, on the built service with a small limit: a client
// gets 429 with Retry-After once it has spent its requests (wrong tokens included), another
// client and the public API are not affected, and after Retry-After the client is admitted again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
// Three at once, then one every 2 s: the requests of one burst arrive well within 2 s.
const LIMIT = 3;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: Record<string, unknown>;
}

/** GET with a connection of its own, from `localAddress` (every 127.x address is this machine). */
function get(url: string, { token, localAddress = '127.0.0.1' }: { token?: string; localAddress?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, localAddress, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('admin rate limit on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let service: Awaited<ReturnType<typeof startService>>;

  beforeAll(async () => {
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    else dataDir = await mkdtemp(join(tmpdir(), 'rate-limit-e2e-'));
    service = await startService({
      ADMIN_TOKEN,
      ADMIN_RATE_LIMIT: `${LIMIT}/6s`,
      FIXTURES_DIR: 'off',
      ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir! }),
    });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After past the limit, wrong tokens included, per client, and admits again after it', async () => {
    const admin = `${service.url}/api/admin/webhooks`;
    // A brute-force guesser spends the client's requests with wrong tokens...
    const guesses = await Promise.all(Array.from({ length: LIMIT }, (_, i) => get(admin, { token: `wrong-token-number-${i}` })));
    expect(guesses.map((g) => g.status)).toEqual(Array(LIMIT).fill(401));
    // ...so the next request of that client is refused even with the right token.
    const refused = await get(admin, { token: ADMIN_TOKEN });
    expect(refused).toMatchObject({
      status: 429,
      retryAfter: expect.stringMatching(/^\d+$/),
      body: { statusCode: 429, message: expect.stringContaining('ADMIN_RATE_LIMIT') },
    });
    const retryAfterSeconds = Number(refused.retryAfter);
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(2); // one request's share of the 6 s window

    // Another client address has its own bucket.
    expect((await get(admin, { token: ADMIN_TOKEN, localAddress: '127.0.0.2' })).status).toBe(200);
    // The public API is not limited at all.
    const publicPaths = ['/api/watches', '/api/sources', '/health', '/api/docs-json'];
    const answers = await Promise.all(Array.from({ length: 5 * LIMIT }, (_, i) => get(`${service.url}${publicPaths[i % publicPaths.length]}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(5 * LIMIT).fill(200));

    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1000));
    expect(await get(admin, { token: ADMIN_TOKEN })).toMatchObject({ status: 200, body: { webhooks: [] } });
  });
});

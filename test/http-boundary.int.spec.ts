// What every request meets on its way in and out, through real HTTP against the application on
// each database: security headers on every kind of response, errors in the content type the
// client asked for, and 503 with Retry-After while the database cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DATABASE } from '../src/database/database.tokens.js';
import type { Database } from '../src/database/database.js';
import { startInProcessService, type InProcessService } from './support/in-process-service.js';
import { backends, serverBackends, serverUrl } from './support/test-database.js';

const STANCES = '/api/watches/dprk-troops-russia/stances';

for (const kind of backends) {
  describe(`the HTTP boundary on ${kind === 'postgres' ? 'postgres' : 'pglite'}`, () => {
    let service: InProcessService;

    beforeAll(async () => {
      service = await startInProcessService(kind);
    }, 180_000);
    afterAll(async () => {
      await service?.stop();
    });

    it('sends CSP, nosniff and a referrer policy on every kind of response, and no X-Powered-By', async () => {
      const paths = ['/', '/sources', '/documents/no-such-document', '/api/documents/no-such-document', STANCES, '/api/docs', '/api/docs-json', '/feeds/changes.atom', '/feeds/changes.json', '/health', '/metrics', '/assets/board.css', '/no/such/page'];
      for (const path of paths) {
        const res = await fetch(`${service.url}${path}`);
        await res.arrayBuffer();
        const headers = {
          path,
          csp: res.headers.get('content-security-policy'),
          nosniff: res.headers.get('x-content-type-options'),
          referrer: res.headers.get('referrer-policy'),
          poweredBy: res.headers.get('x-powered-by'),
        };
        expect(headers).toEqual({
          path,
          csp: expect.stringMatching(/^default-src 'none'; script-src 'self'; .*frame-ancestors 'none'/),
          nosniff: 'nosniff',
          referrer: 'strict-origin-when-cross-origin',
          poweredBy: null,
        });
        // Only Swagger UI, which styles its elements inline, may do so.
        expect({ path, inlineStyles: headers.csp!.includes("'unsafe-inline'") }).toEqual({ path, inlineStyles: path === '/api/docs' });
        expect({ path, inlineScripts: /script-src[^;]*unsafe/.test(headers.csp!) }).toEqual({ path, inlineScripts: false });
      }
    });

    it('answers a page error with a page in the board style, and an API error with JSON, whatever the Accept', async () => {
      const page = await fetch(`${service.url}/watches/no-such-watch/actors/russia`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await page.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/board\.css\?v=/);
      expect(html).toContain('There is no watch &quot;no-such-watch&quot;.');

      const asJson = await fetch(`${service.url}/documents/no-such-document`, { headers: { Accept: 'application/json' } });
      expect(asJson.status).toBe(404);
      expect(asJson.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await asJson.json()).toEqual({ statusCode: 404, message: 'no document "no-such-document"', error: 'Not Found' });

      const api = await fetch(`${service.url}/api/watches/no-such-watch/stances`, { headers: { Accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toBe('application/json; charset=utf-8');
    });

    it.each([
      ['a NUL in a path segment', `/api/documents/a%00b`, /path parameter id contains a NUL/],
      ['a NUL in a page path', `/documents/a%00b`, /path parameter id contains a NUL/],
      ['known_at with offset +99:99', `${STANCES}?known_at=2025-01-01T00:00:00%2B99:99`, /known_at must be/],
      ['known_at with offset +24:00', `/api/watches/dprk-troops-russia/actors/russia/why?known_at=2025-01-01T00:00:00%2B24:00`, /known_at must be/],
      ['as_of with offset -99:00', `/api/watches/dprk-troops-russia/actors/russia/history?as_of=2025-01-01T00:00:00-99:00`, /as_of must be/],
      ['an unpaired surrogate in a query value', `${STANCES}?known_at=%ED%A0%80`, /./],
    ])('answers 400 naming the field for %s', async (_name, path, message) => {
      const res = await fetch(`${service.url}${path}`, { headers: { Accept: 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    });
  });
}

/**
 * The answers while the database is gone: the API, a page and /health. An answer the read cache
 * holds for the current projection position needs no query and is still served (STANCES, asked
 * before the outage); one it does not hold needs the database, and is the 503.
 */
async function expectUnavailable(url: string): Promise<void> {
  expect((await fetch(`${url}${STANCES}`)).status).toBe(200);
  const api = await fetch(`${url}${STANCES}?as_of=2024-10-24`);
  expect({ status: api.status, retryAfter: api.headers.get('retry-after'), type: api.headers.get('content-type') }).toEqual({
    status: 503,
    retryAfter: '5',
    type: 'application/json; charset=utf-8',
  });
  expect(await api.json()).toEqual({ statusCode: 503, message: expect.stringMatching(/database is unreachable/), error: 'Service Unavailable' });
  const page = await fetch(`${url}/`, { headers: { Accept: 'text/html' } });
  expect({ status: page.status, retryAfter: page.headers.get('retry-after'), type: page.headers.get('content-type') }).toEqual({
    status: 503,
    retryAfter: '5',
    type: 'text/html; charset=utf-8',
  });
  expect(await page.text()).toContain('<h1>Service Unavailable</h1>');
  const health = await fetch(`${url}/health`);
  expect({ status: health.status, retryAfter: health.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: '5' });
}

describe('a closed embedded database', () => {
  it('answers 503 with Retry-After, in the content type asked for', async () => {
    const service = await startInProcessService('pglite');
    try {
      expect((await fetch(`${service.url}${STANCES}`)).status).toBe(200);
      await service.app.get<symbol, Database>(DATABASE).close();
      await expectUnavailable(service.url);
    } finally {
      await service.stop();
    }
  }, 180_000);
});

for (const kind of serverBackends) {
  describe(`an unreachable database on ${kind}`, () => {
    it('answers 503 with Retry-After while connections are refused, and 200 again once they are allowed', async () => {
      const service = await startInProcessService('postgres');
      const name = new URL(service.database!.url!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: serverUrl! });
      await admin.connect();
      try {
        expect((await fetch(`${service.url}${STANCES}`)).status).toBe(200);
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        await expectUnavailable(service.url);
        await admin.query(`alter database ${name} allow_connections true`);
        let status = 0;
        for (let i = 0; i < 50 && status !== 200; i++) {
          status = (await fetch(`${service.url}${STANCES}`)).status;
          if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(status).toBe(200);
      } finally {
        await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
        await admin.end();
        await service.stop();
      }
    }, 180_000);
  });
}

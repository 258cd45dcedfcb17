import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeFeedBody } from '../domain/charset.js';
import { parseFeed } from '../domain/parse-feed.js';
import type { FeedParseResult } from '../domain/feed-entry.js';
import { fetchFeed } from './feed-fetcher.js';
import { startLocalHttpServer, type LocalHttpServer, type Route } from './testing/local-http-server.js';

// Bad bodies served over HTTP, fetched and parsed as a poll does: each must end as a typed
// failure with a message, promptly, and leave the next poll working.

const LAUGHS = [
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`),
].join('');

const BODIES: Record<string, [contentType: string, body: string]> = {
  '/malformed': ['application/rss+xml', '<rss version="2.0"><channel><title>Broken<title></channel></rss>'],
  '/billion-laughs': ['application/xml', `<?xml version="1.0"?><!DOCTYPE rss [${LAUGHS}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`],
  '/empty': ['application/rss+xml', ''],
  '/html': ['text/html; charset=utf-8', '<!doctype html><html lang="id"><head><title>Beranda</title><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Berita</body></html>'],
  '/good': ['application/rss+xml', '<rss version="2.0"><channel><title>Kabar</title><item><title>Satu</title><link>/1</link></item></channel></rss>'],
};

let server: LocalHttpServer;

beforeAll(async () => {
  const routes: Record<string, Route> = {};
  for (const [path, [contentType, body]] of Object.entries(BODIES)) {
    routes[path] = (_request, response) => response.writeHead(200, { 'content-type': contentType }).end(body);
  }
  server = await startLocalHttpServer(routes);
});

afterAll(() => server.close());

async function poll(path: string): Promise<FeedParseResult> {
  const fetched = await fetchFeed(server.url(path), { allowPrivate: true });
  if (fetched.kind !== 'ok') throw new Error(`fetch failed: ${fetched.kind}`);
  return parseFeed(decodeFeedBody(fetched.body, fetched.contentType).text, { feedUrl: fetched.url });
}

describe('bad feed bodies over HTTP', () => {
  it.each([
    ['/malformed', 'malformed', /not well-formed XML/],
    ['/billion-laughs', 'entity-declaration', /declares XML entities/],
    ['/empty', 'empty', /empty/],
    ['/html', 'html', /HTML page/],
  ])('%s gives the failure reason %s', async (path, reason, message) => {
    const started = Date.now();
    const result = await poll(path);
    expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(message) });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('leaves the next poll working', async () => {
    for (const path of Object.keys(BODIES)) await poll(path);
    const result = await poll('/good');
    expect(result.ok && result.feed.entries.map((entry) => [entry.title, entry.link])).toEqual([['Satu', server.url('/1')]]);
  });
});

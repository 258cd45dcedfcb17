import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { decodeFeedBody } from '../domain/charset.js';
import { fetchFeed, type FetchFeedResult } from './feed-fetcher.js';
import { startLocalHttpServer, type LocalHttpServer, type Route } from './testing/local-http-server.js';

const FEED = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kabar dunia</title></channel></rss>';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Mon, 28 Apr 2025 10:00:00 GMT';
const MB = 1024 * 1024;

const rssWithTitle = (title: Buffer, encodingDeclaration: string) =>
  Buffer.concat([
    Buffer.from(`<?xml version="1.0"${encodingDeclaration}?><rss version="2.0"><channel><title>`),
    title,
    Buffer.from('</title></channel></rss>'),
  ]);

function redirectTo(location: string): Route {
  return (_request, response) => response.writeHead(302, { location }).end();
}

function sendFeed(headers: Record<string, string | number> = {}, body: Buffer | string = FEED): Route {
  return (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);
}

function chain(prefix: string, length: number): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (let hop = 0; hop < length; hop++) routes[`/${prefix}/${hop}`] = redirectTo(`/${prefix}/${hop + 1}`);
  routes[`/${prefix}/${length}`] = sendFeed();
  return routes;
}

// Zeros forever: a gzip stream that never ends and inflates about a thousandfold.
function endlessZeros(): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  return new Readable({ read() { this.push(chunk); } });
}

let server: LocalHttpServer;

beforeAll(async () => {
  server = await startLocalHttpServer({
    '/feed': (request, response) => {
      if (request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED) {
        response.writeHead(304, { etag: ETAG, 'cache-control': 'max-age=600' }).end();
      } else {
        sendFeed({ etag: ETAG, 'last-modified': LAST_MODIFIED, 'cache-control': 'public, max-age=600' })(request, response);
      }
    },
    '/gzip': sendFeed({ 'content-encoding': 'gzip' }, gzipSync(FEED)),
    '/deflate': sendFeed({ 'content-encoding': 'deflate' }, deflateSync(FEED)),
    '/raw-deflate': sendFeed({ 'content-encoding': 'deflate' }, deflateRawSync(FEED)),
    '/brotli': sendFeed({ 'content-encoding': 'br' }, brotliCompressSync(FEED)),
    '/corrupt-gzip': sendFeed({ 'content-encoding': 'gzip' }, Buffer.from('this is not gzip at all')),
    '/unknown-encoding': sendFeed({ 'content-encoding': 'zstd' }, 'whatever'),
    '/gzip-bomb': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      endlessZeros().pipe(createGzip()).pipe(response);
    },
    '/silent': () => {
      // never answers
    },
    '/trickle': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel>');
      // the rest never comes
    },
    '/big-declared': sendFeed({}, Buffer.alloc(2 * MB, 'a')),
    '/big-chunked': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < 2 * MB; sent += chunk.length) response.write(chunk);
      response.end();
    },
    ...chain('five', 5),
    ...chain('six', 6),
    '/loop/a': redirectTo('/loop/b'),
    '/loop/b': redirectTo('/loop/a'),
    '/to-file': redirectTo('file:///etc/passwd'),
    '/windows-1252': sendFeed(
      { 'content-type': 'application/rss+xml; charset=windows-1252' },
      // “Kim” – café €5
      rssWithTitle(Buffer.concat([Buffer.from([0x93]), Buffer.from('Kim'), Buffer.from([0x94, 0x20, 0x96, 0x20]), Buffer.from('caf\xe9 \x805', 'latin1')]), ''),
    ),
    '/iso-8859-1': sendFeed(
      { 'content-type': 'text/xml' },
      rssWithTitle(Buffer.from('São Paulo, Größe, Ñandú', 'latin1'), ' encoding="ISO-8859-1"'),
    ),
    '/rate-limited': (_request, response) => response.writeHead(429, { 'retry-after': '120' }).end('slow down'),
    '/unavailable': (_request, response) =>
      response.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end(),
    '/gone': (_request, response) => response.writeHead(410).end(),
  });
});

afterAll(() => server.close());

function expectFailure(result: FetchFeedResult, reason: string): Extract<FetchFeedResult, { kind: 'failed' }> {
  if (result.kind !== 'failed') throw new Error(`expected a ${reason} failure, got ${result.kind}`);
  expect(result.reason).toBe(reason);
  expect(result.message).not.toBe('');
  return result;
}

const local = { allowPrivate: true };

/** The body's characters, as the parse worker decodes them; null for a result without a body. */
function decoded(result: FetchFeedResult): { text: string; charset: string } | null {
  if (result.kind !== 'ok') return null;
  const { text, charset } = decodeFeedBody(result.body, result.contentType);
  return { text, charset };
}

describe('fetchFeed: conditional GET', () => {
  it('returns the body with its validators and cache lifetime', async () => {
    const result = await fetchFeed(server.url('/feed'), local);
    expect(decoded(result)).toEqual({ text: FEED, charset: 'utf-8' });
    expect(result).toEqual({
      kind: 'ok',
      url: server.url('/feed'),
      status: 200,
      body: expect.any(Uint8Array),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      maxAgeSeconds: 600,
    });
    const [headers] = server.requestHeaders('/feed');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers['user-agent']).toMatch(/^stance-monitor/);
    expect(headers['if-none-match']).toBeUndefined();
  });

  it('says a body is coming before it reads one, and only then', async () => {
    const calls: string[] = [];
    const fetched = await fetchFeed(server.url('/feed'), { ...local, onBodyComing: () => calls.push('body') });
    expect(fetched.kind).toBe('ok');
    const unchanged = await fetchFeed(server.url('/feed'), { ...local, etag: ETAG, onBodyComing: () => calls.push('unchanged') });
    expect(unchanged.kind).toBe('not-modified');
    const failed = await fetchFeed(server.url('/gone'), { ...local, onBodyComing: () => calls.push('failed') });
    expect(failed.kind).toBe('failed');
    expect(calls).toEqual(['body']);
  });

  it('answers not-modified for an unchanged ETag', async () => {
    const result = await fetchFeed(server.url('/feed'), { ...local, etag: ETAG });
    expect(result).toEqual({ kind: 'not-modified', url: server.url('/feed'), etag: ETAG, lastModified: null, maxAgeSeconds: 600 });
    expect(server.requestHeaders('/feed').at(-1)?.['if-none-match']).toBe(ETAG);
  });

  it('answers not-modified for an unchanged Last-Modified, keeping the validator it sent', async () => {
    const result = await fetchFeed(server.url('/feed'), { ...local, lastModified: LAST_MODIFIED });
    expect(result).toMatchObject({ kind: 'not-modified', lastModified: LAST_MODIFIED });
    expect(server.requestHeaders('/feed').at(-1)?.['if-modified-since']).toBe(LAST_MODIFIED);
  });
});

describe('fetchFeed: compression', () => {
  it.each(['/gzip', '/deflate', '/raw-deflate', '/brotli'])('decodes %s', async (path) => {
    const result = await fetchFeed(server.url(path), local);
    expect(decoded(result)?.text).toBe(FEED);
  });

  it('reports a corrupt gzip body', async () => {
    expectFailure(await fetchFeed(server.url('/corrupt-gzip'), local), 'bad-content-encoding');
  });

  it('reports an encoding it cannot decode', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/unknown-encoding'), local), 'bad-content-encoding');
    expect(failure.message).toContain('zstd');
  });

  it('stops an endless gzip stream at the limit on the decompressed size', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const failure = expectFailure(await fetchFeed(server.url('/gzip-bomb'), { ...local, maxBytes: 4 * MB }), 'too-large');
    expect(failure.message).toContain(String(4 * MB));
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * MB);
  });
});

describe('fetchFeed: limits', () => {
  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const failure = expectFailure(await fetchFeed(server.url('/silent'), { ...local, timeoutMs: 300 }), 'timeout');
    expect(failure.message).toContain('300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a body that stops half-way', async () => {
    expectFailure(await fetchFeed(server.url('/trickle'), { ...local, timeoutMs: 300 }), 'timeout');
  });

  it('refuses a body whose declared length exceeds the limit, without reading it', async () => {
    expectFailure(await fetchFeed(server.url('/big-declared'), { ...local, maxBytes: MB }), 'too-large');
  });

  it('stops reading a chunked body at the limit', async () => {
    expectFailure(await fetchFeed(server.url('/big-chunked'), { ...local, maxBytes: MB }), 'too-large');
  });
});

describe('fetchFeed: redirects', () => {
  it('follows five redirects and reports the final URL', async () => {
    const result = await fetchFeed(server.url('/five/0'), local);
    expect(result).toMatchObject({ kind: 'ok', url: server.url('/five/5') });
    expect(decoded(result)?.text).toBe(FEED);
  });

  it('gives up on the sixth redirect', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/six/0'), local), 'too-many-redirects');
    expect(failure.message).toContain('more than 5 redirects');
    expect(server.requestHeaders('/six/6')).toHaveLength(0);
  });

  it('recognises a redirect loop', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/loop/a'), local), 'redirect-loop');
    expect(failure.message).toBe(`redirect loop: ${server.url('/loop/a')} → ${server.url('/loop/b')} → ${server.url('/loop/a')}`);
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    expectFailure(await fetchFeed(server.url('/to-file'), local), 'invalid-url');
  });
});

describe('fetchFeed: character encodings', () => {
  it('decodes windows-1252 named in the Content-Type header', async () => {
    const result = await fetchFeed(server.url('/windows-1252'), local);
    expect(decoded(result)?.charset).toBe('windows-1252');
    expect(decoded(result)?.text).toContain('<title>“Kim” – café €5</title>');
  });

  it('decodes ISO-8859-1 named only in the XML declaration', async () => {
    const result = await fetchFeed(server.url('/iso-8859-1'), local);
    expect(decoded(result)?.text).toContain('<title>São Paulo, Größe, Ñandú</title>');
  });
});

describe('fetchFeed: HTTP errors', () => {
  it('reports 429 with its Retry-After in seconds', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/rate-limited'), local), 'http-status');
    expect(failure).toMatchObject({ status: 429, retryAfterMs: 120_000, message: 'HTTP 429 Too Many Requests (Retry-After: 120 s)' });
  });

  it('reports 503 with its Retry-After as an HTTP date', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/unavailable'), local), 'http-status');
    expect(failure).toMatchObject({ status: 503 });
    expect(failure.reason === 'http-status' && failure.retryAfterMs).toBeGreaterThan(3_500_000);
  });

  it('reports other statuses without a retry hint', async () => {
    const failure = expectFailure(await fetchFeed(server.url('/gone'), local), 'http-status');
    expect(failure).toMatchObject({ status: 410, retryAfterMs: null, message: 'HTTP 410 Gone' });
  });

  it('reports a refused connection as a network failure', async () => {
    expectFailure(await fetchFeed('http://127.0.0.1:1/feed', local), 'network');
  });

  it('refuses a URL that is not http(s)', async () => {
    expectFailure(await fetchFeed('ftp://example.com/feed.xml'), 'invalid-url');
    expectFailure(await fetchFeed('not a url'), 'invalid-url');
  });
});

describe('fetchFeed: private networks', () => {
  it.each([
    ['an IPv4 loopback literal', () => server.url('/feed')],
    ['an IPv6 loopback literal', () => 'http://[::1]:8080/feed'],
    ['an IPv4-mapped IPv6 literal', () => 'http://[::ffff:169.254.169.254]/latest/meta-data/'],
    ['a host name that resolves to loopback', () => server.url('/feed').replace('127.0.0.1', 'localhost')],
  ])('blocks %s unless allowPrivate', async (_name, url) => {
    const failure = expectFailure(await fetchFeed(url()), 'blocked-address');
    expect(failure.message).toMatch(/loopback|link-local/);
  });

  it('never sends the request to a blocked host', async () => {
    const before = server.requestHeaders('/feed').length;
    await fetchFeed(server.url('/feed').replace('127.0.0.1', 'localhost'));
    expect(server.requestHeaders('/feed')).toHaveLength(before);
  });
});

import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'undici';
import { parseCacheMaxAge, parseRetryAfter } from '../domain/next-poll.js';
import { BlockedAddressError, assertPublicIpLiteral, publicAddressLookup } from './address-guard.js';
import { BodyTooLargeError, ContentEncodingError, SUPPORTED_CONTENT_ENCODINGS, readDecodedBody } from './decoded-body.js';

// Fetches a feed the way the best readers do: conditional GET, compression, a deadline for the
// whole exchange, a body limit, redirects followed by hand (to count them, spot loops and check
// every hop's address), and charset detection. It never throws: every outcome is a value the
// caller records on the source, so one bad source cannot disturb the others.

export interface FetchFeedOptions {
  /** Validators from the last successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Deadline for the whole exchange: connection, redirects, headers and body. */
  timeoutMs?: number;
  /** Limit on the body, both as received and after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (tests and intranet deployments). */
  allowPrivate?: boolean;
  userAgent?: string;
  /**
   * Called once a 2xx response's body starts to arrive, before it is read: a caller that parses
   * bodies elsewhere can get ready while the bytes come in (a 304 or a failure never calls it).
   */
  onBodyComing?: () => void;
}

export const FETCH_FEED_DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: 'stance-monitor/0.1 (+feed fetcher)',
} as const;

interface CacheValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface FeedFetched extends CacheValidators {
  kind: 'ok';
  /** The URL the body came from, after redirects: the base for its relative links. */
  url: string;
  status: number;
  /**
   * The body's bytes, content coding undone; its characters are decoded (`decodeFeedBody`) where
   * it is parsed, off the main thread.
   */
  body: Uint8Array;
  contentType: string | null;
  maxAgeSeconds: number | null;
}

export interface FeedNotModified extends CacheValidators {
  kind: 'not-modified';
  url: string;
  maxAgeSeconds: number | null;
}

export type FetchFailure =
  | { reason: 'http-status'; status: number; retryAfterMs: number | null; message: string }
  | {
      reason:
        | 'timeout'
        | 'too-large'
        | 'too-many-redirects'
        | 'redirect-loop'
        | 'blocked-address'
        | 'invalid-url'
        | 'bad-content-encoding'
        | 'network';
      message: string;
    };

export type FeedFetchFailed = { kind: 'failed'; url: string } & FetchFailure;

export type FetchFeedResult = FeedFetched | FeedNotModified | FeedFetchFailed;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const FEED_MEDIA_TYPES =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

class InvalidUrlError extends Error {}

export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const timeoutMs = options.timeoutMs ?? FETCH_FEED_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_FEED_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_FEED_DEFAULTS.maxRedirects;
  const allowPrivate = options.allowPrivate ?? FETCH_FEED_DEFAULTS.allowPrivate;
  const deadline = AbortSignal.timeout(timeoutMs);
  // One agent per fetch: polls of one source are minutes apart, so pooled connections would idle.
  const agent = new Agent({
    connect: { timeout: timeoutMs, ...(allowPrivate ? {} : { lookup: publicAddressLookup }) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const visited: string[] = [];
  let current = url;
  try {
    for (;;) {
      const target = webUrl(current);
      if (!allowPrivate) assertPublicIpLiteral(target);
      visited.push(target.href);
      const response = await request(withoutUserinfo(target), {
        dispatcher: agent,
        signal: deadline,
        headers: { ...requestHeaders(options), ...basicAuthorization(target, url) },
      });
      const { statusCode: status, headers, body } = response;
      const location = header(headers, 'location');

      if (REDIRECT_STATUSES.has(status) && location !== null) {
        await body.dump();
        const next = webUrl(location, target).href;
        if (visited.includes(next)) {
          return failed(current, 'redirect-loop', `redirect loop: ${[...visited, next].join(' → ')}`);
        }
        if (visited.length > maxRedirects) {
          return failed(current, 'too-many-redirects', `more than ${maxRedirects} redirects: ${[...visited, next].join(' → ')}`);
        }
        current = next;
        continue;
      }

      const validators = {
        etag: header(headers, 'etag') ?? options.etag ?? null,
        lastModified: header(headers, 'last-modified') ?? options.lastModified ?? null,
      };
      const maxAgeSeconds = parseCacheMaxAge(header(headers, 'cache-control'));

      if (status === 304) {
        await body.dump();
        return { kind: 'not-modified', url: target.href, ...validators, maxAgeSeconds };
      }
      if (status < 200 || status > 299) {
        await body.dump();
        return httpStatusFailure(target.href, status, header(headers, 'retry-after'));
      }
      if (Number(header(headers, 'content-length') ?? 0) > maxBytes) {
        body.destroy();
        return failed(target.href, 'too-large', new BodyTooLargeError(maxBytes).message);
      }
      options.onBodyComing?.();
      const bytes = await readDecodedBody(body, header(headers, 'content-encoding') ?? undefined, maxBytes);
      return { kind: 'ok', url: target.href, status, body: bytes, contentType: header(headers, 'content-type'), ...validators, maxAgeSeconds };
    }
  } catch (error) {
    return { kind: 'failed', url: current, ...describeFailure(error, deadline, timeoutMs) };
  } finally {
    await agent.destroy();
  }
}

function requestHeaders(options: FetchFeedOptions): Record<string, string> {
  return {
    'user-agent': options.userAgent ?? FETCH_FEED_DEFAULTS.userAgent,
    accept: FEED_MEDIA_TYPES,
    'accept-encoding': SUPPORTED_CONTENT_ENCODINGS,
    ...(options.etag ? { 'if-none-match': options.etag } : {}),
    ...(options.lastModified ? { 'if-modified-since': options.lastModified } : {}),
  };
}

/**
 * A feed URL's user name and password (`https://user:pass@host/feed`) are sent as HTTP Basic
 * credentials, to the feed's own origin only: a redirect elsewhere does not get them.
 */
function basicAuthorization(target: URL, sourceUrl: string): Record<string, string> {
  if (!target.username && !target.password) return {};
  if (target.origin !== new URL(sourceUrl).origin) return {};
  const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
  return { authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

function withoutUserinfo(target: URL): URL {
  if (!target.username && !target.password) return target;
  const bare = new URL(target.href);
  bare.username = '';
  bare.password = '';
  return bare;
}

function webUrl(reference: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(reference, base);
  } catch {
    throw new InvalidUrlError(`not a URL: ${JSON.stringify(reference)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidUrlError(`only http and https URLs can be fetched, not ${url.protocol} (${url.href})`);
  }
  return url;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function failed(url: string, reason: Exclude<FetchFailure['reason'], 'http-status'>, message: string): FeedFetchFailed {
  return { kind: 'failed', url, reason, message };
}

function httpStatusFailure(url: string, status: number, retryAfter: string | null): FeedFetchFailed {
  const retryAfterMs = parseRetryAfter(retryAfter, new Date());
  const wait = retryAfterMs === null ? '' : ` (Retry-After: ${Math.ceil(retryAfterMs / 1000)} s)`;
  return {
    kind: 'failed',
    url,
    reason: 'http-status',
    status,
    retryAfterMs,
    message: `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim() + wait,
  };
}

const UNDICI_TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function describeFailure(error: unknown, deadline: AbortSignal, timeoutMs: number): FetchFailure {
  const causes = causeChain(error);
  const find = <T extends Error>(type: new (...args: never[]) => T) => causes.find((cause): cause is T => cause instanceof type);
  const blocked = find(BlockedAddressError);
  if (blocked) return { reason: 'blocked-address', message: `${blocked.message} (allowPrivate is off)` };
  const tooLarge = find(BodyTooLargeError);
  if (tooLarge) return { reason: 'too-large', message: tooLarge.message };
  const encoding = find(ContentEncodingError);
  if (encoding) return { reason: 'bad-content-encoding', message: encoding.message };
  const invalidUrl = find(InvalidUrlError);
  if (invalidUrl) return { reason: 'invalid-url', message: invalidUrl.message };
  if (deadline.aborted || causes.some((cause) => UNDICI_TIMEOUT_CODES.has(errorCode(cause)))) {
    return { reason: 'timeout', message: `no complete response within ${timeoutMs} ms` };
  }
  const cause = causes.at(-1)!;
  return { reason: 'network', message: cause.message || errorCode(cause) || 'the connection failed' };
}

function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && !chain.includes(current); current = current.cause) {
    chain.push(current);
  }
  return chain.length > 0 ? chain : [new Error(String(error))];
}

function errorCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

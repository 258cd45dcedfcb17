// Read answers (the stance API, the board and actor pages) rendered once per projection position
// and served from memory, as the feeds are: a request whose answer is cached is answered without
// a query, a 304 when If-None-Match names its ETag. Every entry is dropped when the projection
// moves (StanceUpdates: at once on the projection's leader, within about a second on the other
// instances), so an entry is always the answer for the current position. Concurrent misses on one
// key share one rendering.
//
// Once an answer is rendered, a later request for the same address is answered at the node:http
// level (`answerAtOnce`, as the feeds' are: no Express, no promise, no request context), with the
// bytes and headers the controller sent for it. Only the controllers put answers in the cache,
// after validating the request, so an address found there is one that answered 200.
//
// An answer is also kept gzipped, compressed once off the main thread, for the clients that
// accept it (browsers and feed readers all do): a board page of 200 KB goes out as about 25 KB.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { acceptsGzip, isNotModified } from '../feeds/domain/conditional-get.js';
import { securityHeaders } from '../http-boundary/security-headers.js';
import { StanceUpdates } from './stance-updates.js';

/** Answers kept per instance; each is bounded by its page size, so this bounds the memory. */
const CACHED_ANSWERS = 512;
/** Smaller answers are sent as they are: gzip would save less than its own header costs. */
const GZIP_FROM_BYTES = 1024;
const gzip = promisify(gzipCallback);

export interface RenderedAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface CachedAnswer extends RenderedAnswer {
  /** Strong: a digest of the bytes, so every instance rendering the same answer agrees. */
  etag: string;
  /** The body gzipped (its ETag is `etag` marked -gz), or null for a small one. */
  gzipped: Buffer | null;
}

export interface ServedAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for a 304. */
  body: string | Buffer | null;
}

/** One representation of a rendered 200 as `answerAtOnce` writes it: headers flat for writeHead, the body as bytes. */
interface ReadyRepresentation {
  etag: string;
  headers: string[];
  notModifiedHeaders: string[];
  body: Buffer;
}

interface ReadyAnswer {
  plain: ReadyRepresentation;
  gzipped: ReadyRepresentation | null;
}

@Injectable()
export class AnswerCache {
  private readonly entries = new Map<string, Promise<CachedAnswer>>();
  /** The rendered 200s among `entries`, by the same key (the request target). */
  private readonly ready = new Map<string, ReadyAnswer>();
  private watchingUpdates = false;
  private renders = 0;

  constructor(private readonly updates: StanceUpdates) {}

  /** How many answers were rendered (cache misses), for tests and metrics. */
  get renderCount(): number {
    return this.renders;
  }

  /**
   * The answer for `key` (the request's path and query): from the cache, or rendered by `render`
   * and kept until the projection moves. A render that throws is not kept.
   */
  async serve(
    key: string,
    request: { ifNoneMatch?: string; acceptEncoding?: string },
    render: () => Promise<RenderedAnswer>,
  ): Promise<ServedAnswer> {
    const answer = await this.entry(key, render);
    const gzipped = answer.gzipped !== null && acceptsGzip(request.acceptEncoding);
    const etag = gzipped ? gzipEtag(answer.etag) : answer.etag;
    const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', 'content-type': answer.contentType, vary: 'Accept-Encoding' };
    if (answer.status === 200 && isNotModified({ ifNoneMatch: request.ifNoneMatch }, etag, new Date(0))) return { status: 304, headers, body: null };
    if (gzipped) return { status: answer.status, headers: { ...headers, 'content-encoding': 'gzip' }, body: answer.gzipped };
    return { status: answer.status, headers, body: answer.body };
  }

  private entry(key: string, render: () => Promise<RenderedAnswer>): Promise<CachedAnswer> {
    // Watched from the first request on: a process that serves none (a one-shot command) does
    // not poll the checkpoint for nothing.
    if (!this.watchingUpdates) {
      this.updates.subscribeRenewals(() => {
        this.entries.clear();
        this.ready.clear();
      });
      this.watchingUpdates = true;
    }
    const cached = this.entries.get(key);
    if (cached) {
      // Most recently used last: the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.renders += 1;
    const rendered = render().then(async (answer) => ({
      ...answer,
      etag: `"a-${createHash('sha256').update(answer.body).digest('base64url').slice(0, 22)}"`,
      gzipped: Buffer.byteLength(answer.body) >= GZIP_FROM_BYTES ? await gzip(answer.body) : null,
    }));
    this.entries.set(key, rendered);
    rendered.then(
      (answer) => {
        if (this.entries.get(key) === rendered && answer.status === 200) this.ready.set(key, readyAnswer(answer, securityHeaders(key)));
      },
      () => {
        if (this.entries.get(key) === rendered) this.entries.delete(key);
      },
    );
    if (this.entries.size > CACHED_ANSWERS) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.ready.delete(oldest);
    }
    return rendered;
  }

  /**
   * Answers a GET or HEAD whose answer is rendered, synchronously, with `extraHeaders` (the request
   * id); false leaves the request to Express. A 304 when If-None-Match
   * names the ETag.
   */
  answerAtOnce(req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[]): boolean {
    if (this.ready.size === 0 || (req.method !== 'GET' && req.method !== 'HEAD') || req.url === undefined) return false;
    const ready = this.ready.get(req.url);
    if (!ready) return false;
    const answer = ready.gzipped !== null && acceptsGzip(req.headers['accept-encoding']) ? ready.gzipped : ready.plain;
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined && isNotModified({ ifNoneMatch }, answer.etag, new Date(0))) {
      res.writeHead(304, answer.notModifiedHeaders.concat(extraHeaders));
      res.end();
      return true;
    }
    res.writeHead(200, answer.headers.concat(extraHeaders));
    res.end(req.method === 'HEAD' ? undefined : answer.body);
    return true;
  }
}

/** The answer as sent at once, with the security headers of its address (computed once, not per request). */
function readyAnswer(answer: CachedAnswer, security: readonly string[]): ReadyAnswer {
  const representation = (etag: string, body: Buffer, encoding: string[]): ReadyRepresentation => {
    const notModifiedHeaders = ['etag', etag, 'cache-control', 'no-cache', 'content-type', answer.contentType, 'vary', 'Accept-Encoding', ...security];
    return { etag, notModifiedHeaders, headers: [...notModifiedHeaders, ...encoding, 'content-length', String(body.length)], body };
  };
  return {
    plain: representation(answer.etag, Buffer.from(answer.body), []),
    gzipped: answer.gzipped && representation(gzipEtag(answer.etag), answer.gzipped, ['content-encoding', 'gzip']),
  };
}

/** The gzipped representation's ETag: another one (RFC 9110 §8.8.3), the same content for If-None-Match. */
function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '-gz"');
}

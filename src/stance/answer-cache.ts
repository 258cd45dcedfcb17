// Read answers (the stance API, the board and actor pages) rendered once per projection position
// and served from memory, as the feeds are: a request whose answer is cached is answered without
// a query, a 304 when If-None-Match names its ETag. Concurrent misses on one key share one
// rendering.
//
// When the projection moves after a quiet spell, every entry is dropped at once: the next reader
// waits for the new answer. While it keeps moving (ingestion), StanceUpdates tells of the moves
// at most once per READ_REFRESH_MS (`held`), and an entry is then renewed behind its readers: the
// first reader after the renewal gets the answer rendered before it and starts a new rendering,
// queued with the others and run one at a time, and the readers after it get the new one. Ten
// routes renewed together had each reader wait for all ten renderings (p99 0.6 s at 200 req/s).
// So an answer is sent at most RENEWAL_GRACE_MS after a newer one was due; an entry not renewed
// within that time waits for its new answer, however long it has been kept.
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
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { acceptsGzip, isNotModified } from '../feeds/domain/conditional-get.js';
import { securityHeaders } from '../http-boundary/security-headers.js';
import { RENEWAL_GRACE_MS, StanceUpdates } from './stance-updates.js';

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

/** One address's answer: how to render it, the newest rendering, and the one under way. */
interface Entry {
  render: () => Promise<RenderedAnswer>;
  /** The newest rendered answer, the renewal it was rendered in, and its 200 as sent at once. */
  done: { answer: CachedAnswer; renewal: number; ready: ReadyAnswer | null } | null;
  /** A rendering under way and the renewal it started in. */
  pending: { answer: Promise<CachedAnswer>; renewal: number } | null;
}

@Injectable()
export class AnswerCache {
  /** By request target, least recently used first. */
  private readonly entries = new Map<string, Entry>();
  private watchingUpdates = false;
  private renders = 0;
  /** How many times the projection's move was told, and when each recent held renewal was. */
  private renewal = 0;
  private readonly heldAt = new Map<number, number>();
  /** Addresses whose answer is renewed behind its readers, one rendering at a time. */
  private readonly renewQueue = new Set<string>();
  private renewing = false;

  constructor(private readonly updates: StanceUpdates) {}

  /** How many answers were rendered (cache misses and renewals), for tests and metrics. */
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
    const answer = await this.answer(key, render);
    const gzipped = answer.gzipped !== null && acceptsGzip(request.acceptEncoding);
    const etag = gzipped ? gzipEtag(answer.etag) : answer.etag;
    const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', 'content-type': answer.contentType, vary: 'Accept-Encoding' };
    if (answer.status === 200 && isNotModified({ ifNoneMatch: request.ifNoneMatch }, etag, new Date(0))) return { status: 304, headers, body: null };
    if (gzipped) return { status: answer.status, headers: { ...headers, 'content-encoding': 'gzip' }, body: answer.gzipped };
    return { status: answer.status, headers, body: answer.body };
  }

  private answer(key: string, render: () => Promise<RenderedAnswer>): Promise<CachedAnswer> {
    this.watchUpdates();
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.render = render;
      const usable = this.usable(key, entry);
      if (usable) return Promise.resolve(usable.answer);
      if (entry.pending && this.recent(entry.pending.renewal)) return entry.pending.answer;
    } else {
      entry = { render, done: null, pending: null };
      this.entries.set(key, entry);
      if (this.entries.size > CACHED_ANSWERS) this.entries.delete(this.entries.keys().next().value!);
    }
    return this.renderEntry(key, entry);
  }

  /**
   * The entry's answer if it may be sent now: rendered since the last renewal, or before held
   * renewals of less than RENEWAL_GRACE_MS ago (its rendering is then queued). Null: wait for one.
   */
  private usable(key: string, entry: Entry): Entry['done'] {
    const done = entry.done;
    if (!done || !this.recent(done.renewal)) return null;
    if (done.renewal !== this.renewal && !entry.pending) {
      this.renewQueue.add(key);
      void this.renewQueued();
    }
    return done;
  }

  /**
   * Whether what was rendered (or started) in `renewal` may still be sent: it is current, or the
   * renewal after it was held and came less than RENEWAL_GRACE_MS ago. (A renewal after a quiet
   * spell empties the cache, so only held ones stand between an entry and now.)
   */
  private recent(renewal: number): boolean {
    if (renewal === this.renewal) return true;
    const staleSince = this.heldAt.get(renewal + 1);
    return staleSince !== undefined && performance.now() - staleSince <= RENEWAL_GRACE_MS;
  }

  private renderEntry(key: string, entry: Entry): Promise<CachedAnswer> {
    this.renders += 1;
    const renewal = this.renewal;
    const answer = entry.render().then(async (rendered) => ({
      ...rendered,
      etag: `"a-${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 22)}"`,
      gzipped: Buffer.byteLength(rendered.body) >= GZIP_FROM_BYTES ? await gzip(rendered.body) : null,
    }));
    const pending = { answer, renewal };
    entry.pending = pending;
    answer.then(
      (done) => {
        if (entry.pending !== pending) return;
        entry.pending = null;
        entry.done = { answer: done, renewal, ready: done.status === 200 ? readyAnswer(done, securityHeaders(key)) : null };
      },
      () => {
        if (entry.pending !== pending) return;
        entry.pending = null;
        if (!entry.done && this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return answer;
  }

  /** Renders the queued entries one at a time, letting requests in between. */
  private async renewQueued(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      for (const key of this.renewQueue) {
        this.renewQueue.delete(key);
        const entry = this.entries.get(key);
        if (!entry || entry.pending || entry.done?.renewal === this.renewal) continue;
        // A failed renewal leaves the answer it would have replaced; the next reader tries again.
        await this.renderEntry(key, entry).catch(() => undefined);
        await setImmediate();
      }
    } finally {
      this.renewing = false;
    }
  }

  private watchUpdates(): void {
    // Watched from the first request on: a process that serves none (a one-shot command) does
    // not poll the checkpoint for nothing.
    if (this.watchingUpdates) return;
    this.watchingUpdates = true;
    this.updates.subscribeRenewals((_position, held) => {
      this.renewal += 1;
      if (held) {
        const now = performance.now();
        this.heldAt.set(this.renewal, now);
        // Renewals are at least READ_REFRESH_MS apart: the map keeps a few.
        for (const [renewal, at] of this.heldAt) if (now - at > RENEWAL_GRACE_MS) this.heldAt.delete(renewal);
      } else {
        this.entries.clear();
        this.renewQueue.clear();
      }
    });
  }

  /**
   * Answers a GET or HEAD whose answer is rendered, synchronously, with `extraHeaders` (the request
   * id); false leaves the request to Express. A 304 when If-None-Match
   * names the ETag.
   */
  answerAtOnce(req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[]): boolean {
    if (this.entries.size === 0 || (req.method !== 'GET' && req.method !== 'HEAD') || req.url === undefined) return false;
    const entry = this.entries.get(req.url);
    const ready = entry && this.usable(req.url, entry)?.ready;
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

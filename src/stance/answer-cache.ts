// Read answers (the stance API, the board and actor pages) rendered once per projection position
// and served from memory, as the feeds are: a request whose answer is cached is answered without
// a query, a 304 when If-None-Match names its ETag. Every entry is dropped when the projection
// moves (StanceUpdates: at once on the projection's leader, within about a second on the other
// instances), so an entry is always the answer for the current position. Concurrent misses on one
// key share one rendering.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isNotModified } from '../feeds/domain/conditional-get.js';
import { StanceUpdates } from './stance-updates.js';

/** Answers kept per instance; each is bounded by its page size, so this bounds the memory. */
const CACHED_ANSWERS = 512;

export interface RenderedAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface CachedAnswer extends RenderedAnswer {
  /** Strong: a digest of the bytes, so every instance rendering the same answer agrees. */
  etag: string;
}

export interface ServedAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for a 304. */
  body: string | null;
}

@Injectable()
export class AnswerCache {
  private readonly entries = new Map<string, Promise<CachedAnswer>>();
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
  async serve(key: string, ifNoneMatch: string | undefined, render: () => Promise<RenderedAnswer>): Promise<ServedAnswer> {
    const answer = await this.entry(key, render);
    const headers = { etag: answer.etag, 'cache-control': 'no-cache', 'content-type': answer.contentType };
    if (answer.status === 200 && isNotModified({ ifNoneMatch }, answer.etag, new Date(0))) return { status: 304, headers, body: null };
    return { status: answer.status, headers, body: answer.body };
  }

  private entry(key: string, render: () => Promise<RenderedAnswer>): Promise<CachedAnswer> {
    // Watched from the first request on: a process that serves none (a one-shot command) does
    // not poll the checkpoint for nothing.
    if (!this.watchingUpdates) {
      this.updates.subscribe(() => this.entries.clear());
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
    const rendered = render().then((answer) => ({
      ...answer,
      etag: `"a-${createHash('sha256').update(answer.body).digest('base64url').slice(0, 22)}"`,
    }));
    this.entries.set(key, rendered);
    rendered.catch(() => {
      if (this.entries.get(key) === rendered) this.entries.delete(key);
    });
    if (this.entries.size > CACHED_ANSWERS) this.entries.delete(this.entries.keys().next().value!);
    return rendered;
  }
}

// Serves GET and HEAD /feeds/* straight from node:http, ahead of Express. Feed readers poll
// often and mostly get 304s: measured under load (npm run bench, feeds.serve), Express's router
// and middleware cost about three times what the feed itself does, cached bytes and validators
// included. Everything else goes on to Express and Nest as usual.
//
// A request the service answered before, since the feeds were last renewed, is answered again at
// once from `AnswerMemo` (`answerAtOnce`): no promise, no URL parsing, no header copying. On two
// cores that path is what lets the feed keep up with a bare node:http server (npm run bench,
// feeds.serve, measured with wrk).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { securityHeaders } from '../http-boundary/security-headers.js';
import { AnswerMemo, type AnswerKey } from './domain/answer-memo.js';
import { FeedRequestError, feedRoute, parsePage } from './domain/feed-request.js';
import { FeedsService } from './feeds.service.js';

@Injectable()
export class FeedsHttpHandler {
  private readonly logger = new Logger(FeedsHttpHandler.name);
  private readonly memo = new AnswerMemo();
  /** Grows each time the projection moves: an answer computed before that is not memoized. */
  private generation = 0;
  private watchingUpdates = false;

  constructor(private readonly feeds: FeedsService) {}

  /** True when the request is a feed's (and is being answered); false leaves it to Express. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isFeedRequest(req)) return false;
    void this.serve(req, res, answerKey(req));
    return true;
  }

  /**
   * Answers a feed request at once, synchronously, when the same request was answered since the
   * projection last moved; false when it was not (then `handle` must answer it). `extraHeaders`
   * (a flat name/value list: the request id) are sent with it.
   */
  answerAtOnce(req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[]): boolean {
    if (this.memo.size === 0 || !isFeedRequest(req)) return false;
    const answer = this.memo.get(answerKey(req));
    if (!answer) return false;
    res.writeHead(answer.status, answer.headers.concat(extraHeaders));
    res.end(answer.body ?? undefined);
    return true;
  }

  private async serve(req: IncomingMessage, res: ServerResponse, key: AnswerKey): Promise<void> {
    if (!this.watchingUpdates) {
      // From the first feed request on: one-shot commands poll nothing.
      this.feeds.onRenewed(() => {
        this.generation++;
        this.memo.clear();
      });
      this.watchingUpdates = true;
    }
    const generation = this.generation;
    try {
      const url = new URL(req.url!, 'http://feeds.invalid');
      const route = feedRoute(url.pathname);
      const scope = route.kind === 'changes' ? route : this.feeds.scope(route.watchId, route.actorId, route.kind === 'watch-claims' ? 'claims' : 'changes');
      const query: Record<string, unknown> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const values = url.searchParams.getAll(key);
        query[key] = values.length === 1 ? values[0] : values;
      }
      const answer = await this.feeds.respond(
        { scope, format: route.format, page: parsePage(query) },
        { ifNoneMatch: key.ifNoneMatch, ifModifiedSince: key.ifModifiedSince, acceptEncoding: key.acceptEncoding },
      );
      const sent = generation === this.generation ? this.memo.set(key, answer.status, answer.headers, answer.body, securityHeaders(key.url)) : null;
      res.writeHead(answer.status, sent ? sent.headers : answer.body ? { ...answer.headers, 'content-length': String(answer.body.length) } : answer.headers);
      res.end(answer.body ?? undefined);
    } catch (error) {
      if (error instanceof FeedRequestError) {
        plain(res, error.status, `${error.status === 404 ? 'Not found' : 'Bad request'}: ${error.message}\n`);
      } else {
        this.logger.error(`feed ${req.url} failed: ${(error as Error).stack ?? error}`);
        plain(res, 500, 'Internal error: the feed could not be read; try again shortly.\n');
      }
    }
  }
}

function isFeedRequest(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.url !== undefined && req.url.startsWith('/feeds/');
}

function answerKey(req: IncomingMessage): AnswerKey {
  return {
    url: req.url!,
    acceptEncoding: req.headers['accept-encoding'],
    ifNoneMatch: req.headers['if-none-match'],
    ifModifiedSince: req.headers['if-modified-since'],
  };
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

// Serves GET and HEAD /feeds/* straight from node:http, ahead of Express. Feed readers poll
// often and mostly get 304s: measured under load (npm run bench, feeds.serve), Express's router
// and middleware cost about three times what the feed itself does, cached bytes and validators
// included. Everything else goes on to Express and Nest as usual.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { FeedRequestError, feedRoute, parsePage } from './domain/feed-request.js';
import { FeedsService } from './feeds.service.js';

@Injectable()
export class FeedsHttpHandler {
  private readonly logger = new Logger(FeedsHttpHandler.name);

  constructor(private readonly feeds: FeedsService) {}

  /** True when the request is a feed's (and is being answered); false leaves it to Express. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith('/feeds/')) return false;
    void this.serve(req, res);
    return true;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
        {
          ifNoneMatch: req.headers['if-none-match'],
          ifModifiedSince: req.headers['if-modified-since'],
          acceptEncoding: req.headers['accept-encoding'],
        },
      );
      res.writeHead(answer.status, answer.body ? { ...answer.headers, 'content-length': String(answer.body.length) } : answer.headers);
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

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

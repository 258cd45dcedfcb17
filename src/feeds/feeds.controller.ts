// The feed routes (Atom and JSON Feed for each scope). Bytes are written as the service made
// them: content type, validators and content coding are part of the feed's contract.
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { FeedScope } from '../domain/public-links.js';
import { FeedRequestError, parseBefore, splitFeedFile } from './domain/feed-request.js';
import { FeedsService } from './feeds.service.js';

type RequestHeaders = Record<string, string | undefined>;

@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  /** /feeds/changes.atom|json: every stance change, all watches. */
  @Get(':file')
  all(@Param('file') file: string, @Query() query: Record<string, unknown>, @Headers() headers: RequestHeaders, @Res() res: Response) {
    return this.serve(res, query, headers, file, (name) => {
      if (name !== 'changes') throw new FeedRequestError(404, `no feed "${file}"; try /feeds/changes.atom`);
      return { kind: 'changes' };
    });
  }

  /** /feeds/watches/:watch/changes.atom|json and /feeds/watches/:watch/claims.atom|json. */
  @Get('watches/:watch/:file')
  watch(@Param('watch') watch: string, @Param('file') file: string, @Query() query: Record<string, unknown>, @Headers() headers: RequestHeaders, @Res() res: Response) {
    return this.serve(res, query, headers, file, (name) => {
      if (name !== 'changes' && name !== 'claims') throw new FeedRequestError(404, `no feed "${file}" for a watch; try changes.atom or claims.atom`);
      return this.feeds.scope(watch, undefined, name);
    });
  }

  /** /feeds/watches/:watch/actors/:actor.atom|json: one actor's stance changes. */
  @Get('watches/:watch/actors/:file')
  actor(@Param('watch') watch: string, @Param('file') file: string, @Query() query: Record<string, unknown>, @Headers() headers: RequestHeaders, @Res() res: Response) {
    return this.serve(res, query, headers, file, (actor) => this.feeds.scope(watch, actor));
  }

  private async serve(res: Response, query: Record<string, unknown>, headers: RequestHeaders, file: string, scopeOf: (name: string) => FeedScope) {
    try {
      const { name, format } = splitFeedFile(file);
      const scope = scopeOf(name);
      const answer = await this.feeds.respond(
        { scope, format, before: parseBefore(query) },
        { ifNoneMatch: headers['if-none-match'], ifModifiedSince: headers['if-modified-since'], acceptEncoding: headers['accept-encoding'] },
      );
      res.status(answer.status).set(answer.headers);
      res.end(answer.body ?? undefined);
    } catch (error) {
      if (!(error instanceof FeedRequestError)) throw error;
      res.status(error.status).type('text/plain; charset=utf-8').send(`${error.status === 404 ? 'Not found' : 'Bad request'}: ${error.message}\n`);
    }
  }
}

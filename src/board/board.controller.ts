// The pages people read: the stance board, an actor's page and source health, rendered on the
// server from the same queries as the JSON API (the client script only re-fetches them), and the
// board's stylesheet and script. HTML, so it stays out of the OpenAPI description.
import { applyDecorators, Controller, Get, Header, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PublicLinks } from '../domain/public-links.js';
import { sourceHealth } from '../sources/sources.controller.js';
import { SourcesRepository } from '../sources/sources.repository.js';
import { AnswerCache, type RenderedAnswer } from '../stance/answer-cache.js';
import { PageRequestError, parseHistoryFilter, parsePageRequest } from '../stance/domain/claim-page.js';
import { StanceQueries, UnknownWatchError } from '../stance/stance-queries.service.js';
import { StanceRepository } from '../stance/stance.repository.js';
import { BoardAssets } from './board-assets.js';
import { BoardReads } from './board-reads.service.js';
import { actorMain } from './domain/actor-page.js';
import { documentMain } from './domain/document-page.js';
import { boardMain, type BoardWatch } from './domain/board-page.js';
import { errorMain, renderPage, type FeedLink, type Page } from './domain/layout.js';
import { sourcesMain } from './domain/sources-page.js';

/**
 * A page: revalidated on every visit (a 304 from its ETag when nothing changed). Its
 * Content-Security-Policy, nosniff and Referrer-Policy come with every response
 * (src/http-boundary/security-headers.ts).
 */
export function HtmlPage() {
  return applyDecorators(
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-cache'),
  );
}

@ApiExcludeController()
@Controller()
export class BoardController {
  // Root-relative links: a page's links stay on the host the reader reached it by, whatever
  // PUBLIC_BASE_URL says (that one is for feeds and alerts read elsewhere).
  private readonly links = new PublicLinks('');

  constructor(
    private readonly queries: StanceQueries,
    private readonly reads: BoardReads,
    private readonly sources: SourcesRepository,
    private readonly assets: BoardAssets,
    private readonly cache: AnswerCache,
    private readonly stances: StanceRepository,
  ) {}

  @Get()
  @HtmlPage()
  async board(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.cached(req, res, async () => {
      const watches: BoardWatch[] = [];
      let position = Number.POSITIVE_INFINITY;
      for (const watch of this.queries.listWatches()) {
        const read = await this.reads.watch(watch.id);
        position = Math.min(position, read.knownAtPosition);
        watches.push(read);
      }
      const feeds: FeedLink[] = [
        { title: 'Every stance change', href: this.links.feed({ kind: 'changes' }) },
        ...watches.map((w) => ({ title: `Stance changes on ${w.id}`, href: this.links.feed({ kind: 'watch-changes', watchId: w.id }) })),
      ];
      return this.page({
        title: 'The stance board',
        section: 'board',
        feeds,
        live: Number.isFinite(position) ? { stream: this.links.stream(), position } : undefined,
        main: boardMain(watches, this.links),
      });
    });
  }

  @Get('watches/:watch/actors/:actor')
  @HtmlPage()
  async actor(@Param('watch') watchId: string, @Param('actor') actorId: string, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.cached(req, res, async () => {
      const watch = this.queries.listWatches().find((w) => w.id === watchId);
      try {
        if (!watch) throw new UnknownWatchError(`There is no watch "${watchId}".`);
        const read = await this.reads.actorPage(watchId, actorId, parsePageRequest(query), parseHistoryFilter(query), this.links);
        return this.page({
          title: `${read.history.name} on ${watch.id}`,
          section: null,
          feeds: [
            { title: `${read.history.name}: stance changes`, href: this.links.feed({ kind: 'actor-changes', watchId, actorId }) },
            { title: `Every claim on ${watch.id}`, href: this.links.feed({ kind: 'watch-claims', watchId }) },
          ],
          live: { stream: this.links.stream({ watchId, actorId }), position: read.knownAtPosition },
          main: actorMain(read, this.links),
        });
      } catch (error) {
        if (error instanceof PageRequestError) return this.page({ title: 'Bad request', section: null, feeds: [], main: errorMain('Bad request', error.message, this.links) }, 400);
        if (!(error instanceof UnknownWatchError)) throw error;
        return this.page({ title: 'Not found', section: null, feeds: [], main: errorMain('Not found', error.message, this.links) }, 404);
      }
    });
  }

  /** The stored copy of an article, with the claims read from it marked. */
  @Get('documents/:id')
  @HtmlPage()
  async document(@Param('id') documentId: string): Promise<string> {
    const found = await this.stances.documentWithClaims(documentId);
    // The errors filter answers in the client's format: a page in the board's style, or JSON.
    if (!found) throw new NotFoundException(`no document "${documentId}"`);
    const names = new Map(this.queries.listWatches().flatMap((w) => w.actors.map((a) => [`${w.id}/${a.id}`, a.name] as const)));
    const main = documentMain(found.document, found.claims, (c) => names.get(`${c.watchId}/${c.actorId}`) ?? c.actorId, this.links);
    return this.page({ title: `${found.document.title}: stored copy`, section: null, feeds: [], main }).body;
  }

  @Get('sources')
  @HtmlPage()
  async sourcesPage(): Promise<string> {
    const sources = (await this.sources.list()).map(sourceHealth);
    return this.page({ title: 'Sources', section: 'sources', feeds: [], main: sourcesMain(sources) }).body;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Query('v') version: unknown, @Res({ passthrough: true }) res: Response): string {
    const asset = this.assets.find(name);
    if (!asset) throw new NotFoundException(`no asset "${name}"`);
    res.setHeader('Content-Type', asset.contentType);
    // The versioned address never changes its bytes; an unversioned one is revalidated.
    res.setHeader('Cache-Control', version === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache');
    return asset.body;
  }

  private page(page: Omit<Page, 'assets' | 'links'>, status = 200): RenderedAnswer {
    return { status, contentType: 'text/html; charset=utf-8', body: renderPage({ ...page, assets: this.assets.urls(this.links), links: this.links }) };
  }

  /** A page from the answer cache: rendered once per projection position, a 304 for a current ETag. */
  private async cached(req: Request, res: Response, render: () => Promise<RenderedAnswer>): Promise<void> {
    const served = await this.cache.serve(req.originalUrl, { ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] }, render);
    res.status(served.status).set(served.headers);
    if (served.body === null) res.end();
    else res.send(served.body);
  }
}

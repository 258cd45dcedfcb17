// The pages people read: the stance board, an actor's page and source health, rendered on the
// server from the same queries as the JSON API (the client script only re-fetches them), and the
// board's stylesheet and script. HTML, so it stays out of the OpenAPI description.
import { applyDecorators, Controller, Get, Header, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicLinks } from '../domain/public-links.js';
import { sourceHealth } from '../sources/sources.controller.js';
import { SourcesRepository } from '../sources/sources.repository.js';
import { StanceQueries, UnknownWatchError } from '../stance/stance-queries.service.js';
import { BoardAssets } from './board-assets.js';
import { actorMain } from './domain/actor-page.js';
import { boardMain, type BoardWatch } from './domain/board-page.js';
import { renderPage, type FeedLink, type Page } from './domain/layout.js';
import { sourcesMain } from './domain/sources-page.js';

/**
 * A page: revalidated on every visit (Express answers 304 from its ETag when nothing changed).
 * Its Content-Security-Policy and nosniff come with every response (src/http-boundary/security-headers.ts).
 */
function HtmlPage() {
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
    private readonly sources: SourcesRepository,
    private readonly assets: BoardAssets,
  ) {}

  @Get()
  @HtmlPage()
  async board(): Promise<string> {
    const watches: BoardWatch[] = [];
    let position = Number.POSITIVE_INFINITY;
    for (const watch of this.queries.listWatches()) {
      const answer = await this.queries.stances(watch.id);
      position = Math.min(position, answer.knownAtPosition);
      const histories = await Promise.all(answer.stances.map(async (s) => [s.actor, await this.queries.history(watch.id, s.actor)] as const));
      watches.push({ id: watch.id, proposition: watch.proposition, stances: answer.stances, histories: new Map(histories) });
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
  }

  @Get('watches/:watch/actors/:actor')
  @HtmlPage()
  async actor(@Param('watch') watchId: string, @Param('actor') actorId: string): Promise<string> {
    const watch = this.queries.listWatches().find((w) => w.id === watchId);
    // The errors filter renders the 404 as a page in the board's style.
    if (!watch) throw new NotFoundException(`There is no watch "${watchId}".`);
    try {
      const history = await this.queries.history(watchId, actorId);
      const why = await this.queries.why(watchId, actorId);
      return this.page({
        title: `${history.name} on ${watch.id}`,
        section: null,
        feeds: [
          { title: `${history.name}: stance changes`, href: this.links.feed({ kind: 'actor-changes', watchId, actorId }) },
          { title: `Every claim on ${watch.id}`, href: this.links.feed({ kind: 'watch-claims', watchId }) },
        ],
        live: { stream: this.links.stream({ watchId, actorId }), position: history.knownAtPosition },
        main: actorMain(watch, history, why, this.links),
      });
    } catch (error) {
      if (error instanceof UnknownWatchError) throw new NotFoundException(error.message);
      throw error;
    }
  }

  @Get('sources')
  @HtmlPage()
  async sourcesPage(): Promise<string> {
    const sources = (await this.sources.list()).map(sourceHealth);
    return this.page({ title: 'Sources', section: 'sources', feeds: [], main: sourcesMain(sources) });
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

  private page(page: Omit<Page, 'assets' | 'links'>): string {
    return renderPage({ ...page, assets: this.assets.urls(this.links), links: this.links });
  }
}

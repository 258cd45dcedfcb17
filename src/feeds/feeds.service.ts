// Serves the feeds: resolves the scope, answers conditional requests from the validators alone,
// and renders a page only when its bytes are not cached for the current log position. Rendered
// pages (plain and gzip) are kept per URL until the projection moves on.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { PublicLinks, type FeedScope } from '../domain/public-links.js';
import { StanceUpdates } from '../stance/stance-updates.js';
import { WatchesService } from '../watches/watches.service.js';
import { renderAtom } from './domain/atom-feed.js';
import { acceptsGzip, etagOf, isNotModified, type ConditionalHeaders, type Validators } from './domain/conditional-get.js';
import type { FeedDocument, FeedEntry } from './domain/feed-document.js';
import { changeEntry, claimEntry, type EntryContext } from './domain/feed-entries.js';
import { FeedRequestError, type FeedFormat, type FeedRequest } from './domain/feed-request.js';
import { renderJsonFeed } from './domain/json-feed.js';
import { FeedsRepository } from './feeds.repository.js';

const gzip = promisify(gzipCallback);

/** Bump when the bytes of a feed change for the same data (a new element, other wording). */
const FORMAT_VERSION = 2;
const CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const CACHED_PAGES = 256;

export interface FeedResponse {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

interface RenderedPage {
  position: number;
  plain: Buffer;
  gzipped: Buffer;
}

@Injectable()
export class FeedsService implements OnModuleInit {
  private readonly links: PublicLinks;
  private readonly validators = new Map<string, Promise<Validators>>();
  private readonly pages = new Map<string, RenderedPage>();
  private digest = '';
  private watchingUpdates = false;

  constructor(
    private readonly repository: FeedsRepository,
    private readonly watches: WatchesService,
    private readonly updates: StanceUpdates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new PublicLinks(config.publicBaseUrl);
  }

  onModuleInit(): void {
    // Everything besides the data that the bytes depend on: a change to any of it is a new ETag.
    const settings = {
      format: FORMAT_VERSION,
      base: this.config.publicBaseUrl,
      ids: this.config.feedIdAuthority,
      pageSize: this.config.feedPageSize,
      watches: this.watches.watches().map((w) => [w.id, w.proposition, w.actors.map((a) => [a.id, a.name])]),
    };
    this.digest = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);
  }

  /** The scope of a watch's feed, or a 404 naming what is unknown. */
  scope(watchId: string, actorId?: string, kind: 'changes' | 'claims' = 'changes'): FeedScope {
    const watch = this.watches.find(watchId);
    if (!watch) throw new FeedRequestError(404, `no watch "${watchId}"; GET /api/watches lists them`);
    if (actorId === undefined) return kind === 'claims' ? { kind: 'watch-claims', watchId } : { kind: 'watch-changes', watchId };
    if (!watch.actors.some((a) => a.id === actorId)) throw new FeedRequestError(404, `watch "${watchId}" has no actor "${actorId}"`);
    return { kind: 'actor-changes', watchId, actorId };
  }

  async respond(request: FeedRequest, headers: ConditionalHeaders & { acceptEncoding?: string }): Promise<FeedResponse> {
    const validators = await this.validatorsOf(request.scope);
    const gzipped = acceptsGzip(headers.acceptEncoding);
    const etag = etagOf(validators, this.digest, gzipped);
    const common: Record<string, string> = {
      etag,
      'last-modified': validators.lastModified.toUTCString(),
      // The newest page changes with every stance change; an archive page only on a rare correction.
      'cache-control': request.before === null ? 'public, max-age=60' : 'public, max-age=3600',
      vary: 'Accept-Encoding',
    };
    if (isNotModified(headers, etag, validators.lastModified)) return { status: 304, headers: common, body: null };
    const page = await this.page(request, validators);
    return {
      status: 200,
      headers: { ...common, 'content-type': CONTENT_TYPES[request.format], ...(gzipped ? { 'content-encoding': 'gzip' } : {}) },
      body: gzipped ? page.gzipped : page.plain,
    };
  }

  private validatorsOf(scope: FeedScope): Promise<Validators> {
    // Watched from the first feed request on: a process that serves none (a one-shot command)
    // does not poll the checkpoint for nothing.
    if (!this.watchingUpdates) {
      this.updates.subscribe(() => this.validators.clear());
      this.watchingUpdates = true;
    }
    const key = JSON.stringify(scope);
    let cached = this.validators.get(key);
    if (!cached) {
      cached = this.repository.validators(scope);
      this.validators.set(key, cached);
      cached.catch(() => this.validators.delete(key));
    }
    return cached;
  }

  private async page(request: FeedRequest, validators: Validators): Promise<RenderedPage> {
    const key = `${JSON.stringify(request.scope)}|${request.format}|${request.before ?? ''}`;
    const cached = this.pages.get(key);
    if (cached && cached.position === validators.position) return cached;
    const document = await this.document(request, validators);
    const plain = Buffer.from(request.format === 'atom' ? renderAtom(document) : renderJsonFeed(document), 'utf8');
    const page = { position: validators.position, plain, gzipped: await gzip(plain) };
    this.pages.delete(key);
    this.pages.set(key, page);
    if (this.pages.size > CACHED_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }

  private async document({ scope, before }: FeedRequest, validators: Validators): Promise<FeedDocument> {
    const ctx = this.entryContext();
    const limit = this.config.feedPageSize;
    const cursor = before ?? Number.MAX_SAFE_INTEGER;
    let entries: FeedEntry[];
    let olderBefore: number | null;
    if (scope.kind === 'watch-claims') {
      const page = await this.repository.claims(scope, cursor, limit);
      entries = page.entries.map((c) => claimEntry(c, ctx));
      olderBefore = page.olderBefore;
    } else {
      const page = await this.repository.changes(scope, cursor, limit);
      entries = page.entries.map((c) => changeEntry(c, ctx));
      olderBefore = page.olderBefore;
    }
    const base = this.links.feed(scope);
    const urls = (query: string) => ({ atom: `${base}.atom${query}`, json: `${base}.json${query}` });
    return {
      id: `tag:${this.config.feedIdAuthority}:feed/${base.slice(this.links.baseUrl.length + '/feeds/'.length)}`,
      ...this.describe(scope),
      language: 'en',
      updated: validators.lastModified,
      urls: urls(before === null ? '' : `?before=${before}`),
      author: { name: 'stance monitor', url: this.links.home() },
      paging: {
        older: olderBefore === null ? null : urls(`?before=${olderBefore}`),
        current: before === null ? null : urls(''),
      },
      entries,
    };
  }

  private describe(scope: FeedScope): { title: string; subtitle: string; api: string; page: string } {
    if (scope.kind === 'changes') {
      return { title: 'Stance changes: every watch', subtitle: 'Each change in a party’s stance on every watched proposition.', api: `${this.links.baseUrl}/api/watches`, page: this.links.board() };
    }
    const proposition = this.entryContext().proposition(scope.watchId);
    switch (scope.kind) {
      case 'watch-changes':
        return { title: `Stance changes: ${proposition}`, subtitle: `Each change in a party’s stance on “${proposition}”.`, api: this.links.stances(scope.watchId), page: this.links.watchOnBoard(scope.watchId) };
      case 'actor-changes': {
        const actor = this.entryContext().actorName(scope.watchId, scope.actorId);
        return { title: `${actor} on “${proposition}”`, subtitle: `Each change in ${actor}’s stance.`, api: this.links.history(scope.watchId, scope.actorId), page: this.links.actorPage(scope.watchId, scope.actorId) };
      }
      case 'watch-claims':
        return { title: `Claims: ${proposition}`, subtitle: `Every claim recorded on “${proposition}”, including ones that no longer count.`, api: this.links.stances(scope.watchId), page: this.links.watchOnBoard(scope.watchId) };
    }
  }

  private entryContext(): EntryContext {
    return {
      idAuthority: this.config.feedIdAuthority,
      links: this.links,
      proposition: (watchId) => this.watches.find(watchId)?.proposition ?? watchId,
      actorName: (watchId, actorId) => this.watches.actorName(watchId, actorId),
    };
  }
}

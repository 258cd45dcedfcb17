// Serves the feeds: resolves the scope, answers conditional requests from the validators alone,
// and renders a page only when its bytes are not cached for the current feed version. The
// subscription document (the newest FEED_PAGE_SIZE entries) is kept per URL until the feed moves
// on; archive pages (RFC 5005, fixed boundaries) never change, so they are kept as rendered.
// While the projection keeps moving, a renewal is done behind the readers, as AnswerCache does:
// the validators read again and the pages that moved rendered before readers are sent them.
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { PublicLinks, type FeedScope } from '../domain/public-links.js';
import { RENEWAL_GRACE_MS, StanceUpdates } from '../stance/stance-updates.js';
import { WatchesService } from '../watches/watches.service.js';
import { renderAtom } from './domain/atom-feed.js';
import { acceptsGzip, etagOf, isNotModified, type ConditionalHeaders } from './domain/conditional-get.js';
import type { FeedDocument } from './domain/feed-document.js';
import { announcementEntry, announcementEntryId, type ClaimRecord, type CorrectedEntry, type EntryContext } from './domain/feed-entries.js';
import { changeTitle } from '../stance/domain/alerts.js';
import { FeedRequestError, type FeedFormat, type FeedRequest } from './domain/feed-request.js';
import { renderJsonFeed } from './domain/json-feed.js';
import { FeedsRepository, type AnnouncementRow, type CorrectedColumns, type FeedVersion } from './feeds.repository.js';

const gzip = promisify(gzipCallback);

/** Bump when the bytes of a feed change for the same data (a new element, other wording). */
const FORMAT_VERSION = 3;
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

/** A page being rendered or rendered, at the feed version it shows (0 for an archive page, which never changes). */
interface CachedPage {
  position: number;
  page: Promise<RenderedPage>;
}

interface RenderedPage {
  /** Its newest entry's `updated`: an archive page's Last-Modified. */
  updated: Date;
  plain: Buffer;
  gzipped: Buffer;
}

@Injectable()
export class FeedsService implements OnModuleInit {
  private readonly links: PublicLinks;
  private readonly validators = new Map<string, Promise<FeedVersion>>();
  private readonly pages = new Map<string, CachedPage>();
  private readonly archives = new Map<string, CachedPage>();
  private digest = '';
  private watchingUpdates = false;
  /** Told when the validators are renewed: FeedsHttpHandler forgets the answers it memoized then. */
  private readonly renewedListeners = new Set<() => void>();
  /** Counts the renewals that emptied the validators: a renewal behind the readers begun before one is void. */
  private emptied = 0;
  private renewing = false;
  private renewAgain = false;

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
    const gzipped = acceptsGzip(headers.acceptEncoding);
    if (request.page !== null) return this.respondArchive(request, request.page, headers, gzipped);
    const validators = await this.validatorsOf(request.scope);
    const common = validatorHeaders(etagOf(validators, this.digest, gzipped), validators.lastModified, 'public, max-age=60');
    if (isNotModified(headers, common.etag!, validators.lastModified)) return { status: 304, headers: common, body: null };
    const key = `${JSON.stringify(request.scope)}|${request.format}`;
    let cached = this.pages.get(key);
    if (!cached || cached.position !== validators.position) {
      // Concurrent requests for a feed that just moved share one rendering.
      cached = { position: validators.position, page: this.renderNewest(request, validators) };
      this.remember(this.pages, key, cached);
    }
    return this.answer(200, common, request.format, await cached.page, gzipped);
  }

  private async renderNewest(request: FeedRequest, validators: FeedVersion): Promise<RenderedPage> {
    const total = validators.entries;
    const size = this.config.feedPageSize;
    const entries = await this.repository.entries(request.scope, validators, Math.max(1, total - size + 1), total);
    // The newest full archive page that reaches back past this document's oldest entry.
    const prevArchive = total > size ? Math.ceil((total - size) / size) : null;
    return this.render(request, entries, { page: null, prevArchive, nextArchive: null });
  }

  /**
   * An archive page: fixed entries, so once full it is served as immutable, from memory after the
   * first time. A page not yet full is a 404: it is not an archive until it is.
   */
  private async respondArchive(request: FeedRequest, number: number, headers: ConditionalHeaders, gzipped: boolean): Promise<FeedResponse> {
    const key = `${JSON.stringify(request.scope)}|${request.format}|${number}`;
    let cached = this.archives.get(key);
    if (!cached) {
      cached = { position: 0, page: this.renderArchive(request, number) };
      this.remember(this.archives, key, cached);
    }
    const page = await cached.page;
    const common = validatorHeaders(`"a${number}-${this.digest}${gzipped ? '-gz' : ''}"`, page.updated, 'public, max-age=31536000, immutable');
    if (isNotModified(headers, common.etag!, page.updated)) return { status: 304, headers: common, body: null };
    return this.answer(200, common, request.format, page, gzipped);
  }

  private async renderArchive(request: FeedRequest, number: number): Promise<RenderedPage> {
    const size = this.config.feedPageSize;
    const validators = await this.validatorsOf(request.scope);
    const total = validators.entries;
    if (total < number * size) {
      throw new FeedRequestError(404, `archive page ${number} is not complete yet (${total} entries, ${size} a page); the feed itself has the newest entries`);
    }
    const entries = await this.repository.entries(request.scope, validators, (number - 1) * size + 1, number * size);
    return this.render(request, entries, { page: number, prevArchive: number > 1 ? number - 1 : null, nextArchive: number + 1 });
  }

  private answer(status: 200, common: Record<string, string>, format: FeedFormat, page: RenderedPage, gzipped: boolean): FeedResponse {
    return {
      status,
      headers: { ...common, 'content-type': CONTENT_TYPES[format], ...(gzipped ? { 'content-encoding': 'gzip' } : {}) },
      body: gzipped ? page.gzipped : page.plain,
    };
  }

  /** Keeps a rendering (most recently used last, the oldest evicted); one that fails is forgotten. */
  private remember(cache: Map<string, CachedPage>, key: string, cached: CachedPage): void {
    cache.delete(key);
    cache.set(key, cached);
    if (cache.size > CACHED_PAGES) cache.delete(cache.keys().next().value!);
    cached.page.catch(() => {
      if (cache.get(key) === cached) cache.delete(key);
    });
  }

  private validatorsOf(scope: FeedScope): Promise<FeedVersion> {
    this.watchUpdates();
    const key = JSON.stringify(scope);
    let cached = this.validators.get(key);
    if (!cached) {
      cached = this.repository.version(scope);
      this.validators.set(key, cached);
      cached.catch(() => this.validators.delete(key));
    }
    return cached;
  }

  /** Calls `listener` each time the feeds' validators are renewed; returns the unsubscribe. */
  onRenewed(listener: () => void): () => void {
    this.watchUpdates();
    this.renewedListeners.add(listener);
    return () => this.renewedListeners.delete(listener);
  }

  private watchUpdates(): void {
    // Watched from the first feed request on: a process that serves none (a one-shot command)
    // does not poll the checkpoint for nothing.
    if (this.watchingUpdates) return;
    this.watchingUpdates = true;
    this.updates.subscribeRenewals((_position, held) => (held ? void this.renewBehindReaders() : this.renewNow()));
  }

  /** After a quiet spell: every feed's validators read again at the next request. */
  private renewNow(): void {
    this.emptied += 1;
    this.validators.clear();
    for (const listener of this.renewedListeners) listener();
  }

  /**
   * A held renewal (the projection keeps moving): the validators of the feeds asked for are read
   * again, and the newest pages of those that moved rendered one at a time, before readers see
   * them; meanwhile readers get the answers of before, for at most RENEWAL_GRACE_MS (then the
   * validators are emptied as after a quiet spell, and readers wait).
   */
  private async renewBehindReaders(): Promise<void> {
    if (this.renewing) {
      this.renewAgain = true;
      return;
    }
    this.renewing = true;
    const emptied = this.emptied;
    const overdue = setTimeout(() => this.renewNow(), RENEWAL_GRACE_MS).unref();
    try {
      const fresh = new Map<string, FeedVersion>();
      for (const key of this.validators.keys()) fresh.set(key, await this.repository.version(JSON.parse(key) as FeedScope));
      for (const [pageKey, cached] of [...this.pages]) {
        const split = pageKey.lastIndexOf('|');
        const scopeKey = pageKey.slice(0, split);
        const version = fresh.get(scopeKey);
        if (!version || version.position === cached.position) continue;
        const request: FeedRequest = { scope: JSON.parse(scopeKey) as FeedScope, format: pageKey.slice(split + 1) as FeedFormat, page: null };
        const next = { position: version.position, page: this.renderNewest(request, version) };
        this.remember(this.pages, pageKey, next);
        await next.page.catch(() => undefined);
        await setImmediate();
      }
      if (this.emptied !== emptied) return; // emptied meanwhile: readers already read anew
      for (const [key, version] of fresh) this.validators.set(key, Promise.resolve(version));
      for (const listener of this.renewedListeners) listener();
    } catch {
      this.renewNow(); // readers read the validators themselves, and meet the error if it stays
    } finally {
      clearTimeout(overdue);
      this.renewing = false;
      if (this.renewAgain) {
        this.renewAgain = false;
        void this.renewBehindReaders();
      }
    }
  }

  private async render(
    { scope, format }: FeedRequest,
    rows: AnnouncementRow[],
    archive: { page: number | null; prevArchive: number | null; nextArchive: number | null },
  ): Promise<RenderedPage> {
    const ctx = this.entryContext();
    const entries = rows.map((row) => announcementEntry({ ...row, corrects: row.corrects && this.correctedEntry(row.corrects, row.claim.watchId, ctx) }, ctx)).reverse();
    const base = this.links.feed(scope);
    const urls = (page: number | null) => (page === null ? { atom: `${base}.atom`, json: `${base}.json` } : { atom: `${base}.atom?page=${page}`, json: `${base}.json?page=${page}` });
    const described = this.describe(scope);
    const updated = rows.at(-1)?.announcedAt ?? new Date(0);
    const document: FeedDocument = {
      id: `tag:${this.config.feedIdAuthority}:feed/${base.slice(this.links.baseUrl.length + '/feeds/'.length)}`,
      ...described,
      title: archive.page === null ? described.title : `${described.title} (archive page ${archive.page})`,
      language: 'en',
      updated,
      urls: urls(archive.page),
      icon: this.links.asset('icon.svg'),
      author: { name: 'stance monitor', url: this.links.home() },
      paging: {
        prevArchive: archive.prevArchive === null ? null : urls(archive.prevArchive),
        nextArchive: archive.nextArchive === null ? null : urls(archive.nextArchive),
        current: archive.page === null ? null : urls(null),
      },
      entries,
    };
    const plain = Buffer.from(format === 'atom' ? renderAtom(document) : renderJsonFeed(document), 'utf8');
    return { updated, plain, gzipped: await gzip(plain) };
  }

  /** How a correction names the entry it corrects: that entry's id, title and date. */
  private correctedEntry(corrected: CorrectedColumns, watchId: string, ctx: EntryContext): CorrectedEntry {
    const actor = ctx.actorName(watchId, corrected.actorId);
    const title = changeTitle(actor, corrected.change.from, corrected.change.to);
    return {
      id: announcementEntryId(ctx, { kind: corrected.kind, alertId: corrected.alertId, drop: null, claim: { eventId: corrected.claimEventId } as ClaimRecord }),
      title: corrected.kind === 'change' ? title : `${corrected.kind === 'withdrawal' ? 'Withdrawn' : 'Correction'}: ${title}`,
      announcedAt: corrected.announcedAt,
      change: corrected.change,
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

/** The headers of a 200 and of a 304 alike. */
function validatorHeaders(etag: string, lastModified: Date, cacheControl: string): Record<string, string> {
  return { etag, 'last-modified': lastModified.toUTCString(), 'cache-control': cacheControl, vary: 'Accept-Encoding' };
}

// The service's public URLs, from PUBLIC_BASE_URL: every link the feeds, alerts and pages hand
// out is built here, so a path exists in one place.
const segment = encodeURIComponent;

export class PublicLinks {
  /** `baseUrl` without a trailing slash (config guarantees it). */
  constructor(readonly baseUrl: string) {}

  home(): string {
    return `${this.baseUrl}/`;
  }

  /** The stance board: every watch's actors, their stances and timelines. */
  board(): string {
    return this.home();
  }

  /** One watch's section of the board. */
  watchOnBoard(watchId: string): string {
    return `${this.board()}#watch-${segment(watchId)}`;
  }

  /** One actor's page: the full history, the timeline chart and the `why` chain. */
  actorPage(watchId: string, actorId: string): string {
    return `${this.baseUrl}/watches/${segment(watchId)}/actors/${segment(actorId)}`;
  }

  /** An actor's page with its list of claims starting at the first said on or after `day`. */
  actorClaimsFrom(watchId: string, actorId: string, day: string): string {
    return `${this.actorPage(watchId, actorId)}?from=${segment(day)}#claims`;
  }

  /** Source health as a page. */
  sourcesPage(): string {
    return `${this.baseUrl}/sources`;
  }

  /** A static file of the pages (stylesheet, client script). */
  asset(name: string): string {
    return `${this.baseUrl}/assets/${segment(name)}`;
  }

  /** The live stream (Server-Sent Events), all of it or narrowed to a watch or one actor. */
  stream(scope: { watchId?: string; actorId?: string } = {}): string {
    const query = new URLSearchParams();
    if (scope.watchId !== undefined) query.set('watch', scope.watchId);
    if (scope.actorId !== undefined) query.set('actor', scope.actorId);
    const search = query.toString();
    return `${this.baseUrl}/api/stream${search ? `?${search}` : ''}`;
  }

  stances(watchId: string): string {
    return `${this.baseUrl}/api/watches/${segment(watchId)}/stances`;
  }

  history(watchId: string, actorId: string): string {
    return `${this.baseUrl}/api/watches/${segment(watchId)}/actors/${segment(actorId)}/history`;
  }

  why(watchId: string, actorId: string): string {
    return `${this.baseUrl}/api/watches/${segment(watchId)}/actors/${segment(actorId)}/why`;
  }

  /** Our stored copy of an ingested article, as a page, with its claims marked. */
  document(documentId: string): string {
    return `${this.baseUrl}/documents/${segment(documentId)}`;
  }

  /**
   * Where "read the article" goes: the claim's source when a reader can open it; our stored copy
   * when the address is one no reader can (a `.invalid` host, RFC 2606, as on the fixtures);
   * `fallback` for an analyst's claim without a usable URL. Never a broken link.
   */
  article(claim: { url: string; documentId: string | null }, fallback: string): string {
    try {
      const url = new URL(claim.url);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !/\.invalid\.?$/i.test(url.hostname)) return url.toString();
    } catch {
      // an analyst's note without a URL
    }
    return claim.documentId ? this.document(claim.documentId) : fallback;
  }

  /** A feed's path without its extension: `feedPath(...) + '.atom'` or `+ '.json'`. */
  feed(scope: FeedScope): string {
    switch (scope.kind) {
      case 'changes':
        return `${this.baseUrl}/feeds/changes`;
      case 'watch-changes':
        return `${this.baseUrl}/feeds/watches/${segment(scope.watchId)}/changes`;
      case 'actor-changes':
        return `${this.baseUrl}/feeds/watches/${segment(scope.watchId)}/actors/${segment(scope.actorId)}`;
      case 'watch-claims':
        return `${this.baseUrl}/feeds/watches/${segment(scope.watchId)}/claims`;
    }
  }
}

/** What a feed covers: every stance change, one watch's, one actor's, or one watch's claims. */
export type FeedScope =
  | { kind: 'changes' }
  | { kind: 'watch-changes'; watchId: string }
  | { kind: 'actor-changes'; watchId: string; actorId: string }
  | { kind: 'watch-claims'; watchId: string };

// The service's public URLs, from PUBLIC_BASE_URL: every link the feeds, alerts and pages hand
// out is built here, so a path exists in one place.
const segment = encodeURIComponent;

export class PublicLinks {
  /** `baseUrl` without a trailing slash (config guarantees it). */
  constructor(readonly baseUrl: string) {}

  home(): string {
    return `${this.baseUrl}/`;
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

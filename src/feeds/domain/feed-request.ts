// Which feed a request names, from its path and query: pure, so every bad request is a clear
// message before any query runs.
import type { FeedScope } from '../../domain/public-links.js';

export type FeedFormat = 'atom' | 'json';

export interface FeedRequest {
  scope: FeedScope;
  format: FeedFormat;
  /** An archive page, numbered from the feed's first entries; null for the subscription document. */
  page: number | null;
}

export class FeedRequestError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export type FeedRoute = { format: FeedFormat } & (
  | { kind: 'changes' }
  | { kind: 'watch-changes' | 'watch-claims'; watchId: string; actorId?: undefined }
  | { kind: 'actor-changes'; watchId: string; actorId: string }
);

/**
 * The feed a path names: `/feeds/changes.atom`, `/feeds/watches/<w>/changes.json`,
 * `/feeds/watches/<w>/claims.atom`, `/feeds/watches/<w>/actors/<a>.json`. Anything else is a 404.
 */
export function feedRoute(pathname: string): FeedRoute {
  const parts = pathname.split('/').slice(2).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new FeedRequestError(404, `no feed at ${pathname}`);
    }
  });
  if (parts.length === 1) {
    const { name, format } = splitFeedFile(parts[0]!);
    if (name === 'changes') return { kind: 'changes', format };
  } else if (parts.length === 3 && parts[0] === 'watches' && parts[1]) {
    const { name, format } = splitFeedFile(parts[2]!);
    if (name === 'changes' || name === 'claims') return { kind: name === 'changes' ? 'watch-changes' : 'watch-claims', watchId: parts[1], format };
  } else if (parts.length === 4 && parts[0] === 'watches' && parts[1] && parts[2] === 'actors') {
    const { name, format } = splitFeedFile(parts[3]!);
    return { kind: 'actor-changes', watchId: parts[1], actorId: name, format };
  }
  throw new FeedRequestError(404, `no feed at ${pathname}; try /feeds/changes.atom`);
}

/** `changes.atom` → ['changes', 'atom']; anything else is a 404. */
export function splitFeedFile(file: string): { name: string; format: FeedFormat } {
  const match = /^(.+)\.(atom|json)$/.exec(file);
  if (!match) throw new FeedRequestError(404, `no feed "${file}": feeds end in .atom or .json`);
  return { name: match[1]!, format: match[2] as FeedFormat };
}

/** `?page=N`: an archive page number from 1, or absent (the subscription document). */
export function parsePage(query: Record<string, unknown>): number | null {
  const raw = query.page;
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) {
    throw new FeedRequestError(400, `page must be an archive page number (a whole number from 1), got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

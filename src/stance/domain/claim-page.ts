// Cursor paging over an actor's claims in claim order (compareClaims). A cursor is a claim id:
// "the claims after (or before) this one in the order". The order lives in compareClaims only;
// paging looks the cursor's claim up in the list already sorted by it, so a change to the order
// changes the pages with it and nothing here. Claims are never removed from a history (a dropped
// one stays, marked), so a cursor stays valid as the log grows: new claims land in their place
// and a reader paging on sees each claim once, with no gap and no repeat. Pure.
import { STANCES, type Stance } from '../../domain/vocabulary.js';
import { firstSaidFrom } from './claim-order.js';

/** The most claims one page holds, whatever `limit` asks: what bounds every history answer. */
export const MAX_PAGE_SIZE = 100;
/** Claims per page when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  /** Claims strictly after this claim id. */
  after?: string;
  /** Claims strictly before this claim id (the page ends just before it). */
  before?: string;
  /** Start at the first claim said on or after this day (YYYY-MM-DD): where a chart mark links. */
  from?: string;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** The claim id to continue after, when there are later claims. */
  next: string | null;
  /** The claim id to go back before, when there are earlier claims. */
  prev: string | null;
}

export class PageRequestError extends Error {}

/** Which of an actor's claims a history page lists. */
export interface HistoryFilter {
  /** `active`: those that count; `dropped`: rejected or superseded ones. */
  status?: 'active' | 'dropped';
  stances?: readonly Stance[];
}

/** Where a list continues: the filter and cursor of its next or previous history page. */
export interface PageCursor extends HistoryFilter {
  after?: string;
  before?: string;
}

/**
 * The query string of the page a cursor names (`status`, `stance`, `after`, `before`, and `limit`
 * when not the default), after the parameters to keep from the request (the time asked).
 */
export function cursorQuery(cursor: PageCursor, limit: number, keep: Record<string, string> = {}): string {
  const params = new URLSearchParams(keep);
  if (limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(limit));
  if (cursor.status) params.set('status', cursor.status);
  if (cursor.stances) params.set('stance', cursor.stances.join(','));
  if (cursor.after) params.set('after', cursor.after);
  if (cursor.before) params.set('before', cursor.before);
  return params.toString();
}

/**
 * One page of `sorted` (in claim order), counting only the items `keep` accepts. `idOf` names an
 * item's claim and `dayOf` its said-on upper bound, the first key of the order.
 */
export function pageOf<T>(
  sorted: readonly T[],
  request: PageRequest,
  idOf: (item: T) => string,
  dayOf: (item: T) => string,
  keep: (item: T) => boolean = () => true,
): Page<T> {
  const limit = Math.min(Math.max(1, request.limit), MAX_PAGE_SIZE);
  const indexOfCursor = (id: string) => {
    const i = sorted.findIndex((item) => idOf(item) === id);
    if (i < 0) throw new PageRequestError(`no claim "${id}" in this history: a cursor is the claimId of a claim in it (from next or prev)`);
    return i;
  };
  const kept: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (keep(sorted[i]!)) kept.push(i);
  let start: number;
  let end: number;
  if (request.before !== undefined) {
    const cursor = indexOfCursor(request.before);
    end = firstAtOrAfter(kept, cursor);
    start = Math.max(0, end - limit);
  } else {
    let first = 0;
    if (request.after !== undefined) first = indexOfCursor(request.after) + 1;
    else if (request.from !== undefined) first = firstSaidFrom(sorted, dayOf, request.from);
    start = firstAtOrAfter(kept, first);
    end = Math.min(kept.length, start + limit);
  }
  const items = kept.slice(start, end).map((i) => sorted[i]!);
  return {
    items,
    next: end < kept.length && items.length > 0 ? idOf(items.at(-1)!) : null,
    prev: start > 0 && items.length > 0 ? idOf(items[0]!) : null,
  };
}

/** Index in `kept` (ascending indexes) of the first one >= `index`. */
function firstAtOrAfter(kept: readonly number[], index: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kept[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `limit`, `after`, `before` and `from` from a query string, with a message naming what is wrong. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new PageRequestError(`${name} must be given once, not empty`);
    return value.trim();
  };
  const limitText = text('limit');
  let limit = DEFAULT_PAGE_SIZE;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_PAGE_SIZE) {
      throw new PageRequestError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${limitText}"`);
    }
    limit = Number(limitText);
  }
  const after = text('after');
  const before = text('before');
  const from = text('from');
  if ([after, before, from].filter((v) => v !== undefined).length > 1) throw new PageRequestError('give at most one of after, before and from');
  if (from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new PageRequestError(`from must be a date (YYYY-MM-DD), got "${from}"`);
  return { limit, ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}), ...(from !== undefined ? { from } : {}) };
}

/** `status` and `stance` of a history request, with a message naming what is wrong. */
export function parseHistoryFilter(query: Record<string, unknown>): HistoryFilter {
  const filter: HistoryFilter = {};
  const { status, stance } = query;
  if (status !== undefined) {
    if (status !== 'active' && status !== 'dropped') throw new PageRequestError(`status must be active or dropped, got "${String(status)}"`);
    filter.status = status;
  }
  if (stance !== undefined) {
    const stances = typeof stance === 'string' ? stance.split(',').map((s) => s.trim()) : [];
    if (stances.length === 0 || !stances.every((s): s is Stance => (STANCES as readonly string[]).includes(s))) {
      throw new PageRequestError(`stance must be one or more of ${STANCES.join(', ')}, separated by commas, got "${String(stance)}"`);
    }
    filter.stances = stances;
  }
  return filter;
}

// The order in which an actor's claims count (DESIGN.md "Time is bitemporal"): by said-on upper
// bound, then precision, then the publication time of the report, then the document's id, then
// the statement's offset in it; never log position, which is arrival order. Everything the
// projection answers in valid time (stance as of a day, the list of stance changes) is read off
// this order, so it must depend only on the claims themselves, never on the order they arrived in.

import type { SaidOn, Stance } from '../../domain/vocabulary.js';

/** One claim on an actor's timeline: what the order needs, plus the evidence the history shows. */
export interface TimelineEntry {
  claimId: string;
  watchId: string;
  actorId: string;
  stance: Stance;
  saidOn: SaidOn;
  /** Log position of the ClaimRecorded event. */
  position: number;
  /**
   * When the report carrying the claim was published (the document's `published`), or when an
   * analyst entered it; null on events recorded before the field existed.
   */
  reportedAt: string | null;
  /** null for a claim entered by an analyst. */
  documentId: string | null;
  /** Where the statement starts in the document's stored text (evidence.start; 0 for an analyst's claim). */
  statementOffset: number;
  url: string;
  /** The evidence sentence. */
  quote: string;
  speaker: string | null;
  /** Content hash of the watch file that produced the claim; null for analysts' claims and claims recorded before it was kept. */
  watchRevision: string | null;
  /** Content hash of the language packs that produced the claim; null as for watchRevision. */
  packsRevision: string | null;
}

/** The fields the order reads: the claim's own, none of them transaction time. */
export type OrderKey = Pick<TimelineEntry, 'claimId' | 'saidOn' | 'reportedAt' | 'documentId' | 'statementOffset'>;

/**
 * How precise a said-on is, for comparing claims with the same upper bound. A statement known only
 * to have happened "earlier" is taken to precede one the text dates to a span, and that one to
 * precede a dated day: "the Kremlin earlier denied ..." must not come after "on 24 Oct Putin ...".
 */
export function precisionRank(saidOn: SaidOn): 0 | 1 | 2 {
  if (saidOn.precision === 'day') return 2;
  if (saidOn.precision === 'before' || saidOn.from === null) return 0;
  return 1; // range, month, year
}

/**
 * Total order on claims: said-on upper bound (ISO days compare as strings), then precision rank,
 * then the narrower interval later (it pins the statement closer to its upper bound), then the
 * report published later counts as later, then the document's id, then the statement's offset in
 * the document. claimId only separates claims that tie on all of these (an analyst's claims on
 * one day entered at the same instant); it keeps the order total on any input.
 *
 * Why the publication time (DESIGN.md): two reports of the same dated statement (seeds 002 and
 * 003 both report Putin on 24 October) tie on said-on and precision; the later report counts as
 * the later claim. Reports published at the same instant, and claims of one report, are ordered
 * by the document id (a hash of the article's address and text: arbitrary, but the same in every
 * arrival order) and the offset (text order). Nothing here is the log position: the position is
 * when this service happened to read the claim, and ordering by it made stance changes, and even
 * an actor's final stance, depend on which feed delivered first.
 */
export function compareClaims(a: OrderKey, b: OrderKey): number {
  if (a.saidOn.to !== b.saidOn.to) return a.saidOn.to < b.saidOn.to ? -1 : 1;
  const rank = precisionRank(a.saidOn) - precisionRank(b.saidOn);
  if (rank !== 0) return rank;
  // Same upper bound, so the wider interval is the one with the earlier (or no) lower bound.
  const fa = a.saidOn.from;
  const fb = b.saidOn.from;
  if (fa !== fb) return fa === null ? -1 : fb === null ? 1 : fa < fb ? -1 : 1;
  const reported = compareReportTimes(a.reportedAt, b.reportedAt);
  if (reported !== 0) return reported;
  const da = a.documentId ?? '';
  const db = b.documentId ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.statementOffset !== b.statementOffset) return a.statementOffset - b.statementOffset;
  return a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0;
}

/**
 * Publication times compared as instants, not as text: "2024-10-25T10:00:00+07:00" and
 * "2024-10-25T03:00:00Z" are the same instant and tie (the document id decides), and a feed's
 * UTC time sorts correctly against a fixture's local one. A missing or unreadable time (events
 * recorded before the field existed) sorts first. A bare date is midnight UTC of that day.
 */
export function compareReportTimes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  const ta = instantOf(a);
  const tb = instantOf(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

function instantOf(time: string | null): number {
  const ms = time === null ? Number.NaN : Date.parse(time);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** A claim counts as said on or before `day` when its whole interval is: `to <= day`. */
export function saidOnOrBefore(claim: Pick<TimelineEntry, 'saidOn'>, day: string): boolean {
  return claim.saidOn.to <= day;
}

/** Index at which `entry` keeps `sorted` ordered (binary search, O(log n)). */
export function insertionIndex(sorted: readonly OrderKey[], entry: OrderKey): number {
  // News mostly arrives in said-on order: try the end first.
  const last = sorted.at(-1);
  if (!last || compareClaims(last, entry) < 0) return sorted.length;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareClaims(sorted[mid], entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `entry` in `sorted`, or -1. */
export function indexOfClaim(sorted: readonly OrderKey[], entry: OrderKey): number {
  const i = insertionIndex(sorted, entry);
  return i < sorted.length && sorted[i].claimId === entry.claimId ? i : -1;
}

/**
 * Index of the first item said on or after `day` in items in claim order (or in the order of
 * their claims), which sorts by said-on upper bound first: `dayOf` reads that bound.
 */
export function firstSaidFrom<T>(sorted: readonly T[], dayOf: (item: T) => string, day: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOf(sorted[mid]!) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last claim said on or before `day`, or -1 (binary search on the upper bound). */
export function lastIndexSaidBy(sorted: readonly OrderKey[], day: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].saidOn.to <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

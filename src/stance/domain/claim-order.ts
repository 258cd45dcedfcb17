// The order in which an actor's claims count (DESIGN.md "Time is bitemporal"): by said-on upper
// bound, then precision, then the publication time of the report, then log position. Everything the projection answers in valid time
// (stance as of a day, the list of stance changes) is read off this order, so it must depend only
// on the claims themselves, never on the order they arrived in.

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
  url: string;
  /** The evidence sentence. */
  quote: string;
  speaker: string | null;
}

/** The fields the order reads. */
export type OrderKey = Pick<TimelineEntry, 'claimId' | 'saidOn' | 'position' | 'reportedAt'>;

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
 * report published later counts as later, then log position. claimId only separates claims that
 * share a position, which a log never produces; it keeps the order total on any input.
 *
 * Why the publication time before the log position (DESIGN.md names only the position): two
 * reports of the same dated statement (seeds 002 and 003 both report Putin on 24 October) tie on
 * said-on and precision, and with the position next the claim credited with the change would be
 * whichever report the feed delivered first. The publication time is part of the claim, so the
 * credited claim no longer depends on arrival order; the position still orders claims of one
 * report (appended together, in text order) and of reports published at the same instant.
 */
export function compareClaims(a: OrderKey, b: OrderKey): number {
  if (a.saidOn.to !== b.saidOn.to) return a.saidOn.to < b.saidOn.to ? -1 : 1;
  const rank = precisionRank(a.saidOn) - precisionRank(b.saidOn);
  if (rank !== 0) return rank;
  // Same upper bound, so the wider interval is the one with the earlier (or no) lower bound.
  const fa = a.saidOn.from;
  const fb = b.saidOn.from;
  if (fa !== fb) return fa === null ? -1 : fb === null ? 1 : fa < fb ? -1 : 1;
  const ra = a.reportedAt ?? '';
  const rb = b.reportedAt ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.position !== b.position) return a.position - b.position;
  return a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0;
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

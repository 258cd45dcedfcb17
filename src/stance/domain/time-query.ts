// The two time axes a stance query can fix (DESIGN.md "Time is bitemporal"), read from the query
// string: `as_of` (valid time: what was the actor's position on that day?) and `known_at` /
// `known_at_position` (transaction time: what did this service show then?). Pure.
import { isIsoDay, IsoTimeError, parseIsoInstant } from '../../domain/iso-time.js';

export interface TimeQuery {
  /** Valid day, YYYY-MM-DD. */
  asOf?: string;
  /** Transaction time, as a log position or an instant (resolved to a position by the caller). */
  knownAt?: { position: number } | { time: Date };
}

export class TimeQueryError extends Error {}

export function parseTimeQuery(query: Record<string, unknown>): TimeQuery {
  const result: TimeQuery = {};
  const asOf = single(query, 'as_of');
  if (asOf !== undefined) {
    // A date-time names the UTC day it falls on: said-on is kept in whole days.
    const day = isIsoDay(asOf) ? asOf : asOf.includes('T') ? instant(asOf)?.toISOString().slice(0, 10) : undefined;
    if (day === undefined) throw new TimeQueryError(`as_of must be a date (YYYY-MM-DD), got "${asOf}"`);
    result.asOf = day;
  }
  const knownAt = single(query, 'known_at');
  const knownAtPosition = single(query, 'known_at_position');
  if (knownAt !== undefined && knownAtPosition !== undefined) {
    throw new TimeQueryError('give known_at or known_at_position, not both');
  }
  if (knownAt !== undefined) {
    // A bare day means the end of it: everything recorded on that day was known "on" it.
    const time = instant(knownAt);
    if (!time) {
      throw new TimeQueryError(`known_at must be an ISO 8601 date-time with a zone (2025-04-28T12:00:00Z) or a date, got "${knownAt}"`);
    }
    result.knownAt = { time };
  }
  if (knownAtPosition !== undefined) {
    if (!/^\d+$/.test(knownAtPosition) || !Number.isSafeInteger(Number(knownAtPosition))) {
      throw new TimeQueryError(`known_at_position must be a log position (0 or a positive whole number), got "${knownAtPosition}"`);
    }
    result.knownAt = { position: Number(knownAtPosition) };
  }
  return result;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TimeQueryError(`${name} must be given once`);
  return value.trim();
}

/** The instant, or undefined when the text is not one (the caller says what it expected). */
function instant(value: string): Date | undefined {
  try {
    return parseIsoInstant(value);
  } catch (error) {
    if (error instanceof IsoTimeError) return undefined;
    throw error;
  }
}

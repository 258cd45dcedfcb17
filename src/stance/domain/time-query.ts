// The two time axes a stance query can fix (DESIGN.md "Time is bitemporal"), read from the query
// string: `as_of` (valid time: what was the actor's position on that day?) and `known_at` /
// `known_at_position` (transaction time: what did this service show then?). Pure.

export interface TimeQuery {
  /** Valid day, YYYY-MM-DD. */
  asOf?: string;
  /** Transaction time, as a log position or an instant (resolved to a position by the caller). */
  knownAt?: { position: number } | { time: Date };
}

export class TimeQueryError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseTimeQuery(query: Record<string, unknown>): TimeQuery {
  const result: TimeQuery = {};
  const asOf = single(query, 'as_of');
  if (asOf !== undefined) {
    // A date-time names the UTC day it falls on: said-on is kept in whole days.
    const day = DATE_TIME.test(asOf) ? validInstant(asOf, 'as_of').toISOString().slice(0, 10) : asOf;
    if (!DAY.test(day) || !isCalendarDay(day)) throw new TimeQueryError(`as_of must be a date (YYYY-MM-DD), got "${asOf}"`);
    result.asOf = day;
  }
  const knownAt = single(query, 'known_at');
  const knownAtPosition = single(query, 'known_at_position');
  if (knownAt !== undefined && knownAtPosition !== undefined) {
    throw new TimeQueryError('give known_at or known_at_position, not both');
  }
  if (knownAt !== undefined) {
    if (DAY.test(knownAt)) {
      // A bare day means the end of it: everything recorded on that day was known "on" it.
      if (!isCalendarDay(knownAt)) throw new TimeQueryError(`known_at is not a calendar day: "${knownAt}"`);
      result.knownAt = { time: new Date(`${knownAt}T23:59:59.999Z`) };
    } else if (DATE_TIME.test(knownAt)) {
      result.knownAt = { time: validInstant(knownAt, 'known_at') };
    } else {
      throw new TimeQueryError(`known_at must be an ISO 8601 date-time with a zone (2025-04-28T12:00:00Z) or a date, got "${knownAt}"`);
    }
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

function validInstant(value: string, name: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TimeQueryError(`${name} is not a valid time: "${value}"`);
  return date;
}

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

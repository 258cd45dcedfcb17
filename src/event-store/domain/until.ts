// Where an audit command (export, replay) stops: a log position, or a moment in time.
import { IsoTimeError, parseIsoInstant } from '../../domain/iso-time.js';

export type Until = { position: number } | { time: Date };

const POSITION = /^\d+$/;

/**
 * Reads `--until`: a log position (a whole number from 1), an ISO 8601 date-time with a time zone
 * (`2024-10-25T14:30:00Z`, `2024-10-25T21:30+07:00`), or an ISO 8601 date.
 *
 * A bare date means the end of that day in UTC: everything recorded on or before it, which is
 * what "the log as of 25 October" is taken to mean. It becomes 23:59:59.999Z, and the log counts
 * an event by the millisecond it was recorded in, so the day's last microseconds are included.
 */
export function parseUntil(value: string): Until {
  const text = value.trim();
  if (POSITION.test(text)) {
    const position = Number(text);
    if (position < 1 || !Number.isSafeInteger(position)) throw invalid(value);
    return { position };
  }
  try {
    return { time: parseIsoInstant(text) };
  } catch (error) {
    if (!(error instanceof IsoTimeError)) throw error;
    // "not an ISO 8601 …" adds nothing to the message below; the other reasons do.
    throw invalid(value, text.match(/^\d{4}-\d{2}-\d{2}/) ? error.message : undefined);
  }
}

function invalid(value: string, reason?: string): Error {
  return new Error(
    `"${value}" is not a log position (a whole number from 1) nor an ISO 8601 date (2024-10-25) ` +
      `or date-time with a time zone (2024-10-25T14:30:00Z)${reason ? `: ${reason}` : ''}`,
  );
}

// Where an audit command (export, replay) stops: a log position, or a moment in time.

export type Until = { position: number } | { time: Date };

const POSITION = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads `--until`: a log position (a whole number from 1), an ISO 8601 date-time with a time zone
 * (`2024-10-25T14:30:00Z`, `2024-10-25T21:30+07:00`), or an ISO 8601 date.
 *
 * A bare date means the end of that day in UTC: everything recorded on or before it, which is
 * what "the log as of 25 October" is taken to mean. It becomes 23:59:59.999Z, and the log counts
 * an event by the millisecond it was recorded in, so the day's last microseconds are included.
 * A date-time without a time zone is refused
 * rather than read in the local zone of whichever machine runs the audit.
 */
export function parseUntil(value: string): Until {
  const text = value.trim();
  if (POSITION.test(text)) {
    const position = Number(text);
    if (position < 1 || !Number.isSafeInteger(position)) throw invalid(value);
    return { position };
  }
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
    if (!isCalendarDate(year, month, day)) throw invalid(value, 'no such day');
    return { time: new Date(Date.UTC(year, month - 1, day, 23, 59, 59, 999)) };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day, hour, minute, second] = dateTime.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) throw invalid(value, 'no such time');
    return { time: new Date(text) };
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) throw invalid(value, 'give a time zone, e.g. Z or +07:00');
  throw invalid(value);
}

/** Date parsing rolls 2024-02-30 over to 1 March; an audit boundary must not move silently. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function invalid(value: string, reason?: string): Error {
  return new Error(
    `"${value}" is not a log position (a whole number from 1) nor an ISO 8601 date (2024-10-25) ` +
      `or date-time with a time zone (2024-10-25T14:30:00Z)${reason ? `: ${reason}` : ''}`,
  );
}

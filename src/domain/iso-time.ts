// Calendar days and instants as users type them (query strings, command-line options, admin
// input), read strictly: an audit boundary or a said-on day must never move silently. Pure.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))$/;

export class IsoTimeError extends Error {}

/** `YYYY-MM-DD` naming a real day (Date parsing would roll 2024-02-30 over to 1 March). */
export function isIsoDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && isCalendarDate(...(match.slice(1).map(Number) as [number, number, number]));
}

/**
 * An ISO 8601 date-time with a time zone (`2024-10-25T14:30:00Z`, `2024-10-25T21:30+07:00`), or a
 * bare date, which means the end of that day in UTC (23:59:59.999Z): everything on or before it.
 * A date-time without a zone is refused rather than read in the local zone of whichever machine
 * runs. Throws IsoTimeError saying why.
 */
export function parseIsoInstant(value: string): Date {
  const text = value.trim();
  const day = DAY.exec(text);
  if (day) {
    const [year, month, date] = day.slice(1).map(Number) as [number, number, number];
    if (!isCalendarDate(year, month, date)) throw new IsoTimeError('no such day');
    return new Date(Date.UTC(year, month - 1, date, 23, 59, 59, 999));
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, date, hour, minute, second] = dateTime.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    if (!isCalendarDate(year, month, date) || hour > 23 || minute > 59 || second > 59) throw new IsoTimeError('no such time');
    // RFC 3339 offsets stop at 23:59; a larger one makes an Invalid Date that fails far away.
    const [offsetHours, offsetMinutes] = [Number(dateTime[9] ?? 0), Number(dateTime[10] ?? 0)];
    if (offsetHours > 23 || offsetMinutes > 59) throw new IsoTimeError('no such time zone offset');
    const instant = new Date(text);
    // Years beyond what Date holds (±275760) parse as Invalid Date too.
    if (Number.isNaN(instant.getTime())) throw new IsoTimeError('out of range');
    return instant;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) throw new IsoTimeError('give a time zone, e.g. Z or +07:00');
  throw new IsoTimeError('not an ISO 8601 date or date-time');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

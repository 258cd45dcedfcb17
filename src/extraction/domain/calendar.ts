// Calendar days as integers (days since 1970-01-01, UTC), so date arithmetic is plain addition.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar day of an ISO date or date-time, as written (its own offset, not UTC). */
export function parseDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`not an ISO date: "${iso}"`);
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days formatted so far: an article's statements name the same few days again and again. */
const formattedDays = new Map<number, string>();
const MAX_FORMATTED_DAYS = 10_000;

export function formatDay(day: number): string {
  let formatted = formattedDays.get(day);
  if (formatted === undefined) {
    formatted = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(day, formatted);
  }
  return formatted;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekdayOf(day: number): number {
  return ((new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7) + 1;
}

export function mondayOf(day: number): number {
  return day - (weekdayOf(day) - 1);
}

export function lastDayOfMonth(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - 1;
}

/** The day of the month, 1-31. */
export function dayOfMonthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

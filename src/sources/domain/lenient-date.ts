// Feeds promise RFC 822 (RSS) or RFC 3339 (Atom, JSON Feed) dates and deliver many variants:
// no weekday, no seconds, two-digit years, named zones, ISO dates in <pubDate>, US-style
// "April 28, 2025 10:15 AM", Indonesian month and day names. `new Date(text)` accepts some of
// these but reads a date without a zone in the machine's local time zone; this parser reads it as
// UTC so the result never depends on where the service runs, and it returns null rather than guess.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, januari: 1,
  feb: 2, february: 2, februari: 2, peb: 2, pebruari: 2,
  mar: 3, march: 3, maret: 3,
  apr: 4, april: 4,
  may: 5, mei: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8, agu: 8, agt: 8, ags: 8, agustus: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11, nop: 11, nopember: 11,
  dec: 12, december: 12, des: 12, desember: 12,
};

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
  'sen', 'senin', 'sel', 'selasa', 'rab', 'rabu', 'kam', 'kamis', 'jum', 'jumat', "jum'at",
  'sab', 'sabtu', 'min', 'minggu', 'ahad',
]);

// RFC 822 names its US zones; the rest are the abbreviations feeds in our languages use
// (WIB/WITA/WIT are Indonesia's). CST is RFC 822's US Central, not China.
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  wib: 420, wita: 480, wit: 540, sgt: 480, hkt: 480, jst: 540, kst: 540, aest: 600, aedt: 660,
};

const TIME = String.raw`(?<hour>\d{1,2})[:.](?<minute>\d{2})(?:[:.](?<second>\d{2})(?:[.,](?<fraction>\d+))?)?\s*(?<meridiem>[ap]\.?m\.?)?`;
const ZONE = String.raw`(?<zone>[+-]\d{2}(?::?\d{2})?|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)`;

const ISO_DATE_TIME = new RegExp(
  String.raw`^(?<year>\d{4})[-/](?<month>\d{1,2})[-/](?<day>\d{1,2})(?:(?:t|\s+)${TIME})?\s*${ZONE}?$`,
  'i',
);
const YEAR_MONTH = /^(?<year>\d{4})(?:-(?<month>\d{2}))?$/;
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?<day>\d{1,2})[\s-]+(?<monthName>[a-z]+)\.?[\s-]+(?<year>\d{4}|\d{2})(?:[\s,]+(?:at\s+)?${TIME})?\s*${ZONE}?$`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?<monthName>[a-z]+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?:[\s,]+(?:at\s+)?${TIME})?\s*${ZONE}?$`,
  'i',
);
// asctime() and Unix `date`: "Mon Apr 28 10:15:00 2025", "Mon Apr 28 10:15:00 UTC 2025".
const MONTH_DAY_TIME_YEAR = new RegExp(
  String.raw`^(?<monthName>[a-z]+)\s+(?<day>\d{1,2})\s+${TIME}\s+(?:${ZONE}\s+)?(?<year>\d{4})$`,
  'i',
);

const DATE_PATTERNS = [ISO_DATE_TIME, YEAR_MONTH, DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_DAY_TIME_YEAR];

type DateParts = Partial<Record<
  'year' | 'month' | 'monthName' | 'day' | 'hour' | 'minute' | 'second' | 'fraction' | 'meridiem' | 'zone',
  string
>>;

/** Parses a date as feeds and HTTP headers write them; null when it is not one. */
export function parseLenientDate(text: string): Date | null {
  const cleaned = withoutWeekday(
    text
      .trim()
      .replace(/\s*\([^)]*\)$/, '') // JavaScript's "... GMT+0700 (Western Indonesia Time)"
      .replace(/\s+/g, ' '),
  );
  for (const pattern of DATE_PATTERNS) {
    const parts = pattern.exec(cleaned)?.groups;
    if (parts) return dateFromParts(parts);
  }
  return null;
}

/** The date as an ISO 8601 UTC instant, or null. */
export function parseLenientDateToIso(text: string | null | undefined): string | null {
  return text ? (parseLenientDate(text)?.toISOString() ?? null) : null;
}

function withoutWeekday(text: string): string {
  const match = /^([a-z']+)\.?(?:,\s*|\s+)/i.exec(text);
  return match && WEEKDAYS.has(match[1].toLowerCase()) ? text.slice(match[0].length) : text;
}

function dateFromParts(parts: DateParts): Date | null {
  const year = fullYear(parts.year!);
  const month = parts.monthName !== undefined ? lookUp(MONTHS, parts.monthName) : Number(parts.month ?? 1);
  const day = Number(parts.day ?? 1);
  const hour = twentyFourHour(Number(parts.hour ?? 0), parts.meridiem);
  const minute = Number(parts.minute ?? 0);
  const second = Math.min(Number(parts.second ?? 0), 59); // a leap second is read as :59
  const millisecond = Number((parts.fraction ?? '').slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = parts.zone === undefined ? 0 : zoneOffsetMinutes(parts.zone);

  if (month === undefined || hour === null || offsetMinutes === null) return null;
  if (year < 1000 || month < 1 || month > 12 || minute > 59) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;

  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return new Date(utc - offsetMinutes * 60_000);
}

// RFC 2822 §4.3: a two-digit year below 50 is in the 2000s.
function fullYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

function twentyFourHour(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const afternoon = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (afternoon ? 12 : 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// "+0700", "+07:00", "+07", "GMT+7", "UTC+07:00", "WIB". An unknown name counts as UTC, as
// RFC 2822 §4.3 says of zones it does not list; a malformed offset makes the date unreadable.
function zoneOffsetMinutes(zone: string): number | null {
  const match = /^([a-z]*)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(zone);
  if (!match) return null;
  const [, name, sign, hours, minutes] = match;
  const named = name === '' ? 0 : (lookUp(ZONE_OFFSET_MINUTES, name) ?? 0);
  if (sign === undefined) return named;
  const offset = Number(hours) * 60 + Number(minutes ?? 0);
  if (offset > 14 * 60 || Number(minutes ?? 0) > 59) return null;
  return named + (sign === '-' ? -offset : offset);
}

function lookUp(table: Readonly<Record<string, number>>, name: string): number | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

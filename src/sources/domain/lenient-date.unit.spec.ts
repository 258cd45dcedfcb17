import { describe, expect, it } from '@jest/globals';
import { parseLenientDateToIso } from './lenient-date.js';

describe('parseLenientDateToIso', () => {
  it.each([
    // RFC 822 / 1123 / 2822 and their variants
    ['Mon, 28 Apr 2025 10:15:00 +0700', '2025-04-28T03:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 GMT', '2025-04-28T10:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 EDT', '2025-04-28T14:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 PST', '2025-04-28T18:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 Z', '2025-04-28T10:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 +07:00', '2025-04-28T03:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00 -0330', '2025-04-28T13:45:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:00', '2025-04-28T10:15:00.000Z'],
    ['28 Apr 2025 10:15 +0700', '2025-04-28T03:15:00.000Z'],
    ['Mon,28 Apr 2025 10:15:00 GMT', '2025-04-28T10:15:00.000Z'],
    ['Tue, 29 Apr 2025 1:05:00 +0000', '2025-04-29T01:05:00.000Z'],
    ['Thu, 01 Jan 70 00:00:00 GMT', '1970-01-01T00:00:00.000Z'],
    ['Wed, 01 Jan 25 00:00:00 GMT', '2025-01-01T00:00:00.000Z'],
    ['Monday, 28-Apr-25 10:15:00 GMT', '2025-04-28T10:15:00.000Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37.000Z'],
    ['Mon Apr 28 10:15:00 UTC 2025', '2025-04-28T10:15:00.000Z'],
    ['Mon, 28 Apr 2025 10:15:60 GMT', '2025-04-28T10:15:59.000Z'],
    // Indonesian
    ['Sen, 28 Apr 2025 10:15:00 WIB', '2025-04-28T03:15:00.000Z'],
    ['Kamis, 24 Oktober 2024 19.30 WIB', '2024-10-24T12:30:00.000Z'],
    ['28 Agustus 2024 08:00 WITA', '2024-08-28T00:00:00.000Z'],
    ['Jumat, 6 Des 2024', '2024-12-06T00:00:00.000Z'],
    // ISO 8601 / RFC 3339 / W3CDTF
    ['2025-04-28T10:15:00Z', '2025-04-28T10:15:00.000Z'],
    ['2025-04-28T10:15:00.5+05:30', '2025-04-28T04:45:00.500Z'],
    ['2025-04-28T10:15:00.123456789-01:00', '2025-04-28T11:15:00.123Z'],
    ['2025-04-28T10:15+0700', '2025-04-28T03:15:00.000Z'],
    ['2025-04-28 10:15:00', '2025-04-28T10:15:00.000Z'],
    ['2025-04-28', '2025-04-28T00:00:00.000Z'],
    ['2025-04', '2025-04-01T00:00:00.000Z'],
    ['2025', '2025-01-01T00:00:00.000Z'],
    ['2025/04/28 10:15', '2025-04-28T10:15:00.000Z'],
    // Month first
    ['April 28, 2025 10:15 PM', '2025-04-28T22:15:00.000Z'],
    ['April 28, 2025 12:05 am', '2025-04-28T00:05:00.000Z'],
    ['Apr 28th, 2025', '2025-04-28T00:00:00.000Z'],
    ['Mon Apr 28 2025 10:15:00 GMT+0700 (Western Indonesia Time)', '2025-04-28T03:15:00.000Z'],
    ['Apr 28 2025 10:15:00 UTC+7', '2025-04-28T03:15:00.000Z'],
  ])('%s', (input, expected) => {
    expect(parseLenientDateToIso(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['yesterday', 'words'],
    ['N/A', 'placeholder'],
    ['Mon, 31 Feb 2025 10:00:00 GMT', 'day not in month'],
    ['2025-13-01', 'month 13'],
    ['2025-04-28T25:00:00Z', 'hour 25'],
    ['2025-04-28T10:61:00Z', 'minute 61'],
    ['13:00 PM April 28, 2025', 'time first'],
    ['Mon, 28 Foo 2025 10:00:00 GMT', 'unknown month'],
    ['Mon, 28 Constructor 2025', 'a prototype property is not a month'],
    ['2025-04-28T10:00:00+25:00', 'offset beyond 14 hours'],
    ['0099-01-01', 'a year before 1000'],
  ])('rejects %s (%s)', (input) => {
    expect(parseLenientDateToIso(input)).toBeNull();
  });

  it('treats null and undefined as no date', () => {
    expect(parseLenientDateToIso(null)).toBeNull();
    expect(parseLenientDateToIso(undefined)).toBeNull();
  });
});

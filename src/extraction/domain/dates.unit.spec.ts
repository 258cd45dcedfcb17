import { describe, expect, it } from '@jest/globals';
import type { SaidOn } from '../../domain/vocabulary.js';
import { parseDay } from './calendar.js';
import { findDateExpressions, resolveDate } from './dates.js';
import { packs } from './extraction.fixture.js';
import { compilePack } from './lexicon.js';
import { markQuotes, tokenize } from './tokens.js';

/** The said-on of every date phrase in `text`, as [from, to, precision, basis]. */
function datesIn(text: string, published: string, language: string): [string | null, string, SaidOn['precision'], string][] {
  const tokens = tokenize(text);
  markQuotes(tokens);
  return findDateExpressions(tokens, compilePack(packs.get(language)!)).map((expression) => {
    const basis = text.slice(tokens[expression.start].start, tokens[expression.end - 1].end);
    const { from, to, precision } = resolveDate(expression, parseDay(published), basis);
    return [from, to, precision, basis];
  });
}

// Friday 25 October 2024, as in the Tribunnews seed.
const FRIDAY = '2024-10-25';
// Monday 28 April 2025, as in the SeaPRwire seed.
const MONDAY = '2025-04-28';

describe('Indonesian date phrases', () => {
  it.each([
    ['pada hari Senin', FRIDAY, ['2024-10-21', '2024-10-21', 'day', 'pada hari Senin']],
    ['pada hari Senin', MONDAY, ['2025-04-28', '2025-04-28', 'day', 'pada hari Senin']],
    ['Senin lalu', MONDAY, ['2025-04-21', '2025-04-21', 'day', 'Senin lalu']],
    ['pada hari Minggu', FRIDAY, ['2024-10-20', '2024-10-20', 'day', 'pada hari Minggu']],
    ['pekan lalu', FRIDAY, ['2024-10-14', '2024-10-20', 'range', 'pekan lalu']],
    ['Minggu lalu', FRIDAY, ['2024-10-14', '2024-10-20', 'range', 'Minggu lalu']],
    ['pekan ini', FRIDAY, ['2024-10-21', '2024-10-25', 'range', 'pekan ini']],
    ['Kamis (24/10)', FRIDAY, ['2024-10-24', '2024-10-24', 'day', 'Kamis (24/10)']],
    ['Rabu (23 Oktober 2024)', FRIDAY, ['2024-10-23', '2024-10-23', 'day', 'Rabu (23 Oktober 2024)']],
    ['pada 28 April', '2025-04-29', ['2025-04-28', '2025-04-28', 'day', 'pada 28 April']],
    ['pada 28 Desember', '2025-01-05', ['2024-12-28', '2024-12-28', 'day', 'pada 28 Desember']],
    ['akhir 2024', '2025-04-29', ['2024-09-01', '2024-12-31', 'year', 'akhir 2024']],
    ['akhir bulan lalu', FRIDAY, ['2024-09-21', '2024-09-30', 'month', 'akhir bulan lalu']],
    ['awal Oktober', FRIDAY, ['2024-10-01', '2024-10-10', 'month', 'awal Oktober']],
    ['Desember lalu', MONDAY, ['2024-12-01', '2024-12-31', 'month', 'Desember lalu']],
    ['pada bulan Agustus', FRIDAY, ['2024-08-01', '2024-08-31', 'month', 'pada bulan Agustus']],
    ['bulan lalu', FRIDAY, ['2024-09-01', '2024-09-30', 'month', 'bulan lalu']],
    ['tahun lalu', FRIDAY, ['2023-01-01', '2023-12-31', 'year', 'tahun lalu']],
    ['kemarin', FRIDAY, ['2024-10-24', '2024-10-24', 'day', 'kemarin']],
    ['dua hari lalu', FRIDAY, ['2024-10-23', '2024-10-23', 'day', 'dua hari lalu']],
    ['pada akhir pekan', MONDAY, ['2025-04-26', '2025-04-27', 'range', 'pada akhir pekan']],
    ['Sebelum hari Sabtu', MONDAY, [null, '2025-04-25', 'before', 'Sebelum hari Sabtu']],
  ] as const)('%s, published %s', (text, published, expected) => {
    expect(datesIn(text, published, 'id')).toEqual([expected]);
  });

  it('finds nothing in numbers, articles of law, years after "sejak" or lower-case weeks', () => {
    expect(datesIn('11.000 tentara, Pasal 4, sejak 1990, dalam beberapa minggu', FRIDAY, 'id')).toEqual([]);
  });

  it('finds a date wholly inside a quotation, marked as quoted, but not the quoted speaker’s "hari ini"', () => {
    const tokens = tokenize('“Kami membantahnya hari ini, seperti pada hari Senin,” kata Peskov pada hari Selasa.');
    markQuotes(tokens);
    const found = findDateExpressions(tokens, compilePack(packs.get('id')!)).map((expression) => [tokens[expression.start].text, expression.quoted]);
    expect(found).toEqual([['pada', true], ['pada', false]]);
  });
});

describe('English date phrases', () => {
  it.each([
    ['on Monday', FRIDAY, ['2024-10-21', '2024-10-21', 'day', 'on Monday']],
    ['last Monday', MONDAY, ['2025-04-21', '2025-04-21', 'day', 'last Monday']],
    ['last week', FRIDAY, ['2024-10-14', '2024-10-20', 'range', 'last week']],
    // Said before the report: up to the day before publication.
    ['earlier this week', FRIDAY, ['2024-10-21', '2024-10-24', 'range', 'earlier this week']],
    ['on Oct. 24', FRIDAY, ['2024-10-24', '2024-10-24', 'day', 'on Oct. 24']],
    ['on October 24, 2024', '2024-10-29', ['2024-10-24', '2024-10-24', 'day', 'on October 24, 2024']],
    ['on 28 April', '2025-04-29', ['2025-04-28', '2025-04-28', 'day', 'on 28 April']],
    ['in late 2024', '2025-04-29', ['2024-09-01', '2024-12-31', 'year', 'in late 2024']],
    ['in mid-October', FRIDAY, ['2024-10-11', '2024-10-21', 'month', 'in mid-October']],
    // The part before "last"/"this": "late last month" as "akhir bulan lalu".
    ['late last month', FRIDAY, ['2024-09-21', '2024-09-30', 'month', 'late last month']],
    ['early this month', FRIDAY, ['2024-10-01', '2024-10-10', 'month', 'early this month']],
    ['yesterday', FRIDAY, ['2024-10-24', '2024-10-24', 'day', 'yesterday']],
    ['two days ago', FRIDAY, ['2024-10-23', '2024-10-23', 'day', 'two days ago']],
    ['last month', FRIDAY, ['2024-09-01', '2024-09-30', 'month', 'last month']],
    ['at the weekend', MONDAY, ['2025-04-26', '2025-04-27', 'range', 'at the weekend']],
    ['before Saturday', MONDAY, [null, '2025-04-25', 'before', 'before Saturday']],
  ] as const)('%s, published %s', (text, published, expected) => {
    expect(datesIn(text, published, 'en')).toEqual([expected]);
  });

  it('never dates after publication, and reads "may" as a modal', () => {
    expect(datesIn('on Saturday', FRIDAY, 'en')).toEqual([['2024-10-19', '2024-10-19', 'day', 'on Saturday']]);
    expect(datesIn('Russia may confirm it', FRIDAY, 'en')).toEqual([]);
  });
});

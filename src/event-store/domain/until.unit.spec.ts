import { describe, expect, it } from '@jest/globals';
import { parseUntil } from './until.js';

describe('parseUntil', () => {
  it('reads a whole number as a log position', () => {
    expect(parseUntil('3')).toEqual({ position: 3 });
    expect(parseUntil(' 1250000 ')).toEqual({ position: 1_250_000 });
  });

  it('reads a bare date as the end of that day in UTC', () => {
    expect(parseUntil('2024-10-25')).toEqual({ time: new Date('2024-10-25T23:59:59.999Z') });
    expect(parseUntil('2024-02-29')).toEqual({ time: new Date('2024-02-29T23:59:59.999Z') });
  });

  it('reads a date-time with its time zone', () => {
    expect(parseUntil('2024-10-25T14:30:00Z')).toEqual({ time: new Date('2024-10-25T14:30:00.000Z') });
    expect(parseUntil('2024-10-25T21:30+07:00')).toEqual({ time: new Date('2024-10-25T14:30:00.000Z') });
    expect(parseUntil('2024-10-25T14:30:00.123-0100')).toEqual({ time: new Date('2024-10-25T15:30:00.123Z') });
  });

  it.each([
    ['0', 'a whole number from 1'],
    ['-4', 'a whole number from 1'],
    ['2.5', 'a whole number from 1'],
    ['99999999999999999999', 'a whole number from 1'],
    ['yesterday', 'ISO 8601'],
    ['', 'ISO 8601'],
    ['2024-02-30', 'no such day'],
    ['2024-13-01', 'no such day'],
    ['2024-10-25T24:00Z', 'no such time'],
    ['2024-10-25T14:30:00', 'give a time zone'],
    ['25/10/2024', 'ISO 8601'],
  ])('refuses %j, naming it and saying why', (value, reason) => {
    expect(() => parseUntil(value)).toThrow(`"${value}"`);
    expect(() => parseUntil(value)).toThrow(reason);
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseTimeQuery, TimeQueryError } from './time-query.js';

describe('parseTimeQuery', () => {
  it('reads nothing from an empty query', () => {
    expect(parseTimeQuery({})).toEqual({});
  });

  it('as_of takes a day, or the UTC day of a date-time', () => {
    expect(parseTimeQuery({ as_of: '2024-10-24' })).toEqual({ asOf: '2024-10-24' });
    expect(parseTimeQuery({ as_of: '2024-10-24T23:30:00-02:00' })).toEqual({ asOf: '2024-10-25' });
  });

  it('known_at takes the largest offsets there are', () => {
    expect(parseTimeQuery({ known_at: '2025-04-28T12:00:00+23:59' })).toEqual({ knownAt: { time: new Date('2025-04-27T12:01:00Z') } });
    expect(parseTimeQuery({ known_at: '2025-04-28T12:00:00-2359' })).toEqual({ knownAt: { time: new Date('2025-04-29T11:59:00Z') } });
  });

  it('known_at takes an instant; a bare day means the end of that day', () => {
    expect(parseTimeQuery({ known_at: '2025-04-28T12:00:00Z' })).toEqual({ knownAt: { time: new Date('2025-04-28T12:00:00Z') } });
    expect(parseTimeQuery({ known_at: '2025-04-28' })).toEqual({ knownAt: { time: new Date('2025-04-28T23:59:59.999Z') } });
  });

  it('known_at_position takes a whole number', () => {
    expect(parseTimeQuery({ known_at_position: '0' })).toEqual({ knownAt: { position: 0 } });
    expect(parseTimeQuery({ known_at_position: '42', as_of: '2025-01-01' })).toEqual({ asOf: '2025-01-01', knownAt: { position: 42 } });
  });

  it.each([
    [{ as_of: '24/10/2024' }, /as_of must be a date/],
    [{ as_of: '2024-02-30' }, /as_of must be a date/],
    [{ known_at: 'yesterday' }, /known_at must be an ISO 8601/],
    [{ known_at: '2025-04-28T12:00:00' }, /known_at must be an ISO 8601/], // no zone: ambiguous
    [{ known_at: '2025-04-28T12:00:00+99:99' }, /known_at must be an ISO 8601/], // was an Invalid Date, then a 500
    [{ known_at: '2025-04-28T12:00:00+24:00' }, /known_at must be an ISO 8601/],
    [{ as_of: '2025-04-28T12:00:00-23:60' }, /as_of must be a date/],
    [{ known_at: '999999-04-28T12:00:00Z' }, /known_at must be an ISO 8601/],
    [{ known_at_position: '-1' }, /known_at_position must be a log position/],
    [{ known_at_position: '1.5' }, /known_at_position must be a log position/],
    [{ known_at: '2025-04-28', known_at_position: '3' }, /not both/],
    [{ as_of: ['2024-10-24', '2024-10-25'] }, /as_of must be given once/],
  ])('refuses %j with a message naming the parameter', (query, message) => {
    expect(() => parseTimeQuery(query)).toThrow(TimeQueryError);
    expect(() => parseTimeQuery(query)).toThrow(message);
  });
});

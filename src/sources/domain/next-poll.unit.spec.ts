import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLL_SCHEDULE, parseCacheMaxAge, parseRetryAfter, scheduleNextPoll, type PollSchedulePolicy } from './next-poll.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date('2025-04-28T00:00:00Z');
const POLICY: PollSchedulePolicy = { intervalMs: 15 * MINUTE, floorMs: MINUTE, ceilingMs: 6 * HOUR, firstRetryMs: 2 * MINUTE };

const success = (ttlMinutes: number | null = null, maxAgeSeconds: number | null = null) =>
  ({ kind: 'success', ttlMinutes, maxAgeSeconds }) as const;
const failure = (consecutiveFailures: number, retryAfterMs: number | null = null) =>
  ({ kind: 'failure', consecutiveFailures, retryAfterMs }) as const;
const lowest = () => 0;
const middle = () => 0.5;
const highest = () => 0.999999;

describe('scheduleNextPoll after a success', () => {
  it('waits the interval', () => {
    expect(scheduleNextPoll(NOW, success(), POLICY)).toEqual({ at: new Date('2025-04-28T00:15:00Z'), delayMs: 15 * MINUTE, basis: 'interval' });
  });

  it('waits longer when <ttl> or max-age asks, whichever is longer', () => {
    expect(scheduleNextPoll(NOW, success(60, 600), POLICY)).toMatchObject({ delayMs: 60 * MINUTE, basis: 'ttl' });
    expect(scheduleNextPoll(NOW, success(30, 7200), POLICY)).toMatchObject({ delayMs: 2 * HOUR, basis: 'cache-control' });
  });

  it('never polls sooner than the interval because of a short hint', () => {
    expect(scheduleNextPoll(NOW, success(1, 0), POLICY)).toMatchObject({ delayMs: 15 * MINUTE, basis: 'interval' });
  });

  it('caps a hint at the ceiling', () => {
    expect(scheduleNextPoll(NOW, success(7 * 24 * 60), POLICY)).toMatchObject({ delayMs: 6 * HOUR, basis: 'ceiling' });
  });

  it('raises a too-short configured interval to the floor', () => {
    expect(scheduleNextPoll(NOW, success(), { ...POLICY, intervalMs: 1000 })).toMatchObject({ delayMs: MINUTE, basis: 'floor' });
  });
});

describe('scheduleNextPoll after failures', () => {
  it('doubles the backoff with each failure, jittered between half and all of it', () => {
    const delays = [1, 2, 3, 4].map((failures) => [
      scheduleNextPoll(NOW, failure(failures), POLICY, lowest).delayMs,
      scheduleNextPoll(NOW, failure(failures), POLICY, middle).delayMs,
    ]);
    expect(delays).toEqual([
      [1 * MINUTE, 1.5 * MINUTE],
      [2 * MINUTE, 3 * MINUTE],
      [4 * MINUTE, 6 * MINUTE],
      [8 * MINUTE, 12 * MINUTE],
    ]);
  });

  it('spreads sources that failed together', () => {
    const delays = new Set([0.1, 0.4, 0.7].map((random) => scheduleNextPoll(NOW, failure(5), POLICY, () => random).delayMs));
    expect(delays.size).toBe(3);
  });

  it('keeps retrying at most a ceiling apart, however long the outage', () => {
    for (const failures of [9, 50, 1_000, 1_000_000]) {
      const next = scheduleNextPoll(NOW, failure(failures), POLICY, highest);
      expect(next.delayMs).toBeGreaterThanOrEqual(3 * HOUR);
      expect(next.delayMs).toBeLessThanOrEqual(6 * HOUR);
      expect(Number.isFinite(next.at.getTime())).toBe(true);
    }
  });

  it('honours a Retry-After longer than the backoff', () => {
    expect(scheduleNextPoll(NOW, failure(1, 30 * MINUTE), POLICY, highest)).toMatchObject({ delayMs: 30 * MINUTE, basis: 'retry-after' });
  });

  it('keeps the backoff when Retry-After is shorter, and caps an absurd Retry-After', () => {
    expect(scheduleNextPoll(NOW, failure(6, 0), POLICY, lowest)).toMatchObject({ delayMs: 32 * MINUTE, basis: 'backoff' });
    expect(scheduleNextPoll(NOW, failure(1, 365 * 24 * HOUR), POLICY)).toMatchObject({ delayMs: 6 * HOUR, basis: 'ceiling' });
  });

  it('uses the default policy when none is given', () => {
    expect(scheduleNextPoll(NOW, success())).toMatchObject({ delayMs: DEFAULT_POLL_SCHEDULE.intervalMs });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 28 Apr 2025 00:10:00 GMT', 10 * MINUTE],
    ['Monday, 28-Apr-25 01:00:00 GMT', HOUR],
    ['Mon Apr 28 00:00:30 2025', 30_000],
    ['Sun, 27 Apr 2025 23:00:00 GMT', 0],
    ['-5', null],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('parseCacheMaxAge', () => {
  it.each([
    ['max-age=600', 600],
    ['public, max-age=300, must-revalidate', 300],
    ['MAX-AGE="60"', 60],
    ['s-maxage=600', null],
    ['no-cache, max-age=600', null],
    ['no-store', null],
    ['max-age=abc', null],
    [null, null],
  ])('%j', (value, expected) => {
    expect(parseCacheMaxAge(value)).toBe(expected);
  });
});

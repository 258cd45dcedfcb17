import { describe, expect, it } from '@jest/globals';
import { RETRY_CEILING_MS, retryDelay, type RetryPolicy } from './backoff.js';

const POLICY: RetryPolicy = { baseMs: 1000, maxAttempts: 8 };
const middle = () => 0.5;
const lowest = () => 0;
const highest = () => 0.999999;

describe('retryDelay', () => {
  it('doubles from the base with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, POLICY, null, middle).delayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retryDelay(1, POLICY, null, middle).basis).toBe('backoff');
  });

  it('jitters within ±20% of the backoff', () => {
    expect(retryDelay(3, POLICY, null, lowest).delayMs).toBe(3200);
    expect(retryDelay(3, POLICY, null, highest).delayMs).toBe(4800);
    for (let i = 0; i < 200; i++) {
      const { delayMs } = retryDelay(4, POLICY);
      expect(delayMs).toBeGreaterThanOrEqual(6400);
      expect(delayMs).toBeLessThanOrEqual(9600);
    }
  });

  it('never waits longer than an hour, however many attempts', () => {
    expect(retryDelay(13, POLICY, null, lowest)).toEqual({ delayMs: RETRY_CEILING_MS * 0.8, basis: 'backoff' });
    expect(retryDelay(13, POLICY, null, highest)).toEqual({ delayMs: RETRY_CEILING_MS, basis: 'ceiling' });
    expect(retryDelay(10_000, POLICY, null, middle)).toEqual({ delayMs: RETRY_CEILING_MS, basis: 'ceiling' });
    expect(RETRY_CEILING_MS).toBe(3_600_000);
  });

  it('honours a longer Retry-After, and only a longer one', () => {
    expect(retryDelay(1, POLICY, 30_000, middle)).toEqual({ delayMs: 30_000, basis: 'retry-after' });
    expect(retryDelay(5, POLICY, 2_000, middle)).toEqual({ delayMs: 16_000, basis: 'backoff' });
  });

  it('caps a Retry-After at the ceiling', () => {
    expect(retryDelay(1, POLICY, 24 * RETRY_CEILING_MS, middle)).toEqual({ delayMs: RETRY_CEILING_MS, basis: 'ceiling' });
  });

  it('treats attempt 0 like the first', () => {
    expect(retryDelay(0, POLICY, null, middle).delayMs).toBe(1000);
  });
});

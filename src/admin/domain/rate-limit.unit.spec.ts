import { describe, expect, it } from '@jest/globals';
import { admit, fullBucket, isFull, parseRateLimit, RateLimitSyntaxError, type Bucket, type RateLimit } from './rate-limit.js';

/** Makes `count` requests at `now`: which were admitted, and the bucket after them. */
function burst(bucket: Bucket, rate: RateLimit, now: number, count: number) {
  const admitted: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const answer = admit(bucket, rate, now);
    admitted.push(answer.admitted);
    if (answer.admitted) bucket = answer.bucket;
  }
  return { admitted, bucket };
}

describe('admin rate limit', () => {
  const rate = { limit: 3, windowMs: 3_000 };

  it('admits a burst of `limit` requests and refuses the next, saying when a token is back', () => {
    const { admitted, bucket } = burst(fullBucket(0), rate, 0, 3);
    expect(admitted).toEqual([true, true, true]);
    expect(admit(bucket, rate, 0)).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(admit(bucket, rate, 700)).toEqual({ admitted: false, retryAfterMs: 300 });
    expect(admit(bucket, rate, 1_000).admitted).toBe(true);
  });

  it('gives the tokens back at `limit` per window, never more than `limit` at once', () => {
    const spent = burst(fullBucket(0), rate, 0, 3).bucket;
    expect(isFull(spent, 2_999)).toBe(false);
    expect(isFull(spent, 3_000)).toBe(true);
    expect(burst(spent, rate, 2_000, 3).admitted).toEqual([true, true, false]);
    expect(burst(spent, rate, 1_000_000, 4).admitted).toEqual([true, true, true, false]);
  });

  it('spreads a window of requests evenly: one every window / limit', () => {
    let bucket = burst(fullBucket(0), rate, 0, 3).bucket;
    for (let t = 1_000; t <= 10_000; t += 1_000) {
      const answer = admit(bucket, rate, t);
      expect(answer.admitted).toBe(true);
      if (answer.admitted) bucket = answer.bucket;
      expect(admit(bucket, rate, t).admitted).toBe(false);
    }
  });

  it('admits exactly `limit` at once when window / limit is not a whole number of ms', () => {
    for (const odd of [{ limit: 3, windowMs: 1_000 }, { limit: 7, windowMs: 10_000 }, { limit: 600, windowMs: 60_000 }, { limit: 49, windowMs: 3_600_000 }]) {
      const { admitted } = burst(fullBucket(5), odd, 5, odd.limit + 1);
      expect(admitted.filter(Boolean)).toHaveLength(odd.limit);
      expect(admitted.at(-1)).toBe(false);
    }
  });

  it('parses requests per window', () => {
    expect(parseRateLimit('60/minute')).toEqual({ limit: 60, windowMs: 60_000 });
    expect(parseRateLimit('5/10s')).toEqual({ limit: 5, windowMs: 10_000 });
    expect(parseRateLimit('2 / 3 hours')).toEqual({ limit: 2, windowMs: 10_800_000 });
    for (const bad of ['', '60', 'minute', '-1/minute', '1.5/minute', '60/500ms', '60/2days', '60/25h', '60/0m']) {
      expect(() => parseRateLimit(bad)).toThrow(RateLimitSyntaxError);
    }
  });
});

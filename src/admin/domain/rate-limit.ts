// The admin API's rate limit: a token bucket per client. A client may spend `limit` requests at
// once, and gets them back at `limit` per `windowMs` (one every windowMs / limit). Pure: the clock
// is passed in.

export interface RateLimit {
  /** Requests a client may make at once, and per window. */
  limit: number;
  windowMs: number;
}

/**
 * A client's bucket, kept as the time at which it would be full again (the "theoretical arrival
 * time" of GCRA, an exact equivalent of a token bucket that needs no refill arithmetic).
 */
export interface Bucket {
  fullAt: number;
}

export type Admission = { admitted: true; bucket: Bucket } | { admitted: false; retryAfterMs: number };

export class RateLimitSyntaxError extends Error {}

const UNITS_MS = new Map(
  Object.entries({ s: 1_000, second: 1_000, seconds: 1_000, m: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000 }),
);

/**
 * `60/minute`, `10/second`, `1000/hour`, or a count of units: `5/10s`, `100/15m`. The window is at
 * most a day, so a client is never locked out for longer.
 */
export function parseRateLimit(text: string): RateLimit {
  const match = /^(\d+)\s*\/\s*(\d*)\s*([a-z]+)$/i.exec(text.trim());
  const limit = Number(match?.[1]);
  const windowMs = Number(match?.[2] || 1) * (UNITS_MS.get(match?.[3]?.toLowerCase() ?? '') ?? NaN);
  if (!match || !Number.isSafeInteger(limit) || limit < 1 || !(windowMs >= 1_000 && windowMs <= 86_400_000)) {
    throw new RateLimitSyntaxError(`must be "<requests>/<window>" such as 60/minute, 10/second or 5/10s (a window from 1 s to 24 h), got "${text}"`);
  }
  return { limit, windowMs };
}

/** A new client's bucket: full. */
export function fullBucket(now: number): Bucket {
  return { fullAt: now };
}

/** Spends one token of `bucket` if it has one at `now`; else says how long until it will. */
export function admit(bucket: Bucket, rate: RateLimit, now: number): Admission {
  const msPerToken = rate.windowMs / rate.limit;
  // Each request moves fullAt one token's time later; a full bucket can absorb `limit` of them.
  const fullAt = Math.max(bucket.fullAt, now) + msPerToken;
  const overBy = fullAt - now - rate.windowMs;
  // Under a millisecond over is in: windowMs / limit is rarely exact in floating point.
  if (overBy < 1) return { admitted: true, bucket: { fullAt } };
  return { admitted: false, retryAfterMs: Math.ceil(overBy) };
}

/** True when `bucket` is full at `now`: forgetting it changes nothing. */
export function isFull(bucket: Bucket, now: number): boolean {
  return bucket.fullAt <= now;
}

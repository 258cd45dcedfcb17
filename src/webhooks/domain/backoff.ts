// How long a failed delivery waits before its next attempt. Exponential from the base, with ±20%
// jitter so the retries of webhooks that failed together (a receiver's outage) spread out, and a
// ceiling of one hour. A receiver's Retry-After (429, 503) is honoured when it asks for longer,
// but no header can park a delivery beyond the ceiling. Pure: `random` is passed in.

export const RETRY_CEILING_MS = 60 * 60 * 1000;
/** The jitter: the delay is the backoff times a factor in [1 - JITTER, 1 + JITTER). */
export const JITTER = 0.2;

export interface RetryPolicy {
  /** The wait after the first failed attempt, before jitter; it doubles after each further one. */
  baseMs: number;
  /** Attempts in all; a delivery that fails this many times is dead-lettered. */
  maxAttempts: number;
  ceilingMs?: number;
}

export interface RetryDelay {
  delayMs: number;
  basis: 'backoff' | 'retry-after' | 'ceiling';
}

/**
 * The wait after attempt number `attempts` (1 for the first) failed.
 * @param retryAfterMs the receiver's Retry-After, when it sent one with a 429 or 503
 * @param random numbers in [0, 1) for the jitter
 */
export function retryDelay(
  attempts: number,
  policy: RetryPolicy,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): RetryDelay {
  const ceilingMs = policy.ceilingMs ?? RETRY_CEILING_MS;
  const exponent = Math.min(Math.max(1, attempts) - 1, 52);
  const backoffMs = Math.min(ceilingMs, policy.baseMs * 2 ** exponent);
  const jitteredMs = backoffMs * (1 - JITTER + 2 * JITTER * random());
  let delay: RetryDelay = { delayMs: jitteredMs, basis: 'backoff' };
  if (retryAfterMs !== null && retryAfterMs > delay.delayMs) delay = { delayMs: retryAfterMs, basis: 'retry-after' };
  if (delay.delayMs >= ceilingMs) delay = { delayMs: ceilingMs, basis: 'ceiling' };
  return { ...delay, delayMs: Math.round(delay.delayMs) };
}

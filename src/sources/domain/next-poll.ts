import { parseLenientDate } from './lenient-date.js';

// When to poll a source next. Failures back off exponentially with jitter up to the ceiling and
// keep retrying for ever: a source that was down for a day comes back by itself (Miniflux stops
// after three errors until someone clicks refresh). The server's own hints (Retry-After, RSS
// <ttl>, Cache-Control max-age) can only lengthen the wait, and everything stays between the
// floor and the ceiling, so no header, however wrong, can silence a source or make us hammer it.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface PollSchedulePolicy {
  /** The wait after a successful poll when the server gives no longer hint. */
  intervalMs: number;
  floorMs: number;
  ceilingMs: number;
  /** The wait after the first failure, before jitter; it doubles with each further failure. */
  firstRetryMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedulePolicy = {
  intervalMs: 15 * MINUTE_MS,
  floorMs: MINUTE_MS,
  ceilingMs: 6 * HOUR_MS,
  firstRetryMs: 2 * MINUTE_MS,
};

export type PollOutcome =
  | { kind: 'success'; ttlMinutes: number | null; maxAgeSeconds: number | null }
  | { kind: 'failure'; consecutiveFailures: number; retryAfterMs: number | null };

/** Which rule set the delay, for the source's visible health. */
export type NextPollBasis = 'interval' | 'ttl' | 'cache-control' | 'backoff' | 'retry-after' | 'floor' | 'ceiling';

export interface NextPoll {
  at: Date;
  delayMs: number;
  basis: NextPollBasis;
}

/**
 * @param random a source of numbers in [0, 1) for the jitter, passed in so tests are exact.
 */
export function scheduleNextPoll(
  now: Date,
  outcome: PollOutcome,
  policy: PollSchedulePolicy = DEFAULT_POLL_SCHEDULE,
  random: () => number = Math.random,
): NextPoll {
  const [delayMs, basis] = outcome.kind === 'success' ? successDelay(outcome, policy) : failureDelay(outcome, policy, random);
  const [boundedMs, boundedBasis] = withinBounds([delayMs, basis], policy);
  return { at: new Date(now.getTime() + boundedMs), delayMs: boundedMs, basis: boundedBasis };
}

type Delay = [delayMs: number, basis: NextPollBasis];

function successDelay(outcome: Extract<PollOutcome, { kind: 'success' }>, policy: PollSchedulePolicy): Delay {
  const candidates: Delay[] = [[policy.intervalMs, 'interval']];
  if (outcome.ttlMinutes !== null) candidates.push([outcome.ttlMinutes * MINUTE_MS, 'ttl']);
  if (outcome.maxAgeSeconds !== null) candidates.push([outcome.maxAgeSeconds * 1000, 'cache-control']);
  return longest(candidates);
}

// "Equal jitter": half the backoff is fixed, half is random, so retries of many sources that
// failed together spread out while each still waits at least half its backoff.
function failureDelay(
  outcome: Extract<PollOutcome, { kind: 'failure' }>,
  policy: PollSchedulePolicy,
  random: () => number,
): Delay {
  const failures = Math.max(1, outcome.consecutiveFailures);
  const backoffMs = Math.min(policy.ceilingMs, policy.firstRetryMs * 2 ** Math.min(failures - 1, 52));
  const jitteredMs = backoffMs / 2 + random() * (backoffMs / 2);
  const candidates: Delay[] = [[jitteredMs, 'backoff']];
  if (outcome.retryAfterMs !== null) candidates.push([outcome.retryAfterMs, 'retry-after']);
  return longest(candidates);
}

function longest(candidates: Delay[]): Delay {
  return candidates.reduce((best, candidate) => (candidate[0] > best[0] ? candidate : best));
}

function withinBounds([delayMs, basis]: Delay, policy: PollSchedulePolicy): Delay {
  if (delayMs < policy.floorMs) return [policy.floorMs, 'floor'];
  if (delayMs > policy.ceilingMs) return [policy.ceilingMs, 'ceiling'];
  return [Math.round(delayMs), basis];
}

/** `Retry-After` as a wait in milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = parseLenientDate(trimmed);
  return date === null ? null : Math.max(0, date.getTime() - now.getTime());
}

/** `Cache-Control: max-age` in seconds; null when absent or when no-cache/no-store void it. */
export function parseCacheMaxAge(cacheControl: string | null | undefined): number | null {
  const directives = (cacheControl ?? '').split(',').map((directive) => directive.trim().toLowerCase());
  if (directives.some((directive) => directive === 'no-cache' || directive === 'no-store')) return null;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match) return Number(match[1]);
  }
  return null;
}

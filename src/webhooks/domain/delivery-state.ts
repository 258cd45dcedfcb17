// The life of one (webhook, alert) delivery. Pure: the dispatcher hands in what the attempt
// brought back and the time, and stores what comes out.
//
//   pending --2xx--------------------------------> delivered   (cursor moves to the alert)
//   pending --failure, attempts < max-------------> pending     (next attempt after the backoff)
//   pending --failure, attempts = max-------------> dead        (cursor moves on: the dead letter)
//   dead    --an operator's retry-----------------> pending     (attempts start again at 0)
//
// A failure is anything but a 2xx: another status (a redirect included: they are not followed),
// no complete response before the deadline, a connection error, a blocked address.
import { STATUS_CODES } from 'node:http';
import { parseRetryAfter } from '../../sources/domain/next-poll.js';
import { retryDelay, type RetryPolicy } from './backoff.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];

export interface DeliveryState {
  status: DeliveryStatus;
  /** Attempts made and recorded (one cut short by a crash is sent again with the same number). */
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  /** The HTTP status of the last attempt, null when it got none (timeout, connection error). */
  lastStatus: number | null;
  /** Why the last failed attempt failed; null once delivered. */
  lastError: string | null;
  deliveredAt: Date | null;
}

/** What one attempt brought back. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfter?: string | null; location?: string | null; bodySnippet?: string }
  | { kind: 'timeout' | 'network' | 'blocked-address'; message: string };

export interface AttemptFailure {
  reason: string;
  /** The receiver's Retry-After (429 and 503 only), in milliseconds. */
  retryAfterMs: number | null;
}

export interface Transition {
  state: DeliveryState;
  /** True when the webhook is done with this alert (delivered or dead): its cursor moves to it. */
  advanceCursor: boolean;
  /** The failure of this attempt, with the wait before the next one (null when dead). */
  failure: (AttemptFailure & { retryInMs: number | null }) | null;
}

export class DeliveryStateError extends Error {}

/** A fresh delivery of an alert the webhook has not started on. */
export function newDelivery(now: Date): DeliveryState {
  return { status: 'pending', attempts: 0, nextAttemptAt: now, lastAttemptAt: null, lastStatus: null, lastError: null, deliveredAt: null };
}

export function isDue(state: DeliveryState, now: Date): boolean {
  return state.status === 'pending' && state.nextAttemptAt.getTime() <= now.getTime();
}

/** Null for a success (any 2xx), else why the attempt failed. */
export function attemptFailure(outcome: AttemptOutcome, now: Date): AttemptFailure | null {
  if (outcome.kind !== 'response') return { reason: outcome.message, retryAfterMs: null };
  const { status } = outcome;
  if (status >= 200 && status <= 299) return null;
  let reason = `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(outcome.retryAfter, now) : null;
  if (status >= 300 && status <= 399) {
    reason += `: redirects are not followed${outcome.location ? ` (Location: ${clip(outcome.location, 200)})` : ''}`;
  } else if (outcome.bodySnippet) {
    const snippet = clip(outcome.bodySnippet.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim(), 200);
    if (snippet) reason += `: ${snippet}`;
  }
  if (retryAfterMs !== null) reason += ` (Retry-After: ${Math.ceil(retryAfterMs / 1000)} s)`;
  return { reason, retryAfterMs };
}

/** The state after an attempt on a pending delivery. */
export function afterAttempt(
  state: DeliveryState,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
): Transition {
  if (state.status !== 'pending') throw new DeliveryStateError(`only a pending delivery is attempted, this one is ${state.status}`);
  const attempts = state.attempts + 1;
  const lastStatus = outcome.kind === 'response' ? outcome.status : null;
  const failure = attemptFailure(outcome, now);
  const attempted = { ...state, attempts, lastAttemptAt: now, lastStatus };
  if (failure === null) {
    return { state: { ...attempted, status: 'delivered', lastError: null, deliveredAt: now }, advanceCursor: true, failure: null };
  }
  if (attempts >= policy.maxAttempts) {
    return { state: { ...attempted, status: 'dead', lastError: failure.reason }, advanceCursor: true, failure: { ...failure, retryInMs: null } };
  }
  const { delayMs } = retryDelay(attempts, policy, failure.retryAfterMs, random);
  return {
    state: { ...attempted, status: 'pending', lastError: failure.reason, nextAttemptAt: new Date(now.getTime() + delayMs) },
    advanceCursor: false,
    failure: { ...failure, retryInMs: delayMs },
  };
}

/**
 * An operator's retry of a dead letter (once the receiver is fixed): pending again, due now, with
 * a full set of attempts. The last error stays visible until the next attempt replaces it.
 */
export function retryDead(state: DeliveryState, now: Date): DeliveryState {
  if (state.status !== 'dead') throw new DeliveryStateError(`only a dead delivery can be retried, this one is ${state.status}`);
  return { ...state, status: 'pending', attempts: 0, nextAttemptAt: now };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

import { describe, expect, it } from '@jest/globals';
import type { RetryPolicy } from './backoff.js';
import { afterAttempt, attemptFailure, isDue, newDelivery, retryDead, DeliveryStateError, type DeliveryState } from './delivery-state.js';

const NOW = new Date('2025-04-28T00:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const POLICY: RetryPolicy = { baseMs: 1000, maxAttempts: 3 };
const middle = () => 0.5;
const ok = { kind: 'response', status: 204 } as const;
const serverError = { kind: 'response', status: 500, bodySnippet: 'database\n  is down' } as const;

describe('afterAttempt', () => {
  it('a 2xx delivers: the cursor moves, the error goes', () => {
    const failed: DeliveryState = { ...newDelivery(NOW), attempts: 1, lastStatus: 500, lastError: 'HTTP 500' };
    const t = afterAttempt(failed, ok, POLICY, later(1000), middle);
    expect(t).toEqual({
      state: { status: 'delivered', attempts: 2, nextAttemptAt: NOW, lastAttemptAt: later(1000), lastStatus: 204, lastError: null, deliveredAt: later(1000) },
      advanceCursor: true,
      failure: null,
    });
  });

  it('a failure before the last attempt stays pending and waits the backoff', () => {
    const t = afterAttempt(newDelivery(NOW), serverError, POLICY, NOW, middle);
    expect(t.advanceCursor).toBe(false);
    expect(t.state).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500 Internal Server Error: database is down', nextAttemptAt: later(1000) });
    expect(t.failure).toEqual({ reason: 'HTTP 500 Internal Server Error: database is down', retryAfterMs: null, retryInMs: 1000 });
    const second = afterAttempt(t.state, { kind: 'timeout', message: 'no complete response within 500 ms' }, POLICY, later(1000), middle);
    expect(second.state).toMatchObject({ status: 'pending', attempts: 2, lastStatus: null, lastError: 'no complete response within 500 ms', nextAttemptAt: later(3000) });
  });

  it('the last failed attempt dead-letters the delivery and moves the cursor on', () => {
    const state: DeliveryState = { ...newDelivery(NOW), attempts: 2 };
    const t = afterAttempt(state, { kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9' }, POLICY, NOW, middle);
    expect(t.state).toMatchObject({ status: 'dead', attempts: 3, lastError: 'connect ECONNREFUSED 127.0.0.1:9', deliveredAt: null });
    expect(t.advanceCursor).toBe(true);
    expect(t.failure?.retryInMs).toBeNull();
  });

  it('a redirect is a failure, with where it pointed', () => {
    const t = afterAttempt(newDelivery(NOW), { kind: 'response', status: 302, location: 'https://elsewhere.example/' }, POLICY, NOW, middle);
    expect(t.state).toMatchObject({ status: 'pending', lastStatus: 302, lastError: 'HTTP 302 Found: redirects are not followed (Location: https://elsewhere.example/)' });
  });

  it('a 429 or 503 with Retry-After waits as asked when that is longer', () => {
    const t = afterAttempt(newDelivery(NOW), { kind: 'response', status: 429, retryAfter: '120' }, POLICY, NOW, middle);
    expect(t.state.nextAttemptAt).toEqual(later(120_000));
    expect(t.state.lastError).toBe('HTTP 429 Too Many Requests (Retry-After: 120 s)');
    const date = afterAttempt(newDelivery(NOW), { kind: 'response', status: 503, retryAfter: 'Mon, 28 Apr 2025 00:00:30 GMT' }, POLICY, NOW, middle);
    expect(date.state.nextAttemptAt).toEqual(later(30_000));
    // Other statuses' Retry-After is not a promise to honour.
    expect(afterAttempt(newDelivery(NOW), { kind: 'response', status: 500, retryAfter: '120' }, POLICY, NOW, middle).state.nextAttemptAt).toEqual(later(1000));
  });

  it('refuses to attempt a delivery that is not pending', () => {
    expect(() => afterAttempt({ ...newDelivery(NOW), status: 'dead' }, ok, POLICY, NOW)).toThrow(DeliveryStateError);
    expect(() => afterAttempt({ ...newDelivery(NOW), status: 'delivered' }, ok, POLICY, NOW)).toThrow(DeliveryStateError);
  });
});

describe('attemptFailure', () => {
  it('every 2xx is a success', () => {
    for (const status of [200, 201, 202, 204, 299]) expect(attemptFailure({ kind: 'response', status }, NOW)).toBeNull();
  });

  it('clips the receiver’s answer and strips control characters', () => {
    const failure = attemptFailure({ kind: 'response', status: 400, bodySnippet: `\u0000bad\u0007${'x'.repeat(500)}` }, NOW)!;
    expect(failure.reason).toMatch(/^HTTP 400 Bad Request: bad x+…$/);
    expect(failure.reason.length).toBeLessThan(250);
  });
});

describe('isDue and retryDead', () => {
  it('a pending delivery is due at its next attempt time; a settled one never', () => {
    const state = { ...newDelivery(NOW), nextAttemptAt: later(500) };
    expect(isDue(state, NOW)).toBe(false);
    expect(isDue(state, later(500))).toBe(true);
    expect(isDue({ ...state, status: 'dead' }, later(10_000))).toBe(false);
  });

  it('an operator’s retry puts a dead letter back, due now, with its attempts restarted', () => {
    const dead: DeliveryState = { ...newDelivery(NOW), status: 'dead', attempts: 3, lastStatus: 500, lastError: 'HTTP 500' };
    expect(retryDead(dead, later(60_000))).toEqual({ ...dead, status: 'pending', attempts: 0, nextAttemptAt: later(60_000) });
    expect(() => retryDead({ ...dead, status: 'delivered' }, NOW)).toThrow('only a dead delivery can be retried, this one is delivered');
  });
});

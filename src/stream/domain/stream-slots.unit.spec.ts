import { describe, expect, it } from '@jest/globals';
import { StreamSlots } from './stream-slots.js';

describe('StreamSlots', () => {
  it('refuses a client at its own cap with 429, and anyone when the service is full with 503', () => {
    const slots = new StreamSlots({ perClient: 2, total: 3 });
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    expect([a1.admitted, a2.admitted]).toEqual([true, true]);
    expect(slots.take('a')).toMatchObject({ admitted: false, status: 429 });
    expect(slots.take('b').admitted).toBe(true);
    const full = slots.take('c');
    expect(full).toMatchObject({ admitted: false, status: 503 });
    expect(full.admitted === false && full.retryAfterSeconds).toBeGreaterThan(0);
    expect(slots.size).toBe(3);
  });

  it('gives a slot back once, however often it is released', () => {
    const slots = new StreamSlots({ perClient: 1, total: 2 });
    const first = slots.take('a');
    if (!first.admitted) throw new Error('first stream refused');
    first.release();
    first.release();
    expect(slots.size).toBe(0);
    expect(slots.take('a').admitted).toBe(true);
    // A double release must not have freed a second slot of "a".
    expect(slots.take('a')).toMatchObject({ admitted: false, status: 429 });
  });
});

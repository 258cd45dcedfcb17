import { describe, expect, it } from '@jest/globals';
import { createProgress } from './progress.js';

function fakeTerminal(isTTY = true) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

function fakeClock() {
  let ms = 0;
  return { now: () => ms, set: (at: number) => void (ms = at) };
}

const CLEAR = '\r\x1b[2K';

describe('createProgress', () => {
  it('redraws one line with the count, the rate and the time left', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'export', total: 1_000_000, stream, now: clock.now });
    clock.set(1000);
    progress.advance(50_000);
    expect(writes).toEqual([`${CLEAR}export: 50,000 / 1,000,000 events · 50,000 events/s · ~0:19 left`]);
  });

  it('redraws at most once per interval', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'export', total: null, stream, now: clock.now, intervalMs: 250 });
    for (const at of [100, 249, 250, 300, 499, 500]) {
      clock.set(at);
      progress.advance(100);
    }
    expect(writes).toEqual([`${CLEAR}export: 300 events · 1,200 events/s`, `${CLEAR}export: 600 events · 1,200 events/s`]);
  });

  it('leaves the time left out without a total', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'replay', total: null, stream, now: clock.now });
    clock.set(2000);
    progress.advance(3000);
    expect(writes).toEqual([`${CLEAR}replay: 3,000 events · 1,500 events/s`]);
  });

  it('shows hours in the time left of a long run', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'export', total: 10_000_000, stream, now: clock.now });
    clock.set(1000);
    progress.advance(2500); // 9,997,500 to go at 2,500 a second: 3,999 s
    expect(writes).toEqual([`${CLEAR}export: 2,500 / 10,000,000 events · 2,500 events/s · ~1:06:39 left`]);
  });

  it('rounds the time left up, so an almost finished run does not claim to be done', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'export', total: 100, stream, now: clock.now });
    clock.set(1000);
    progress.advance(99);
    expect(writes[0]).toContain('~0:01 left');
  });

  it('ends with the final count, the rate and the elapsed time on a line of its own', () => {
    const { stream, writes } = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgress({ label: 'export', total: 200_000, stream, now: clock.now });
    clock.set(100);
    progress.advance(200_000); // within the first interval: not drawn
    clock.set(83_000);
    progress.done();
    expect(writes).toEqual([`${CLEAR}export: 200,000 events · 2,410 events/s · done in 1:23\n`]);
  });

  it('writes nothing at all when the stream is not a terminal', () => {
    for (const isTTY of [false, undefined]) {
      const writes: string[] = [];
      const clock = fakeClock();
      const progress = createProgress({ label: 'export', total: 10, stream: { isTTY, write: (t: string) => writes.push(t) }, now: clock.now });
      clock.set(10_000);
      progress.advance(5);
      progress.done();
      expect(writes).toEqual([]);
    }
  });
});

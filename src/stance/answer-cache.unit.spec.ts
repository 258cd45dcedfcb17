// AnswerCache's renewals: after a quiet spell a move empties the cache (the next reader waits for
// the new answer); while the projection keeps moving, a held renewal is rendered behind the
// readers, one address at a time, and an answer is never more than one renewal old.
import { describe, expect, it, jest } from '@jest/globals';
import { AnswerCache, type RenderedAnswer } from './answer-cache.js';
import type { RenewalListener, StanceUpdates } from './stance-updates.js';

/** A projection that moves when the test says, told as StanceUpdates tells it. */
class Moves {
  private listener: RenewalListener | null = null;
  position = 1;
  readonly updates = { subscribeRenewals: (listener: RenewalListener) => ((this.listener = listener), () => undefined) } as unknown as StanceUpdates;

  move({ held }: { held: boolean }): void {
    this.position += 1;
    this.listener?.(this.position, held);
  }
}

/** A render of the current position that counts itself and how many run at once. */
function renderer(moves: Moves) {
  const stats = { renders: 0, running: 0, mostAtOnce: 0 };
  const render = async (): Promise<RenderedAnswer> => {
    stats.renders += 1;
    stats.running += 1;
    stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.running);
    const position = moves.position;
    await new Promise((resolve) => setTimeout(resolve, 5));
    stats.running -= 1;
    return { status: 200, contentType: 'text/plain', body: `position ${position}` };
  };
  return { render, stats };
}

/** Long enough for the queued renderings (5 ms each) to run, even on a loaded machine. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('AnswerCache renewals', () => {
  it('waits for the new answer after a move that follows a quiet spell', async () => {
    const moves = new Moves();
    const cache = new AnswerCache(moves.updates);
    const { render, stats } = renderer(moves);
    expect((await cache.serve('/a', {}, render)).body).toBe('position 1');
    moves.move({ held: false });
    expect((await cache.serve('/a', {}, render)).body).toBe('position 2');
    expect(stats.renders).toBe(2);
  });

  it('answers with the previous answer after a held renewal while one rendering replaces it', async () => {
    const moves = new Moves();
    const cache = new AnswerCache(moves.updates);
    const { render, stats } = renderer(moves);
    await cache.serve('/a', {}, render);
    moves.move({ held: true });
    const readers = await Promise.all(Array.from({ length: 5 }, () => cache.serve('/a', {}, render)));
    expect(readers.map((r) => r.body)).toEqual(Array(5).fill('position 1'));
    await settle();
    expect((await cache.serve('/a', {}, render)).body).toBe('position 2');
    expect(stats.renders).toBe(2);
  });

  it('renders the held renewals of several addresses one at a time', async () => {
    const moves = new Moves();
    const cache = new AnswerCache(moves.updates);
    const { render, stats } = renderer(moves);
    const keys = ['/a', '/b', '/c', '/d'];
    await Promise.all(keys.map((key) => cache.serve(key, {}, render)));
    expect(stats.mostAtOnce).toBe(4); // first renders are not queued: their readers wait for them
    stats.mostAtOnce = 0;
    moves.move({ held: true });
    await Promise.all(keys.map((key) => cache.serve(key, {}, render)));
    await settle();
    expect(stats.mostAtOnce).toBe(1);
    for (const key of keys) expect((await cache.serve(key, {}, render)).body).toBe('position 2');
  });

  it('never answers with an answer replaced by a renewal more than 2 s ago', async () => {
    // Only the clock is faked: renders and the queue still run on real timers.
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'nextTick', 'queueMicrotask'] });
    try {
      const moves = new Moves();
      const cache = new AnswerCache(moves.updates);
      const { render } = renderer(moves);
      await cache.serve('/a', {}, render);
      moves.move({ held: true });
      moves.move({ held: true }); // two renewals in a row, both within the grace: still sent
      jest.advanceTimersByTime(1_500);
      const stale = cache.serve('/a', {}, render);
      expect((await stale).body).toBe('position 1');
      await settle();
      expect((await cache.serve('/a', {}, render)).body).toBe('position 3');

      moves.move({ held: true });
      jest.advanceTimersByTime(2_500); // nobody read it since: the answer is too old to send
      expect((await cache.serve('/a', {}, render)).body).toBe('position 4');
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the previous answer when its renewal fails, and renders again for the next reader', async () => {
    const moves = new Moves();
    const cache = new AnswerCache(moves.updates);
    const { render } = renderer(moves);
    await cache.serve('/a', {}, render);
    moves.move({ held: true });
    let failing = true;
    const flaky = async () => {
      if (failing) throw new Error('database away');
      return render();
    };
    expect((await cache.serve('/a', {}, flaky)).body).toBe('position 1');
    await settle();
    failing = false;
    expect((await cache.serve('/a', {}, flaky)).body).toBe('position 1');
    await settle();
    expect((await cache.serve('/a', {}, flaky)).body).toBe('position 2');
  });
});

// PartsInOrder: a feed's parts stored in order, those that queue up stored together, and a
// failure that stops the rest and is the result.
import { describe, expect, it } from '@jest/globals';
import type { UnlinkedDocument } from './article-document.js';
import { PartsInOrder, type StoredCount } from './parts-in-order.js';

const doc = (entryKey: string) => ({ entryKey }) as unknown as UnlinkedDocument;
const part = (...keys: string[]) => keys.map(doc);

/** A store whose calls finish only when the test says so. */
function heldStore() {
  const calls: { keys: string[]; finish(result?: Partial<StoredCount['count']>): void; fail(error: Error): void }[] = [];
  const store = (documents: UnlinkedDocument[]) =>
    new Promise<StoredCount>((resolve, reject) => {
      calls.push({
        keys: documents.map((d) => d.entryKey),
        finish: (count = {}) => resolve({ count: { ingested: documents.length, revisions: 0, alreadyStored: 0, ...count }, rejected: [] }),
        fail: reject,
      });
    });
  return { calls, store };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PartsInOrder', () => {
  it('stores the first part at once and the parts that arrive meanwhile together, in feed order', async () => {
    const { calls, store } = heldStore();
    const parts = new PartsInOrder(store);
    parts.add(part('a', 'b'));
    await tick();
    parts.add(part('c'));
    parts.add(part('d', 'e'));
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b']]);
    calls[0]!.finish();
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    calls[1]!.finish({ ingested: 2, alreadyStored: 1 });
    expect(await parts.result()).toEqual({ count: { ingested: 4, revisions: 0, alreadyStored: 1 }, rejected: [] });
  });

  it('starts again for a part that comes after the others were stored', async () => {
    const { calls, store } = heldStore();
    const parts = new PartsInOrder(store);
    parts.add(part('a'));
    await tick();
    calls[0]!.finish();
    await parts.settled();
    parts.add(part('b'));
    await tick();
    calls[1]!.finish();
    expect((await parts.result()).count.ingested).toBe(2);
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b']]);
  });

  it('stops at a failure: the parts after it are not stored, and the result is the failure', async () => {
    const { calls, store } = heldStore();
    const parts = new PartsInOrder(store);
    parts.add(part('a'));
    await tick();
    parts.add(part('b'));
    calls[0]!.fail(new Error('database down'));
    await parts.settled();
    parts.add(part('c'));
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    await expect(parts.result()).rejects.toThrow('database down');
  });

  it('answers an empty count when no part came', async () => {
    const parts = new PartsInOrder(heldStore().store);
    expect(await parts.result()).toEqual({ count: { ingested: 0, revisions: 0, alreadyStored: 0 }, rejected: [] });
  });
});

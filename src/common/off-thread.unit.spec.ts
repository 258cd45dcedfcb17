// OffThread: a call answered by its worker, the worker stopped once idle (its heap given back),
// and a later call served by a new one.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { feedDocuments } from '../sources/domain/feed-documents.js';
import { OffThread } from './off-thread.js';

const feed = new Uint8Array(readFileSync(new URL('../../test/fixtures/feeds/rss20-english-news.xml', import.meta.url)));
const args = (firstSeen: string): Parameters<typeof feedDocuments> => [feed, { contentType: 'application/rss+xml', feedUrl: 'http://feeds.test/news.xml', sourceId: 'news', firstSeen: new Date(firstSeen) }];
const documentsOf = (result: Awaited<ReturnType<typeof feedDocuments>>) => (result.ok ? result.documents.length : -1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OffThread', () => {
  afterEach(async () => {
    // Let the stopped worker's thread exit before jest tears the module down.
    await sleep(300);
  });

  it('stops its worker once idle and starts another for the next call', async () => {
    const parser = new OffThread<Parameters<typeof feedDocuments>, Awaited<ReturnType<typeof feedDocuments>>>(new URL('../sources/parse-feed.worker.js', import.meta.url), 100);
    const first = await parser.run(...args('2025-01-01T00:00:00Z'));
    expect(documentsOf(first)).toBeGreaterThan(0);
    expect(parser.started).toBe(true);
    await sleep(400);
    expect(parser.started).toBe(false);
    const second = await parser.run(...args('2025-01-01T00:00:00Z'));
    expect(second).toEqual(first);
    expect(parser.started).toBe(true);
  });

  it('starts a worker on warmUp that the next call uses, and stops it when no call comes', async () => {
    const parser = new OffThread<Parameters<typeof feedDocuments>, Awaited<ReturnType<typeof feedDocuments>>>(new URL('../sources/parse-feed.worker.js', import.meta.url), 150);
    parser.warmUp();
    expect(parser.started).toBe(true);
    expect(documentsOf(await parser.run(...args('2025-01-01T00:00:00Z')))).toBeGreaterThan(0);
    parser.warmUp(); // already up: nothing changes
    await sleep(50);
    expect(parser.started).toBe(true);
    for (const deadline = Date.now() + 5_000; parser.started && Date.now() < deadline; ) await sleep(50);
    expect(parser.started).toBe(false);
    parser.warmUp();
    expect(parser.started).toBe(true);
    for (const deadline = Date.now() + 5_000; parser.started && Date.now() < deadline; ) await sleep(50);
    expect(parser.started).toBe(false);
  });

  it('passes on the parts a function hands over before its answer, in order, and only to the call that asked', async () => {
    const parser = new OffThread<Parameters<typeof feedDocuments>, Awaited<ReturnType<typeof feedDocuments>>, unknown[]>(new URL('../sources/parse-feed.worker.js', import.meta.url), 100);
    const parts: unknown[][] = [];
    let answered = false;
    const [inParts, whole] = await Promise.all([
      parser.runInParts(args('2025-01-01T00:00:00Z'), (part) => {
        expect(answered).toBe(false);
        parts.push(part);
      }).finally(() => (answered = true)),
      parser.run(...args('2025-01-01T00:00:00Z')),
    ]);
    expect(documentsOf(whole)).toBeGreaterThan(0);
    expect(documentsOf(inParts)).toBe(0);
    expect(parts.flat()).toEqual(whole.ok ? whole.documents : null);
    for (const deadline = Date.now() + 5_000; parser.started && Date.now() < deadline; ) await sleep(50);
  });

  it('keeps a worker that is given work before it has been idle that long', async () => {
    const parser = new OffThread<Parameters<typeof feedDocuments>, Awaited<ReturnType<typeof feedDocuments>>>(new URL('../sources/parse-feed.worker.js', import.meta.url), 250);
    await parser.run(...args('2025-01-01T00:00:00Z'));
    await sleep(100);
    const calls = await Promise.all([parser.run(...args('2025-01-02T00:00:00Z')), parser.run(...args('2025-01-03T00:00:00Z'))]);
    expect(calls.map(documentsOf)).toEqual([documentsOf(calls[0]!), documentsOf(calls[0]!)]);
    expect(documentsOf(calls[0]!)).toBeGreaterThan(0);
    await sleep(150);
    expect(parser.started).toBe(true);
    // Then it stops as the first did: no worker thread outlives the test.
    for (const deadline = Date.now() + 5_000; parser.started && Date.now() < deadline; ) await sleep(50);
    expect(parser.started).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { GENESIS_HASH } from './domain/event-hash.js';
import { EventStoreRepository } from './event-store.repository.js';
import { exportLog } from './log-export.js';

interface ExportedLine {
  position: number;
  data: { n: number };
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** A consumer slower than the log, which counts writes made while it had asked the writer to wait. */
function slowSink() {
  const chunks: string[] = [];
  let drains = 0;
  let writesWhileFull = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      setTimeout(done, 5);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((...args: Parameters<typeof write>) => {
    if (stream.writableNeedDrain) writesWhileFull++;
    return write(...args);
  }) as typeof stream.write;
  stream.on('drain', () => drains++);
  return {
    stream,
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ExportedLine),
    drains: () => drains,
    writesWhileFull: () => writesWhileFull,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('log export on %s', (kind) => {
  let database: TestDatabase;
  let repository: EventStoreRepository;
  const firstBatch = 5_003; // more than one page
  const total = firstBatch + 3;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    repository = new EventStoreRepository(database);
    const events = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ type: 'ClaimRecorded', data: { n: from + i } }));
    await repository.append('doc-a', events(1, firstBatch));
    await sleep(20); // a gap in recorded_at between the two batches
    await repository.append('doc-b', events(firstBatch + 1, 3), { idempotencyKey: 'poll:b' });
  });

  afterAll(async () => {
    await database.close();
  });

  it('writes every event in order across pages, chained, waiting for a slow consumer', async () => {
    const sink = slowSink();
    const result = await exportLog(repository, sink.stream);
    const lines = sink.lines();
    expect(result).toEqual({ events: total, lastPosition: total });
    expect(lines.map((l) => l.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(lines.map((l) => l.data.n)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(lines[0]!.prevHash).toBe(GENESIS_HASH);
    lines.slice(1).forEach((line, i) => expect(line.prevHash).toBe(lines[i]!.hash));
    expect(lines.at(-1)).toMatchObject({ hash: (await repository.head()).hash, idempotencyKey: 'poll:b', streamId: 'doc-b', streamVersion: 3 });
    expect(sink.drains()).toBeGreaterThan(0);
    expect(sink.writesWhileFull()).toBe(0);
  });

  it('stops at the until position, also inside a page, and reports progress', async () => {
    const advanced: number[] = [];
    let done = 0;
    const sink = slowSink();
    const result = await exportLog(repository, sink.stream, {
      untilPosition: 5_001,
      progress: { advance: (n) => advanced.push(n), done: () => done++ },
    });
    expect(result).toEqual({ events: 5_001, lastPosition: 5_001 });
    expect(sink.lines().at(-1)!.position).toBe(5_001);
    expect(advanced).toEqual([5_000, 1]);
    expect(done).toBe(1);
  });

  it('finds the last position recorded by a time, to the millisecond an export prints', async () => {
    const sink = slowSink();
    await exportLog(repository, sink.stream);
    const lines = sink.lines();
    const endOfFirstBatch = new Date(lines[firstBatch - 1]!.recordedAt);
    expect(await repository.lastPositionRecordedBy(endOfFirstBatch)).toBe(firstBatch);
    expect(await repository.lastPositionRecordedBy(new Date(Date.parse(lines[0]!.recordedAt) - 1))).toBe(0);
    expect(await repository.lastPositionRecordedBy(new Date(Date.now() + 60_000))).toBe(total);
  });
});

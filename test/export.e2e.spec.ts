import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH } from '../src/event-store/domain/event-hash.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

interface ExportedEvent {
  position: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  metadata: unknown;
  idempotencyKey: string | null;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

function parseLines(stdout: string): ExportedEvent[] {
  expect(stdout === '' || stdout.endsWith('\n')).toBe(true);
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ExportedEvent);
}

// One backend is enough here (log-export.int.spec.ts covers both): the server when there is one,
// as each CLI run on PGlite spends seconds starting its WebAssembly Postgres.
describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('stance-monitor export on %s', (kind) => {
  let workDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  let verified: { events: number; headHash: string };
  let wholeLog: ExportedEvent[];

  const runExport = async (...args: string[]) => {
    const result = await runCli(['export', ...args], env);
    expect(result).toMatchObject({ code: 0, stderr: '' }); // in a pipe: no progress, nothing else
    return parseLines(result.stdout);
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'stance-export-'));
    if (kind === 'postgres') {
      database = await createTestDatabase(kind);
      env = { DATABASE_URL: database.url! };
    } else {
      env = { DATA_DIR: join(workDir, 'data') };
    }
    const ingest = await runCli(['ingest'], env);
    expect(ingest.code).toBe(0);
    const verify = await runCli(['verify'], env);
    const match = /log verified: (\d+) events, head \d+:([0-9a-f]{64})/.exec(verify.stdout);
    expect(match).not.toBeNull();
    verified = { events: Number(match![1]), headHash: match![2]! };
    expect(verified.events).toBeGreaterThanOrEqual(5); // the five fixture articles at least
    wholeLog = await runExport();
  });

  afterAll(async () => {
    await database?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('writes the whole log, one event a line in position order, hashes chained up to the verified head', async () => {
    expect(wholeLog.map((e) => e.position)).toEqual(Array.from({ length: verified.events }, (_, i) => i + 1));
    expect(wholeLog[0]!.prevHash).toBe(GENESIS_HASH);
    wholeLog.slice(1).forEach((event, i) => expect(event.prevHash).toBe(wholeLog[i]!.hash));
    expect(wholeLog.at(-1)!.hash).toBe(verified.headHash);
    expect(Object.keys(wholeLog[0]!)).toEqual([
      'position', 'eventId', 'streamId', 'streamVersion', 'type', 'data', 'metadata', 'idempotencyKey', 'recordedAt', 'prevHash', 'hash',
    ]);
    expect(wholeLog[0]).toMatchObject({
      type: 'DocumentIngested',
      streamVersion: 1,
      data: expect.objectContaining({ text: expect.any(String) }),
      metadata: expect.any(Object),
    });
    expect(new Date(wholeLog[0]!.recordedAt).toISOString()).toBe(wholeLog[0]!.recordedAt);
  });

  it('writes the same lines to a file with --output, and nothing to stdout', async () => {
    const file = join(workDir, 'log.ndjson');
    const result = await runCli(['export', '--output', file], env);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(parseLines(await readFile(file, 'utf8'))).toEqual(wholeLog);
  });

  it('stops at an --until position', async () => {
    expect((await runExport('--until', '3')).map((e) => e.position)).toEqual([1, 2, 3]);
  });

  it('stops at an --until time: none before the log began, all by the time of the last event', async () => {
    expect(await runExport('--until', '2000-01-01T00:00:00Z')).toEqual([]);
    expect(await runExport('--until', '2000-01-01')).toEqual([]);
    expect(await runExport('--until', wholeLog.at(-1)!.recordedAt)).toEqual(wholeLog);
  });

  it('refuses a bad --until with exit 2, naming the value', async () => {
    const result = await runCli(['export', '--until', 'last-tuesday'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--until: "last-tuesday" is not a log position');
  });
});

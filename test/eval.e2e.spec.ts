import { describe, expect, it } from '@jest/globals';
import { runCli } from './support/cli.js';

/** The project's copy of the seeds' gold (fixtures/eval/README.md): present in every checkout. */
const gold = 'fixtures/eval/dprk-troops-russia.gold.json';

describe('stance-monitor eval', () => {
  it('exits non-zero, naming the input, when the gold file is unreadable', async () => {
    const result = await runCli(['eval', '--articles', 'fixtures/articles', '--gold', 'no/such/gold.json'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read gold file');
  });

  it('exits non-zero when the articles folder does not exist', async () => {
    const result = await runCli(['eval', '--articles', 'no/such/folder', '--gold', 'package.json'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a gold file|cannot read articles/);
  });
});

describe('stance-monitor eval on the seed articles', () => {
  it('meets the targets of the extraction issue and is independent of the ingestion order', async () => {
    const result = await runCli(['eval', '--articles', 'fixtures/articles', '--gold', gold, '--orders', '4', '--json'], {}, 120_000);
    expect(result.code).toBe(0);
    const scores = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(scores)).toEqual(
      expect.arrayContaining(['precision', 'recall', 'f1', 'dateAccuracy', 'finalAccuracy', 'asOfAccuracy', 'orderIndependent']),
    );
    expect(scores.f1).toBeGreaterThanOrEqual(0.9);
    expect(scores.dateAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(scores.finalAccuracy).toBe(1);
    expect(scores.asOfAccuracy).toBe(1);
    expect(scores.orderIndependent).toBe(true);
    expect(scores.ordersTried).toBe(5);
    // Russia's history, as the projection issue will have the API tell it.
    expect(scores.stanceChanges).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^russia: deny -> neither on 2024-10-24\.\.2024-10-24/),
        expect.stringMatching(/^russia: neither -> confirm on 2025-04-26\.\.2025-04-26/),
      ]),
    );
  });
});

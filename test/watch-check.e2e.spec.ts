// `stance-monitor watch check` as its user runs it: a broken watch names the field and exits 2;
// a valid one over a folder of articles (no database) reports what it misses.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'watch-check-'));
mkdirSync(join(dir, 'watches'));
mkdirSync(join(dir, 'languages'));
mkdirSync(join(dir, 'articles'));
for (const code of ['en', 'id']) copyFileSync(`fixtures/languages/${code}.yaml`, join(dir, 'languages', `${code}.yaml`));
const watchYaml = readFileSync('fixtures/watches/dprk-troops-russia.yaml', 'utf8');
writeFileSync(join(dir, 'watches', 'good.yaml'), watchYaml);
writeFileSync(join(dir, 'watches', 'broken.yaml'), watchYaml.replace(/^languages: .*$/m, 'languages: []'));
writeFileSync(
  join(dir, 'articles', 'unlisted-speaker.md'),
  `---
title: "Envoy on troop reports"
url: "https://fixtures.stance-monitor.invalid/watch-check/1"
outlet: "Test Wire"
published: "2024-11-05"
language: "en"
---
Envoy on troop reports

Ambassador Ilse Varga denied that North Korean troops were deployed to fight near Kursk.
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stance-monitor watch check', () => {
  it('exits 2 naming the file and the field of an invalid watch', async () => {
    const result = await runCli(['watch', 'check', join(dir, 'watches', 'broken.yaml')], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.yaml');
    expect(result.stderr).toContain('languages');
  });

  it('over a folder, lists the unlisted speaker of a cue sentence, names never seen and no unmatched topic group', async () => {
    const result = await runCli(['watch', 'check', join(dir, 'watches', 'good.yaml'), '--articles', join(dir, 'articles'), '--json'], {});
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      error: string | null;
      coverage: { documents: number; unattributed: { candidate: string; count: number }[]; unseen: { actorId: string }[]; unmatchedTopicGroups: string[] };
    };
    expect(report.error).toBeNull();
    expect(report.coverage.documents).toBe(1);
    expect(report.coverage.unattributed).toEqual([expect.objectContaining({ candidate: expect.stringContaining('Ilse Varga'), count: 1 })]);
    expect(report.coverage.unseen.map((a) => a.actorId)).toContain('nato');
    expect(report.coverage.unmatchedTopicGroups).toEqual([]);
  });

  it('without --articles, on a data folder the service never set up, says so and exits 2 (no stack trace)', async () => {
    const result = await runCli(['watch', 'check', join(dir, 'watches', 'good.yaml')], { DATA_DIR: join(dir, 'never-served') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds no stored documents yet');
    expect(result.stderr).toContain('--articles DIR');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

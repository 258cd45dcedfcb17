// The development set travels with the project (fixtures/eval); the shared material it was copied
// from sits beside the checkout only on the project's own machines. Where it does, the copies
// must not drift apart: an annotation fixed there and not here would score the seeds wrongly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const projectGold = new URL('../fixtures/eval/dprk-troops-russia.gold.json', import.meta.url);
const sharedGold = new URL('../../shared/eval/dprk-troops-russia.gold.json', import.meta.url);

describe('fixtures/eval', () => {
  it('holds a gold file naming the seed articles of fixtures/articles', () => {
    const gold = JSON.parse(readFileSync(projectGold, 'utf8')) as { watch: string; documents: { id: string }[] };
    expect(gold.watch).toBe('dprk-troops-russia');
    const articles = new Set(
      readdirNames(new URL('../fixtures/articles/', import.meta.url)).map((name) => name.replace(/\.md$/, '')),
    );
    expect(gold.documents.length).toBeGreaterThan(0);
    for (const { id } of gold.documents) expect(articles).toContain(id);
  });
});

(existsSync(sharedGold) ? describe : describe.skip)('fixtures/eval against ../shared/eval', () => {
  it('is byte for byte the shared gold file', () => {
    expect(readFileSync(projectGold).equals(readFileSync(sharedGold))).toBe(true);
  });
});

function readdirNames(folder: URL): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.md'));
}

// The extractor against the hand-annotated seed articles (fixtures/eval/README.md), plus its speed.
// The seeds are fixtures/articles (the seed texts byte for byte, test/seed-fixtures.unit.spec.ts)
// and the gold is the project's copy in fixtures/eval, so this runs in any checkout.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ArticleDocument, ClaimDraft } from '../src/domain/vocabulary.js';
import { extractClaims } from '../src/extraction/domain/extract.js';
import { article, dprkWatch, packs } from '../src/extraction/domain/extraction.fixture.js';
import { scoreExtraction, type ExtractionScore, type GoldFile } from '../src/eval/domain/score.js';
import { parseFixtureArticle } from '../src/sources/domain/fixture-article.js';

const articlesFolder = new URL('../fixtures/articles/', import.meta.url);
const goldFile = new URL('../fixtures/eval/dprk-troops-russia.gold.json', import.meta.url);

function loadSeeds(): ArticleDocument[] {
  return readdirSync(articlesFolder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const seed = parseFixtureArticle(name, readFileSync(new URL(name, articlesFolder), 'utf8'));
      return { ...article(seed.text, seed.published, seed.language, seed.title), documentId: name.replace(/\.md$/, ''), outlet: seed.outlet };
    });
}

function report(score: ExtractionScore): string {
  const lines = [`P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} F1=${score.f1.toFixed(3)} dates=${score.datesHit}/${score.datesScored}`];
  for (const document of score.documents) {
    const pairs = (list: { actor: string; stance: string }[]) => list.map((pair) => `${pair.actor}:${pair.stance}`).join(', ') || '-';
    const dates = document.dateMisses.map((miss) => `${miss.actor}:${miss.stance} gold ${JSON.stringify(miss.gold)} got ${miss.extracted.map((saidOn) => `${saidOn.from}..${saidOn.to}`).join(' ')}`);
    lines.push(`${document.documentId}: missed ${pairs(document.missed)}; spurious ${pairs(document.spurious)}; dates ${dates.join('; ') || '-'}`);
  }
  return lines.join('\n');
}

describe('extraction on the seed articles', () => {
  const seeds = loadSeeds();
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile;

  it('reaches F1 >= 0.9 and date accuracy >= 0.85 against the gold annotation', () => {
    const extracted = new Map<string, ClaimDraft[]>(seeds.map((seed) => [seed.documentId, extractClaims(seed, dprkWatch, packs)]));
    const score = scoreExtraction(gold, extracted);
    const summary = report(score);
    expect(score.f1 >= 0.9 && score.dateAccuracy >= 0.85 ? 'targets met' : summary).toBe('targets met');
  });

  it('keeps every evidence offset pointing at its sentence', () => {
    for (const seed of seeds) {
      for (const claim of extractClaims(seed, dprkWatch, packs)) {
        expect(seed.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.sentence);
      }
    }
  });
});

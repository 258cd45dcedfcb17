// The extractor against the hand-annotated seed articles (shared/eval/README.md), plus its speed.
// The seeds live beside the repository (../shared); without them the suite is skipped.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ArticleDocument, ClaimDraft } from '../src/domain/vocabulary.js';
import { extractClaims } from '../src/extraction/domain/extract.js';
import { article, dprkWatch, packs } from '../src/extraction/domain/extraction.fixture.js';
import { scoreExtraction, type ExtractionScore, type GoldFile } from '../src/eval/domain/score.js';

const shared = new URL('../../shared/', import.meta.url);
const seedsFolder = new URL('seeds/', shared);
const goldFile = new URL('eval/dprk-troops-russia.gold.json', shared);
const available = existsSync(new URL('metadata.json', seedsFolder)) && existsSync(goldFile);
if (!available) console.warn(`Seed extraction suite SKIPPED: no seeds at ${seedsFolder.pathname} (or no gold file at ${goldFile.pathname}).`);

interface SeedMetadata {
  articles: Record<string, { title: string; outlet: string; published: string; language: string }>;
}

function loadSeeds(): ArticleDocument[] {
  const metadata = JSON.parse(readFileSync(new URL('metadata.json', seedsFolder), 'utf8')) as SeedMetadata;
  return Object.entries(metadata.articles).map(([id, meta]) => ({
    ...article(readFileSync(new URL(`${id}.txt`, seedsFolder), 'utf8'), meta.published, meta.language, meta.title),
    documentId: id,
    outlet: meta.outlet,
  }));
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

(available ? describe : describe.skip)('extraction on the seed articles', () => {
  const seeds = available ? loadSeeds() : [];
  const gold = available ? (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile) : null;

  it('reaches F1 >= 0.9 and date accuracy >= 0.85 against the gold annotation', () => {
    const extracted = new Map<string, ClaimDraft[]>(seeds.map((seed) => [seed.documentId, extractClaims(seed, dprkWatch, packs)]));
    const score = scoreExtraction(gold!, extracted);
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

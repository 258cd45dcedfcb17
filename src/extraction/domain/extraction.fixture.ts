// Test support: the real language packs and watch from fixtures/, and a compact way to state the
// claims a text must yield. Reads files, so it is for tests only; the extractor itself is pure.

import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import type { ArticleDocument, ClaimDraft, DatePrecision, Stance } from '../../domain/vocabulary.js';
import { parseWatch, type Watch } from '../../watches/domain/watch.js';
import { extractClaims } from './extract.js';
import { parseLanguagePack, type LanguagePack } from './language-pack.js';

const repository = new URL('../../../', import.meta.url);

export function readFixture(path: string): string {
  return readFileSync(new URL(path, repository), 'utf8');
}

export const packs: ReadonlyMap<string, LanguagePack> = new Map(
  ['id', 'en'].map((code) => {
    const file = `fixtures/languages/${code}.yaml`;
    return [code, parseLanguagePack(readFixture(file), file)];
  }),
);

export const dprkWatch: Watch = parseWatch(readFixture('fixtures/watches/dprk-troops-russia.yaml'), 'fixtures/watches/dprk-troops-russia.yaml');

/** A watch a new user might write about fictional countries, listing no offices (test/fixtures/watches). */
export const freedoniaWatch: Watch = parseWatch(readFixture('test/fixtures/watches/freedonia-drones.yaml'), 'test/fixtures/watches/freedonia-drones.yaml');

export function article(text: string, published: string, language: string, title = ''): ArticleDocument {
  return {
    documentId: 'test',
    sourceId: 'test',
    entryKey: 'test',
    url: 'https://example.test/article',
    canonicalUrl: 'https://example.test/article',
    outlet: 'Test',
    title,
    published,
    language,
    text,
    contentHash: '',
    revisionOf: null,
  };
}

export interface Extraction {
  doc: ArticleDocument;
  claims: ClaimDraft[];
}

export function extract(text: string, published: string, language: string, watch: Watch = dprkWatch): Extraction {
  const doc = article(text, published, language);
  return { doc, claims: extractClaims(doc, watch, packs) };
}

/** The (actor, stance) pairs a text yields, as "actor:stance", sorted and without repeats. */
export function stancePairs(text: string, published: string, language: string, watch: Watch): string[] {
  return [...new Set(extract(text, published, language, watch).claims.map((claim) => `${claim.actorId}:${claim.stance}`))].sort();
}

export interface ExpectedClaim {
  actor: string;
  stance: Stance;
  /** The whole evidence sentence, as it stands in the text. */
  sentence: string;
  /** [from, to, precision] of the said-on interval. */
  saidOn: [string | null, string, DatePrecision];
}

/** The extraction yields exactly these claims, each with evidence offsets that point at its sentence. */
export function expectClaims({ doc, claims }: Extraction, expected: ExpectedClaim[]): void {
  for (const claim of claims) {
    expect(doc.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.sentence);
  }
  const actual = claims.map((claim) => ({
    actor: claim.actorId,
    stance: claim.stance,
    sentence: claim.evidence.sentence,
    saidOn: [claim.saidOn.from, claim.saidOn.to, claim.saidOn.precision],
  }));
  const order = (claim: ExpectedClaim | (typeof actual)[number]) => `${doc.text.indexOf(claim.sentence)}|${claim.actor}|${claim.stance}`;
  const sorted = <T extends ExpectedClaim | (typeof actual)[number]>(list: T[]) => [...list].sort((a, b) => order(a).localeCompare(order(b)));
  expect(sorted(actual)).toEqual(sorted(expected));
}

/** The one claim of an (actor, stance) pair. */
export function claimOf({ claims }: Extraction, actor: string, stance: Stance): ClaimDraft {
  const found = claims.filter((claim) => claim.actorId === actor && claim.stance === stance);
  expect(found).toHaveLength(1);
  return found[0];
}

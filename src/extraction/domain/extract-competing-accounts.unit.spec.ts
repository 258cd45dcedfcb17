// Phenomena the development set fixtures/eval/dev/al-ahli-hospital-blast found (competing
// accounts of who caused a blast: one party blames another, the accused denies and blames a
// third), each in English and Indonesian. The sentences are our own, about the fictional watch
// test/fixtures/watches/freedonia-blasts.yaml (agent: Freedonia).

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-03-12';
const blasts = parseWatch(readFixture('test/fixtures/watches/freedonia-blasts.yaml'), 'freedonia-blasts.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, blasts);
}

describe('a second verb after "and" keeps the subject of the first, not the name nearest before it', () => {
  it('en: "Zedland rejected the Freedonian version and blamed a Freedonian bombing" is Zedland speaking twice', () => {
    expect(pairs('Zedland rejected the Freedonian version and blamed a Freedonian bombing for the deaths.', 'en')).not.toContain('freedonia:confirm');
    expect(pairs('Zedland rejected the Freedonian version and blamed a Freedonian bombing for the deaths.', 'en')).toContain('zedland:confirm');
    expect(pairs('Zedland thanked the Freedonian envoy and said Freedonia had carried out the blasts.', 'en')).toContain('zedland:confirm');
  });

  it('id: "Zedland menolak versi Freedonia dan menyatakan ..." is Zedland speaking twice', () => {
    expect(pairs('Zedland menolak versi Freedonia dan menyatakan bahwa Freedonia berada di balik ledakan itu.', 'id')).toContain('zedland:confirm');
    expect(pairs('Zedland menolak versi Freedonia dan menyatakan bahwa Freedonia berada di balik ledakan itu.', 'id')).not.toContain('freedonia:confirm');
  });

  it('a second verb with a subject of its own is that subject’s', () => {
    expect(pairs('Zedland blamed Freedonia for the blasts, and Freedonia denied it.', 'en')).not.toContain('zedland:deny');
    expect(pairs('Zedland menuding Freedonia atas ledakan itu, dan Freedonia membantahnya.', 'id')).not.toContain('zedland:deny');
  });
});

describe('rejecting another’s claim named by a noun yields to the speaker’s own confirm of the proposition', () => {
  it('en: "rejected the Freedonian claim and said Freedonia had carried out the blasts" is a confirm, not a deny', () => {
    expect(pairs('Zedland rejected the Freedonian claim and said Freedonia had carried out the blasts.', 'en')).toContain('zedland:confirm');
    expect(pairs('Zedland rejected the Freedonian claim and said Freedonia had carried out the blasts.', 'en')).not.toContain('zedland:deny');
    expect(pairs('Zedland denied the Freedonian account and blamed a Freedonian bombing for the deaths.', 'en')).not.toContain('zedland:deny');
  });

  it('id: "menolak klaim Freedonia dan menyatakan bahwa Freedonia berada di balik ledakan" is a confirm, not a deny', () => {
    expect(pairs('Zedland menolak klaim Freedonia dan menyatakan bahwa Freedonia berada di balik ledakan itu.', 'id')).toContain('zedland:confirm');
    expect(pairs('Zedland menolak klaim Freedonia dan menyatakan bahwa Freedonia berada di balik ledakan itu.', 'id')).not.toContain('zedland:deny');
  });

  it('alone, rejecting a claim is still a deny', () => {
    expect(pairs('Freedonia rejected the claims about the blasts.', 'en')).toContain('freedonia:deny');
    expect(pairs('Freedonia menolak klaim soal ledakan itu.', 'id')).toContain('freedonia:deny');
  });
});

describe('"no evidence that ...", "tidak ada bukti yang menunjukkan ..." denies what the evidence would show', () => {
  it('en', () => {
    expect(pairs('Zedland said there was no evidence that Freedonia had carried out the blasts.', 'en')).toEqual(['zedland:deny']);
    expect(pairs('Freedonia said it had no information suggesting its forces were behind the blasts.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id', () => {
    expect(pairs('Zedland mengatakan tidak ada bukti yang menunjukkan bahwa Freedonia berada di balik ledakan itu.', 'id')).toEqual(['zedland:deny']);
    expect(pairs('Freedonia menyatakan tidak ada informasi yang menunjukkan keterlibatan pasukannya dalam ledakan itu.', 'id')).toEqual(['freedonia:deny']);
  });

  it('"tidak ada informasi" alone is still no answer', () => {
    expect(pairs('Freedonia mengatakan tidak ada informasi soal ledakan itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('"that"/"bahwa" after a verb is looked for within a number of words, not of tokens', () => {
  it('id: "mengatakan kepada parlemen, Senin (9/3), bahwa ..." finds the clause past the date in brackets', () => {
    expect(pairs('Zedland mengatakan kepada parlemen, Senin (9/3), bahwa ledakan itu tidak dilakukan oleh Freedonia.', 'id')).toEqual(['zedland:deny']);
  });

  it('en: "told lawmakers, on Monday (9 March), that ..." finds the clause past the punctuation', () => {
    expect(pairs('Zedland told lawmakers, on Monday (9 March), that the blasts were not carried out by Freedonia.', 'en')).toEqual(['zedland:deny']);
  });
});

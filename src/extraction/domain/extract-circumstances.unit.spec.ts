// Phenomena the development set fixtures/eval/dev/prigozhin-plane-downing found: a deed whose
// event terms also name what it was done to ("the jet", "the crash"), so that words about the
// crash's victims, its investigation or its cause name the event without saying who did it; and
// the ways an opinion on the agent's part is said around a negation or a likelihood. The
// sentences are our own, about the fictional watch test/fixtures/watches/freedonia-jet-downing.yaml
// (agent: Freedonia; Rufus Firefly is its president), each in English and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-05-14';
const downing = parseWatch(readFixture('test/fixtures/watches/freedonia-jet-downing.yaml'), 'freedonia-jet-downing.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, downing);
}

describe('an event term that only modifies a noun of what surrounds the event (grammar.circumstance_heads)', () => {
  it('en: the agent’s words about "the crash victims" are no claim; its words about the deed still are', () => {
    expect(pairs('Firefly said investigators had identified all the crash victims.', 'en')).toEqual([]);
    expect(pairs('Firefly said shell fragments had been found in the bodies of the crash victims.', 'en')).toEqual([]);
    expect(pairs('Firefly offered his condolences to the families of the plane crash victims.', 'en')).toEqual([]);
    expect(pairs('Trentino said the Freedonian security service had shot down the jet.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: the agent’s words about "korban kecelakaan pesawat" are no claim; its words about the deed still are', () => {
    expect(pairs('Firefly mengatakan serpihan peluru ditemukan di tubuh para korban kecelakaan pesawat.', 'id')).toEqual([]);
    expect(pairs('Firefly menyampaikan belasungkawa kepada keluarga korban pesawat itu.', 'id')).toEqual([]);
    expect(pairs('Trentino mengatakan dinas keamanan Freedonia telah menembak jatuh pesawat itu.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('a part in what surrounds the event is no part in the event', () => {
  it('en: "take part in the investigation" said of the agent is no claim; "took part in the downing" is', () => {
    expect(pairs('Firefly said Freedonia would not invite foreign experts to take part in the investigation of the crash.', 'en')).toEqual([]);
    expect(pairs('Trentino said Freedonia took part in the downing of the jet.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "ikut serta dalam penyelidikan" said of the agent is no claim; "ikut serta dalam penjatuhan" is', () => {
    expect(pairs('Firefly mengatakan Freedonia tidak akan mengundang ahli asing untuk ikut serta dalam penyelidikan kecelakaan pesawat itu.', 'id')).toEqual([]);
    expect(pairs('Trentino mengatakan Freedonia ikut serta dalam penjatuhan pesawat itu.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('capitalised names between a determiner or preposition and an event term modify it (en)', () => {
  it('en: "on board the Brandt jet", "in the May plane crash" are where, not what the agent did', () => {
    expect(pairs('Freedonia’s aviation agency said nine people were on board the Brandt jet when it fell.', 'en')).toEqual([]);
    expect(pairs('Firefly said the head of the agency had found debris from the May plane crash near the lake.', 'en')).toEqual([]);
  });

  it('id: the modifier follows its noun ("di dalam pesawat Brandt"), so the same words are no claim without the rule', () => {
    expect(pairs('Badan penerbangan Freedonia mengatakan sembilan orang berada di dalam pesawat Brandt saat lepas landas.', 'id')).toEqual([]);
  });
});

describe('a relative clause that goes on naming the event ("the crash that killed", "kecelakaan yang menewaskan")', () => {
  it('en: it takes the place of the event it names', () => {
    expect(pairs('Firefly said fragments were found in the wreckage of the crash which killed the rebel leader.', 'en')).toEqual([]);
  });

  it('id: it takes the place of the event it names', () => {
    expect(pairs('Firefly mengatakan serpihan ditemukan di tubuh korban kecelakaan pesawat yang menewaskan pemimpin pemberontak Sylvania.', 'id')).toEqual([]);
  });
});

describe('"-nya" between an event verb and its noun makes a noun of the verb, not a possessor (id)', () => {
  it('id: "penyelidikan atas jatuhnya pesawat" is about the investigation', () => {
    expect(pairs('Menurut Firefly, penyelidikan atas jatuhnya pesawat itu akan memakan waktu.', 'id')).toEqual([]);
    expect(pairs('Firefly mengatakan pesawatnya tidak pernah dijatuhkan.', 'id')).toEqual(['freedonia:deny']);
  });

  it('en: the same words in English are about the investigation too', () => {
    expect(pairs('According to Firefly, the investigation into the fall of the plane will take time.', 'en')).toEqual([]);
  });
});

describe('a negation in the clause of a quantity of scarcity affirms (grammar.scarcity)', () => {
  it('en: "little happens in Freedonia that Firefly is not behind" accuses the agent', () => {
    expect(pairs('Trentino said on Monday, asked about the crash, that little happens in Freedonia that Firefly is not behind.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino said on Monday, asked about the crash, that Firefly is not behind it.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "tidak banyak hal yang terjadi di Freedonia tanpa Firefly berada di baliknya" accuses the agent', () => {
    expect(pairs('"Tidak banyak hal yang terjadi di Freedonia tanpa Firefly berada di balik kecelakaan seperti ini," kata Trentino.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('"Firefly tidak berada di balik kecelakaan ini," kata Trentino.', 'id')).toEqual(['sylvania:deny']);
  });
});

describe('a negated verb of belief before the agent’s part denies it (grammar.belief_verbs)', () => {
  it('en: "could not imagine Firefly having a hand in the crash"', () => {
    expect(pairs('Pinky said he could not imagine Firefly having a hand in the crash.', 'en')).toEqual(['zedland:deny']);
    expect(pairs('Pinky said he does not believe the Freedonian state was behind the downing of the jet.', 'en')).toEqual(['zedland:deny']);
  });

  it('id: "tidak percaya Firefly berada di balik jatuhnya pesawat"', () => {
    expect(pairs('Pinky mengatakan dirinya tidak percaya Presiden Firefly berada di balik jatuhnya pesawat itu.', 'id')).toEqual(['zedland:deny']);
    expect(pairs('Pinky mengatakan tidak bisa membayangkan negara Freedonia terlibat dalam kecelakaan pesawat itu.', 'id')).toEqual(['zedland:deny']);
  });
});

describe('words after "the possibility that", "kemungkinan bahwa" are a hypothesis', () => {
  it('en: the agent weighing the possibility that the jet was downed is no claim', () => {
    expect(pairs('Firefly said investigators were weighing the possibility that the jet was deliberately downed.', 'en')).toEqual([]);
  });

  it('id: the agent weighing "kemungkinan bahwa pesawat itu sengaja dijatuhkan" is no claim', () => {
    expect(pairs('Kepresidenan Freedonia menyatakan penyelidik tengah mempertimbangkan kemungkinan bahwa pesawat itu sengaja dijatuhkan.', 'id')).toEqual([]);
  });
});

describe('an assessment’s confidence ("highly likely", "sangat mungkin") asserts; a bare likelihood speculates (confidence)', () => {
  it('en', () => {
    expect(pairs('Trentino said the Freedonian security service was very likely behind the crash.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino said it was highly likely that the Freedonian security service had organised the crash.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino said the Freedonian security service was likely behind the crash.', 'en')).toEqual([]);
  });

  it('id', () => {
    expect(pairs('Trentino menilai sangat mungkin dinas keamanan Freedonia yang mengatur jatuhnya pesawat itu.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino menilai mungkin dinas keamanan Freedonia yang mengatur jatuhnya pesawat itu.', 'id')).toEqual([]);
  });
});

describe('an act from outside on what the deed was done to ("external impact", "dampak dari luar") is a part in the deed', () => {
  it('en: the agent saying there was no external impact on the aircraft denies it', () => {
    expect(pairs('Firefly said there had been no external impact on the aircraft.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: the agent saying "tidak ada dampak dari luar terhadap pesawat" denies it', () => {
    expect(pairs('Firefly menyebut tidak ada dampak dari luar terhadap pesawat tersebut.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Firefly menyebut tidak ada campur tangan dari luar terhadap pesawat tersebut.', 'id')).toEqual(['freedonia:deny']);
  });
});

// Competing accounts, second round (rules-12): what fixtures/eval/dev/al-ahli-hospital-blast
// still missed after rules-10, as general rules for any proposition "X did the deed". Each
// phenomenon in English and Indonesian, in our own words, on the fictional watch
// test/fixtures/watches/freedonia-clinic-strike.yaml (agent: Freedonia; event terms include
// verbs of the deed: "struck", "bombed", "mengebom", "menyerang").

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-03-12';
const strike = parseWatch(readFixture('test/fixtures/watches/freedonia-clinic-strike.yaml'), 'freedonia-clinic-strike.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, strike);
}

describe('thanking a person is no word on the deed; thanking the doers still is', () => {
  it('en: "thanked the Zedland president and said ..." is only what was said', () => {
    expect(pairs("Freedonia's president thanked the Zedland president and said Freedonian jets had not struck the clinic.", 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia thanked the troops who struck the clinic.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "berterima kasih kepada presiden Zedland", "atas dukungan Zedland" is no confirm', () => {
    expect(pairs('Presiden Freedonia berterima kasih kepada presiden Zedland dan mengatakan pesawat Freedonia tidak mengebom klinik itu.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia berterima kasih kepada pasukan yang menyerang klinik itu.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('a verb after "and" keeps the clause’s subject across an adverb', () => {
  it('en: "thanked Zedland for its support and again insisted that ..." is Freedonia’s', () => {
    expect(pairs('Freedonia thanked Zedland for its support and again insisted that Freedonian jets had not struck the clinic.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: "berterima kasih atas dukungan Zedland dan kembali menegaskan ..." is Freedonia’s', () => {
    expect(pairs('Freedonia berterima kasih atas dukungan Zedland dan kembali menegaskan bahwa pesawat Freedonia tidak mengebom klinik itu.', 'id')).toEqual(['freedonia:deny']);
  });
});

describe('the agent’s spokesman describing the event is no word on its own deed', () => {
  it('en: what radar tracks showed, and rockets fired "near the clinic", are no confirm', () => {
    expect(pairs('Rufus Firefly told reporters that radar tracks showed rockets fired from a field near the clinic.', 'en')).toEqual([]);
    expect(pairs('Rufus Firefly told reporters that radar tracks showed that a rocket hit the clinic.', 'en')).toEqual([]);
    expect(pairs('Rufus Firefly said rockets were fired from a field near the clinic.', 'en')).toEqual([]);
  });

  it('id: "analisis radar menunjukkan ...", "di dekat klinik itu" are no confirm', () => {
    expect(pairs('Rufus Firefly mengatakan analisis radar menunjukkan roket ditembakkan dari sebuah lapangan di dekat klinik itu.', 'id')).toEqual([]);
    expect(pairs('Rufus Firefly mengatakan analisis radar menunjukkan roket menghantam klinik itu.', 'id')).toEqual([]);
    expect(pairs('Rufus Firefly mengatakan roket ditembakkan dari sebuah lapangan di dekat klinik itu.', 'id')).toEqual([]);
  });

  it('its own deed in its words still counts', () => {
    expect(pairs('Rufus Firefly said Freedonian jets had struck the clinic.', 'en')).toEqual(['freedonia:confirm']);
    expect(pairs('Rufus Firefly mengatakan pesawat Freedonia menyerang klinik itu.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('reported blame of others is the speaker describing others', () => {
  it('en: "said some newspapers had rushed to blame Freedonia" is no confirm by the speaker', () => {
    expect(pairs('Trentino said some newspapers had rushed to blame Freedonia for the strike.', 'en')).toEqual([]);
    expect(pairs('Trentino said he blamed Freedonia for the strike.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "mengatakan sejumlah media terburu-buru menyalahkan Freedonia" is no confirm by the speaker', () => {
    expect(pairs('Trentino mengatakan sejumlah media terburu-buru menyalahkan Freedonia atas serangan itu.', 'id')).toEqual([]);
    expect(pairs('Trentino menyalahkan Freedonia atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('a negated subject of a verb of evidence denies what it would point at', () => {
  it('en: "Nothing in the material we have reviewed indicates a Freedonian strike", said after the quote by "a ... official"', () => {
    expect(pairs('“Nothing in the material we have reviewed indicates a Freedonian strike on the clinic,” a Sylvanian official said.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "Tidak satu pun data yang kami periksa menunjukkan serangan Freedonia"', () => {
    expect(pairs('“Tidak satu pun data yang kami periksa menunjukkan serangan Freedonia terhadap klinik itu,” kata seorang pejabat Sylvania.', 'id')).toEqual(['sylvania:deny']);
  });

  it('the same verb with no negation confirms', () => {
    expect(pairs('“The material we have reviewed indicates a Freedonian strike on the clinic,” a Sylvanian official said.', 'en')).toEqual(['sylvania:confirm']);
  });
});

describe('insisting is saying', () => {
  it('en: "still insisted that Freedonia bombed the clinic"', () => {
    expect(pairs('Zedland still insisted that Freedonia bombed the clinic.', 'en')).toEqual(['zedland:confirm']);
  });

  it('id: "tetap bersikeras bahwa Freedonia mengebom klinik itu"', () => {
    expect(pairs('Zedland tetap bersikeras bahwa Freedonia mengebom klinik itu.', 'id')).toEqual(['zedland:confirm']);
  });
});

describe('the deed’s verb on other objects is not the watched deed', () => {
  it('en: "it had struck more than 300 Zedland positions" is no confirm; "it had struck the clinic" is', () => {
    expect(pairs('The Freedonian military said it had struck more than 300 Zedland positions overnight.', 'en')).toEqual([]);
    expect(pairs('The Freedonian military said it had struck the clinic.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "telah menyerang lebih dari 300 posisi Zedland" is no confirm; "telah menyerang klinik itu" is', () => {
    expect(pairs('Militer Freedonia mengatakan telah menyerang lebih dari 300 posisi Zedland semalam.', 'id')).toEqual([]);
    expect(pairs('Militer Freedonia mengatakan telah menyerang klinik itu.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('the agent’s own account, its words not given, is no confirm by it; rejecting it takes the other side', () => {
  it('en: "dismissed the Freedonian account", "said the Freedonian account ... was a lie"', () => {
    expect(pairs('Zedland dismissed the Freedonian account of the strike on the clinic.', 'en')).toEqual(['zedland:confirm']);
    expect(pairs('Sylvania said the Freedonian account of the strike was a lie.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "menepis versi Freedonia", "versi Freedonia ... adalah kebohongan"', () => {
    expect(pairs('Zedland menepis versi Freedonia tentang serangan terhadap klinik itu.', 'id')).toEqual(['zedland:confirm']);
    expect(pairs('Sylvania mengatakan versi Freedonia tentang serangan itu adalah kebohongan.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('rejecting the agent’s claim that gives the deed to another is a confirm; "calling it a lie" is the rejecter’s', () => {
  it('en: "rejected Freedonia’s claim that one of its rockets hit the clinic, calling it a lie"', () => {
    const found = pairs("FREDVILLE — Zedland on Monday rejected Freedonia's claim that one of its rockets hit the clinic, calling it a lie.", 'en');
    expect(found).toEqual(['freedonia:deny', 'zedland:confirm']);
  });

  it('id: "menolak klaim Freedonia bahwa salah satu roketnya menghantam klinik itu dan menyebutnya kebohongan"', () => {
    const found = pairs('Zedland menolak klaim Freedonia bahwa salah satu roketnya menghantam klinik itu dan menyebutnya kebohongan.', 'id');
    expect(found).toEqual(['freedonia:deny', 'zedland:confirm']);
  });

  it('the agent’s claim about its own jets is still its word', () => {
    expect(pairs("Zedland rejected Freedonia's claim that its jets had not struck the clinic.", 'en')).toEqual(['freedonia:deny', 'zedland:confirm']);
  });
});

describe('leaving open who did the deed is a neither on the agent’s part, whoever leaves it open', () => {
  it('en: "would wait for its own analysis before saying who was behind the strike", "declined to say who"', () => {
    expect(pairs('Sylvania said it would wait for its own analysis before saying who was behind the strike on the clinic.', 'en')).toEqual(['sylvania:neither']);
    expect(pairs('Trentino declined to say who carried out the strike on the clinic.', 'en')).toEqual(['sylvania:neither']);
  });

  it('id: "sebelum menyatakan siapa yang berada di balik serangan", "enggan menyebut siapa pelakunya"', () => {
    expect(pairs('Sylvania mengatakan akan menunggu analisisnya sendiri sebelum menyatakan siapa yang berada di balik serangan terhadap klinik itu.', 'id')).toEqual(['sylvania:neither']);
    expect(pairs('Trentino enggan menyebut siapa pelaku serangan terhadap klinik itu.', 'id')).toEqual(['sylvania:neither']);
  });

  // Since the merge with extract14, the question words are `grammar.open_agents`: any word for the
  // doer not named in or right after the cue leaves the doer open.
  it('en: "declined to comment on the perpetrators of the strike" (an open agent after the cue)', () => {
    expect(pairs('Trentino declined to comment on the perpetrators of the strike on the clinic.', 'en')).toEqual(['sylvania:neither']);
  });

  it('id: "menolak berkomentar soal pelaku serangan" (an open agent after the cue)', () => {
    expect(pairs('Trentino menolak berkomentar soal pelaku serangan terhadap klinik itu.', 'id')).toEqual(['sylvania:neither']);
  });

  it('declining to comment on the event alone is still no word on the agent’s part', () => {
    expect(pairs('Trentino declined to comment on the strike on the clinic.', 'en')).toEqual([]);
    expect(pairs('Trentino enggan berkomentar soal serangan terhadap klinik itu.', 'id')).toEqual([]);
  });
});

describe('the agent named on its own after a preposition of place or direction is no doer', () => {
  it('en: "a rocket fired towards Freedonia" is no word on Freedonia’s deed; "struck by Freedonia" is', () => {
    expect(pairs('Trentino said analysts had concluded that the strike on the clinic was caused by a rocket fired towards Freedonia.', 'en')).toEqual([]);
    expect(pairs('Trentino said the clinic was struck by Freedonia.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "roket yang ditembakkan ke Freedonia" is no word on Freedonia’s deed; "diserang oleh Freedonia" is', () => {
    expect(pairs('Trentino mengatakan analis menyimpulkan bahwa serangan terhadap klinik itu disebabkan roket yang ditembakkan ke Freedonia.', 'id')).toEqual([]);
    expect(pairs('Trentino mengatakan klinik itu diserang oleh Freedonia.', 'id')).toEqual(['sylvania:confirm']);
  });
});

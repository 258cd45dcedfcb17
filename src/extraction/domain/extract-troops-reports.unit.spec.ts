// Phenomena the development set fixtures/eval/dev/dprk-troops-real found (rules-12): how outlets
// report troops sent to another country's war, its denials, its admission and the distractors
// around it. The sentences are our own, about the fictional watch
// test/fixtures/watches/sylvania-troops.yaml (agent: Sylvania, whose spokesman is Trentino;
// Firefly speaks for Freedonia; the ZIS is Zedland's intelligence service), each in English and
// Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { extract, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-05-14'; // a Thursday: Monday is the 11th
const troops = parseWatch(readFixture('test/fixtures/watches/sylvania-troops.yaml'), 'sylvania-troops.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, troops);
}

function saidOn(text: string, language: string, actor: string): [string | null, string, string][] {
  return extract(text, PUBLISHED, language, troops)
    .claims.filter((claim) => claim.actorId === actor)
    .map((claim) => [claim.saidOn.from, claim.saidOn.to, claim.saidOn.precision]);
}

describe('a name right after a preposition that opens a clause is the subject of its verb (grammar.subordinators)', () => {
  it('id: "tanggapan pertama Trentino sejak ZIS pekan lalu menyatakan ..." is Zedland’s confirm, not Sylvania’s', () => {
    const text = 'Bantahan itu merupakan tanggapan pertama Trentino sejak ZIS pekan lalu menyatakan ribuan tentara Sylvania telah tiba di Freedonia.';
    expect(pairs(text, 'id')).toEqual(['zedland:confirm']);
    expect(saidOn(text, 'id', 'zedland')).toEqual([['2026-05-04', '2026-05-10', 'range']]);
  });

  it('en: "the first reply from Trentino since ZIS last week said ..." is Zedland’s confirm, not Sylvania’s', () => {
    const text = 'The denial was the first reply from Trentino since ZIS last week said that thousands of Sylvanian troops had arrived in Freedonia.';
    expect(pairs(text, 'en')).toEqual(['zedland:confirm']);
    expect(saidOn(text, 'en', 'zedland')).toEqual([['2026-05-04', '2026-05-10', 'range']]);
  });
});

describe('being unable to confirm is neither, though "memastikan" alone is a verb of saying', () => {
  it('id: "belum dapat memastikan kebenaran laporan" is neither; "memastikan kebenaran laporan" confirms', () => {
    expect(pairs('Juru bicara Kementerian Luar Negeri Zedland mengatakan pemerintahnya belum dapat memastikan kebenaran laporan pengerahan pasukan Sylvania ke Freedonia.', 'id')).toEqual(['zedland:neither']);
    expect(pairs('Juru bicara Kementerian Luar Negeri Zedland mengatakan pemerintahnya memastikan kebenaran laporan pengerahan pasukan Sylvania ke Freedonia.', 'id')).toEqual(['zedland:confirm']);
  });

  it('en: "was not yet able to confirm reports" is neither', () => {
    expect(pairs('A Zedland foreign ministry spokesman said his government was not yet able to confirm reports of Sylvanian troops in Freedonia.', 'en')).toEqual(['zedland:neither']);
  });
});

describe('a part someone is urged to keep out of is no report of a part', () => {
  it('id: "memperingatkan Zedland agar tidak terlibat" claims nothing; "mengatakan Zedland tidak terlibat" is the speaker’s neither', () => {
    const denial = 'Firefly membantah laporan soal pengerahan tentara Sylvania ke Freedonia.';
    expect(pairs(`${denial} Firefly juga memperingatkan Zedland agar tidak terlibat dalam konflik itu.`, 'id')).toEqual(['freedonia:deny']);
    expect(pairs(`${denial} Firefly juga mengatakan Zedland tidak terlibat dalam konflik itu.`, 'id')).toEqual(['freedonia:deny', 'freedonia:neither']);
  });

  it('en: "warned Zedland not to get involved" claims nothing; "said Zedland was not involved" is the speaker’s neither', () => {
    const denial = 'Firefly denied reports of Sylvanian troops in Freedonia.';
    expect(pairs(`${denial} Firefly also warned Zedland not to get involved in the conflict.`, 'en')).toEqual(['freedonia:deny']);
    expect(pairs(`${denial} Firefly also said Zedland was not involved in the conflict.`, 'en')).toEqual(['freedonia:deny', 'freedonia:neither']);
  });
});

describe('"two days after" counts back exactly from the last dated event (dates.approximate_numbers)', () => {
  it('en: "The admission came two days after Freedonia’s army chief, General Ruritan, praised ..." is two days before Monday', () => {
    const admitted = 'Sylvania on Monday confirmed for the first time that its troops were fighting in Freedonia.';
    expect(saidOn(`${admitted} The admission came two days after Freedonia's army chief, General Ruritan, praised the Sylvanian soldiers.`, 'en', 'freedonia')).toEqual([
      ['2026-05-09', '2026-05-09', 'day'],
    ]);
    // "a few days" is no exact count: nothing to count back from.
    expect(saidOn(`${admitted} The admission came a few days after Freedonia's army chief praised the Sylvanian soldiers.`, 'en', 'freedonia')).toEqual([
      ['2026-05-14', '2026-05-14', 'day'],
    ]);
  });

  it('id: "Pengakuan itu muncul dua hari setelah panglima militer Freedonia memuji ..." is two days before Monday', () => {
    const admitted = 'Sylvania pada Senin (11/5) untuk pertama kalinya mengonfirmasi bahwa pasukannya bertempur di Freedonia.';
    expect(saidOn(`${admitted} Pengakuan itu muncul dua hari setelah panglima militer Freedonia memuji kepahlawanan prajurit Sylvania.`, 'id', 'freedonia')).toEqual([
      ['2026-05-09', '2026-05-09', 'day'],
    ]);
    expect(saidOn(`${admitted} Pengakuan itu muncul beberapa hari setelah panglima militer Freedonia memuji kepahlawanan prajurit Sylvania.`, 'id', 'freedonia')).toEqual([
      ['2026-05-14', '2026-05-14', 'day'],
    ]);
  });
});

describe('the agent’s words on its forces’ readiness are no word on the deployment', () => {
  it('en: "the readiness of Sylvania’s strategic forces" is governed by "of", not by the adjective; "Sylvania’s elite troops had been deployed" still confirms', () => {
    expect(pairs('Trentino said the launch showed the readiness of Sylvania\'s strategic forces to respond to any threat in Freedonia.', 'en')).toEqual([]);
    expect(pairs('Trentino said Sylvania\'s elite troops had been deployed to Freedonia.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "kesiapan pasukan strategis Sylvania" names the readiness (grammar.circumstance_heads); "pasukan elite Sylvania telah dikerahkan" still confirms', () => {
    expect(pairs('Trentino mengatakan peluncuran itu menunjukkan kesiapan pasukan strategis Sylvania untuk menghadapi ancaman apa pun di Freedonia.', 'id')).toEqual([]);
    expect(pairs('Trentino mengatakan pasukan elite Sylvania telah dikerahkan ke Freedonia.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('a cue whose object is another thing does not take the proposition from the sentence before (references.generic_objects)', () => {
  it('en: "did not comment on the launch", "condemned the launch" claim nothing; "did not comment on the matter" is neither', () => {
    const report = 'Marsovia says Sylvanian units are fighting in Freedonia.';
    expect(pairs(`${report} Sylvania launched a missile on Tuesday. Freedonia did not comment on the launch.`, 'en')).toEqual(['marsovia:confirm']);
    expect(pairs(`${report} Zedland condemned the launch.`, 'en')).toEqual(['marsovia:confirm']);
    expect(pairs(`${report} Freedonia did not comment on the matter.`, 'en')).toEqual(['freedonia:neither', 'marsovia:confirm']);
  });

  it('id: "tidak berkomentar soal peluncuran itu", "mengecam peluncuran itu" claim nothing; "soal hal itu", "mengecam langkah itu" point back', () => {
    const report = 'Marsovia menyebut unit Sylvania bertempur di Freedonia.';
    expect(pairs(`${report} Freedonia tidak berkomentar soal peluncuran itu.`, 'id')).toEqual(['marsovia:confirm']);
    expect(pairs(`${report} Zedland mengecam peluncuran itu.`, 'id')).toEqual(['marsovia:confirm']);
    expect(pairs(`${report} Freedonia tidak berkomentar soal hal itu.`, 'id')).toEqual(['freedonia:neither', 'marsovia:confirm']);
    expect(pairs(`${report} Zedland mengecam langkah itu.`, 'id')).toEqual(['marsovia:confirm', 'zedland:confirm']);
    // Rumours are what was reported before: the cue still points back.
    expect(pairs(`${report} Freedonia tidak mengkonfirmasi atau menyangkal rumor tersebut.`, 'id')).toEqual(['freedonia:neither', 'marsovia:confirm']);
  });

  it('en: "neither confirmed nor denied the rumours" points back', () => {
    expect(pairs('Marsovia says Sylvanian units are fighting in Freedonia. Freedonia neither confirmed nor denied the rumours.', 'en')).toEqual(['freedonia:neither', 'marsovia:confirm']);
  });
});

describe('"that" inside the words opens a clause as the words themselves do', () => {
  it('en: "\'We assess that Sylvanian soldiers have been engaged in combat ...,\' the ZIS said" confirms', () => {
    expect(pairs('"We assess that Sylvanian soldiers have been engaged in combat in Freedonia," the ZIS said.', 'en')).toEqual(['zedland:confirm']);
  });

  it('id: "“Kami menilai bahwa tentara Sylvania telah bertempur ...,” kata juru bicara ZIS" confirms', () => {
    expect(pairs('"Kami menilai bahwa tentara Sylvania telah bertempur di Freedonia," kata juru bicara ZIS.', 'id')).toEqual(['zedland:confirm']);
  });
});

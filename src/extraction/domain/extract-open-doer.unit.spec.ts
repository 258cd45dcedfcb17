// Phenomena the development set fixtures/eval/dev/nord-stream-sabotage found: investigators who
// close a case and decline to say who did the deed, in a sentence whose first verb reports other
// words. The sentences are our own, about the fictional watch
// test/fixtures/watches/freedonia-bridge-blast.yaml (agent: Freedonia; Trentino speaks for
// Sylvania, Pinky for Zedland), each in English and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { extract, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-05-14';
const bridge = parseWatch(readFixture('test/fixtures/watches/freedonia-bridge-blast.yaml'), 'freedonia-bridge-blast.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, bridge);
}

describe('a refusal after "and"/"but" following reported words is the speaker’s', () => {
  it('en: "said the case ... , but declined to say who" is the speaker’s neither', () => {
    expect(pairs('Trentino said the case was outside Sylvanian jurisdiction, but declined to say who carried out the sabotage.', 'en')).toEqual(['sylvania:neither']);
  });

  it('id: "mengatakan kasus itu ... dan menolak mengungkapkan siapa" is the speaker’s neither', () => {
    expect(pairs('Trentino mengatakan kasus itu sudah ditutup dan menolak mengungkapkan siapa yang melakukan sabotase.', 'id')).toEqual(['sylvania:neither']);
  });

  it('en: a blame after "and" inside reported words stays with their own subject', () => {
    expect(pairs('Trentino said some newspapers had exaggerated and blamed Freedonian forces for the blast.', 'en')).toEqual([]);
  });
});

describe('"and" after other words ends the reach of a negation before it', () => {
  it('id: "tidak berada dalam yurisdiksi Sylvania dan menolak mengungkapkan siapa" is a refusal, not a negated one', () => {
    expect(pairs('Trentino mengatakan kasus itu tidak berada dalam yurisdiksi Sylvania dan menolak mengungkapkan siapa yang melakukan sabotase.', 'id')).toEqual(['sylvania:neither']);
  });

  it('en: "was not ... and declined to say who" is a refusal, not a negated one', () => {
    expect(pairs('Trentino said the case was not within Sylvanian jurisdiction and declined to say who carried out the sabotage.', 'en')).toEqual(['sylvania:neither']);
  });

  it('en, id: a negation right before the names of a pair still reaches the verb after them', () => {
    expect(pairs('Neither Trentino nor Pinky has confirmed that Freedonian forces blew up the bridge.', 'en')).toEqual(['sylvania:neither', 'zedland:neither']);
    expect(pairs('Firefly tidak membantah dan tidak membenarkan bahwa pasukan Freedonia meledakkan jembatan itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('a refusal whose own words ask who did it is neither, whatever part of another the sentence names', () => {
  it('en: "declined to say who" beside another party’s jurisdiction', () => {
    expect(pairs('Trentino said the case lay within Zedland’s jurisdiction and declined to say who carried out the sabotage.', 'en')).toEqual(['sylvania:neither']);
  });

  it('id: "menolak mengungkapkan siapa" beside another party’s jurisdiction', () => {
    expect(pairs('Trentino mengatakan kasus itu berada dalam yurisdiksi Zedland dan menolak mengungkapkan siapa yang melakukan sabotase.', 'id')).toEqual(['sylvania:neither']);
  });
});

describe('a denial "always" made, "sejak awal", was made before publication', () => {
  it('en: "Freedonia has always denied any role in the blast" is bounded by the day before', () => {
    const { claims } = extract('Freedonia has always denied any role in the blast.', PUBLISHED, 'en', bridge);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.to])).toEqual([['freedonia', 'deny', '2026-05-13']]);
  });

  it('id: "Freedonia sejak awal membantah terlibat dalam ledakan itu" is bounded by the day before', () => {
    const { claims } = extract('Freedonia sejak awal membantah terlibat dalam ledakan jembatan itu.', PUBLISHED, 'id', bridge);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.to])).toEqual([['freedonia', 'deny', '2026-05-13']]);
  });
});

describe('"at the time", "saat itu" is the occasion the text last dated', () => {
  it('en: "Trentino said at the time" after "on 7 May" is 7 May', () => {
    const { claims } = extract('Sylvania closed its inquiry into the blast on 7 May. Trentino said at the time that he declined to say who carried out the sabotage.', PUBLISHED, 'en', bridge);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['sylvania', 'neither', '2026-05-07', '2026-05-07']]);
  });

  it('id: "Trentino saat itu mengatakan" after "pada 7 Mei" is 7 May', () => {
    const { claims } = extract('Sylvania menutup penyelidikan ledakan itu pada 7 Mei. Trentino saat itu menolak mengungkapkan siapa yang melakukan sabotase.', PUBLISHED, 'id', bridge);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['sylvania', 'neither', '2026-05-07', '2026-05-07']]);
  });
});

describe('a report of the deed dismissed as a tale or a diversion is a deny label', () => {
  it('en: "a fairy tale", "to divert attention"', () => {
    expect(pairs('Trentino called the reports that Freedonian forces blew up the bridge a fairy tale.', 'en')).toEqual(['sylvania:deny']);
    expect(pairs('Trentino said the reports that Freedonian forces blew up the bridge were meant to divert attention.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "hanyalah dongeng", "mengalihkan perhatian", "menutupi jejak"', () => {
    expect(pairs('Trentino menyebut laporan bahwa pasukan Freedonia meledakkan jembatan itu hanyalah dongeng.', 'id')).toEqual(['sylvania:deny']);
    expect(pairs('Trentino mengatakan laporan bahwa pasukan Freedonia meledakkan jembatan itu hanya untuk mengalihkan perhatian.', 'id')).toEqual(['sylvania:deny']);
    expect(pairs('Trentino menilai laporan soal pasukan Freedonia itu sebagai upaya untuk menutupi jejak pelaku ledakan jembatan.', 'id')).toEqual(['sylvania:deny']);
  });
});

describe('a report dismissed as a cover for the real doer (grammar.real_doers) is a deny', () => {
  it('en: "a cover for those really responsible for the blast"', () => {
    expect(pairs('Trentino called the report on Freedonian forces an attempt to divert attention from those really responsible for the blast.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "menutupi jejak pihak yang sebenarnya bertanggung jawab"', () => {
    expect(pairs('Trentino menilai laporan soal pasukan Freedonia itu sebagai upaya untuk menutupi jejak pihak yang sebenarnya bertanggung jawab atas ledakan jembatan.', 'id')).toEqual(['sylvania:deny']);
  });
});

describe('a quotation opened by a hedge and "that"/"bahwa" weighs a hypothesis', () => {
  it('en: "“The possibility that this was a false flag to blame Freedonian forces ...”" is no blame', () => {
    expect(pairs('“The possibility that this was a false-flag operation to blame Freedonian forces for the sabotage is just as high,” Trentino told reporters.', 'en')).toEqual([]);
  });

  it('id: "“Kemungkinan bahwa ini operasi bendera palsu untuk menyalahkan pasukan Freedonia ...”" is no blame', () => {
    expect(pairs('“Kemungkinan bahwa ini adalah operasi bendera palsu untuk menyalahkan pasukan Freedonia atas sabotase itu sama besarnya,” kata Trentino.', 'id')).toEqual([]);
  });

  it('en: a quotation whose hedge comes later still blames', () => {
    expect(pairs('“Freedonian forces blew up the bridge, and we may never know why,” Trentino told reporters.', 'en')).toEqual(['sylvania:confirm']);
  });
});

describe('a date right before "and" also dates the clause it closes', () => {
  it('en: "declined to comment on the report on Tuesday and said ..." is Tuesday', () => {
    const { claims } = extract('Zedland said Freedonian forces blew up the bridge. Trentino declined to comment on the report on Tuesday and said the inquiry should finish first.', PUBLISHED, 'en', bridge);
    expect(claims.filter((claim) => claim.actorId === 'sylvania').map((claim) => [claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['neither', '2026-05-12', '2026-05-12']]);
  });

  it('id: "menolak berkomentar soal laporan itu pada Selasa (12/5) dan mengatakan ..." is Tuesday', () => {
    const { claims } = extract('Zedland menyebut pasukan Freedonia meledakkan jembatan itu. Trentino menolak berkomentar soal laporan itu pada Selasa (12/5) dan mengatakan penyelidikan harus selesai lebih dulu.', PUBLISHED, 'id', bridge);
    expect(claims.filter((claim) => claim.actorId === 'sylvania').map((claim) => [claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['neither', '2026-05-12', '2026-05-12']]);
  });

  it('en: a date in a clause after a comma ("..., where its forces attacked in August and ...") does not date the statement', () => {
    const { claims } = extract('Trentino said Freedonian forces blew up the bridge on the border, where Sylvanian troops attacked in August and took two villages.', PUBLISHED, 'en', bridge);
    expect(claims.filter((claim) => claim.actorId === 'sylvania').map((claim) => [claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['confirm', PUBLISHED, PUBLISHED]]);
  });

  it('id: "..., tempat pasukan Sylvania menyerang pada bulan Agustus dan ..." does not date the statement', () => {
    const { claims } = extract('Trentino mengatakan pasukan Freedonia meledakkan jembatan di perbatasan, tempat pasukan Sylvania menyerang pada bulan Agustus dan merebut dua desa.', PUBLISHED, 'id', bridge);
    expect(claims.filter((claim) => claim.actorId === 'sylvania').map((claim) => [claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['confirm', PUBLISHED, PUBLISHED]]);
  });
});

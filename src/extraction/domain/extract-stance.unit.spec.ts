// Hard cases 1, 2, 3, 7 and 10 of DESIGN.md "Extraction", each in Indonesian and English:
// which stance a cue expresses, and whose stance it is.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { claimOf, expectClaims, extract, readFixture } from './extraction.fixture.js';

const PUBLISHED = '2024-10-25';
const ON_PUBLICATION: [string, string, 'day'] = [PUBLISHED, PUBLISHED, 'day'];

describe('1. neither confirms nor denies, although a deny and a confirm cue are both present', () => {
  it('id: "tidak membenarkan ataupun membantah" is one neither', () => {
    const sentence =
      'Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova tidak membenarkan ataupun membantah laporan bahwa tentara Korea Utara berada di Kursk.';
    const result = extract(sentence, PUBLISHED, 'id');
    expectClaims(result, [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
    expect(claimOf(result, 'russia', 'neither').evidence.cues).toEqual(['tidak membenarkan ataupun membantah']);
  });

  it('id: "tidak mengkonfirmasi atau menyangkal" with two subjects gives both actors', () => {
    const sentence = 'Pyongyang dan Moskow sejauh ini tidak mengkonfirmasi atau menyangkal pengiriman pasukan Korea Utara.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'dprk', stance: 'neither', sentence, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: "neither confirmed nor denied"', () => {
    const sentence = 'Kremlin spokesman Dmitry Peskov neither confirmed nor denied that North Korean soldiers were fighting in Kursk.';
    const result = extract(sentence, PUBLISHED, 'en');
    expectClaims(result, [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
    expect(claimOf(result, 'russia', 'neither').speaker).toBe('Kremlin spokesman Dmitry Peskov');
  });

  it('en: "would not confirm or deny"', () => {
    const sentence = 'The Pentagon would not confirm or deny reports that North Korean troops were in Russia.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'usa', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });
});

describe('2. declining to comment and "our business" are neither', () => {
  it('id: "menolak berkomentar"', () => {
    const sentence = 'Ketika ditanya soal pasukan Korea Utara, juru bicara Kremlin menolak berkomentar.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('id: "urusan kami" in a quote belongs to the speaker after it', () => {
    const sentence = '“Apa yang kami lakukan bersama sekutu adalah urusan kami,” kata Lavrov ketika ditanya tentang tentara Korea Utara.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "declined to comment"', () => {
    const sentence = 'Asked about North Korean troops, Peskov declined to comment.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "is our business", the proposition named in the sentence before', () => {
    const context = 'Reports say North Korean troops have arrived in Russia.';
    const sentence = '“What we do with our allies is our business,” Lavrov told reporters.';
    expectClaims(extract(`${context} ${sentence}`, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });
});

describe('2b. declining to comment while taking a side is taking that side', () => {
  it('id: "enggan berkomentar ... berita palsu" is a denial', () => {
    const sentence = 'Peskov enggan berkomentar dan menyebut kabar soal tentara Korea Utara itu berita palsu.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "declined to comment on what he called fake news" is a denial', () => {
    const sentence = 'Peskov declined to comment on what he called “fake news” about North Korean troops.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });
});

describe('3. a negated cue is not the cue’s stance: it is neither', () => {
  it('id: "belum mengonfirmasi" and "tidak membantah"', () => {
    const first = 'Pentagon belum mengonfirmasi laporan pengiriman pasukan Korea Utara ke Rusia.';
    const second = 'Seoul tidak membantah bahwa pasukan Korea Utara telah tiba di Kursk.';
    expectClaims(extract(`${first} ${second}`, PUBLISHED, 'id'), [
      { actor: 'usa', stance: 'neither', sentence: first, saidOn: ON_PUBLICATION },
      { actor: 'south-korea', stance: 'neither', sentence: second, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: "tidak dapat mengkonfirmasi", reported by another actor, is the Pentagon’s', () => {
    const sentence = 'Peskov mengingatkan bahwa Pentagon tidak dapat mengkonfirmasi penempatan pasukan Korea Utara.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'usa', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "could not confirm" and "did not deny"', () => {
    const first = 'The Pentagon could not confirm reports that North Korean troops had arrived in Russia.';
    const second = 'Moscow did not deny that North Korean soldiers were in Kursk.';
    const result = extract(`${first} ${second}`, PUBLISHED, 'en');
    expectClaims(result, [
      { actor: 'usa', stance: 'neither', sentence: first, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'neither', sentence: second, saidOn: ON_PUBLICATION },
    ]);
    expect(claimOf(result, 'russia', 'neither').evidence.cues).toEqual(['not deny']);
  });

  it('en: "has yet to confirm"', () => {
    const sentence = 'NATO has yet to confirm the presence of North Korean troops in Russia.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'nato', stance: 'neither', sentence, saidOn: ON_PUBLICATION }]);
  });
});

describe('7. accusations and denied reports', () => {
  it('id: the accuser confirms, the accused does not', () => {
    const sentence = 'Zelensky menuduh Korea Utara mengirim ribuan tentara untuk membantu Rusia.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'ukraine', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('id: a passive accusation belongs to its agent, and to nobody without one', () => {
    const withAgent = 'Korea Utara dituduh oleh Ukraina mengirim pasukan ke Rusia.';
    const withoutAgent = 'Korea Utara juga dituduh mengirim pasukan ke Rusia.';
    expectClaims(extract(`${withAgent} ${withoutAgent}`, PUBLISHED, 'id'), [
      { actor: 'ukraine', stance: 'confirm', sentence: withAgent, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: the accuser confirms, the accused does not', () => {
    const sentence = 'Zelensky accused North Korea of sending thousands of soldiers to fight for Russia.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'ukraine', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: a passive accusation belongs to its agent, and to nobody without one', () => {
    const withAgent = 'North Korea was accused by Kyiv of sending troops to Russia.';
    const withoutAgent = 'North Korea has also been accused of sending troops to Russia.';
    expectClaims(extract(`${withAgent} ${withoutAgent}`, PUBLISHED, 'en'), [
      { actor: 'ukraine', stance: 'confirm', sentence: withAgent, saidOn: ON_PUBLICATION },
    ]);
  });

  // Denying a report of the proposition is denying the proposition; denying an unrelated report
  // is no claim on this watch, and the outlet whose report it was is not an actor.
  it('id: denying the report of the deployment, not a report about something else', () => {
    const aboutTroops = 'Pyongyang membantah laporan media Korea Selatan tentang pengiriman pasukan Korea Utara.';
    const aboutOther = 'NATO membantah laporan bahwa pihaknya akan mengirim pelatih ke Ukraina.';
    expectClaims(extract(`${aboutTroops} ${aboutOther}`, PUBLISHED, 'id'), [
      { actor: 'dprk', stance: 'deny', sentence: aboutTroops, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: denying the report of the deployment, not a report about something else', () => {
    const aboutTroops = 'Pyongyang denied South Korean media reports about the deployment of North Korean troops.';
    const aboutOther = 'NATO denied a report that it would send instructors to Ukraine.';
    expectClaims(extract(`${aboutTroops} ${aboutOther}`, PUBLISHED, 'en'), [
      { actor: 'dprk', stance: 'deny', sentence: aboutTroops, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id and en: a cue about another proposition is no claim', () => {
    expectClaims(extract('Pyongyang membantah telah memasok senjata kepada Moskow. Kremlin menolak berkomentar soal harga minyak.', PUBLISHED, 'id'), []);
    expectClaims(extract('Pyongyang denied supplying weapons to Moscow. The Kremlin declined to comment on oil prices.', PUBLISHED, 'en'), []);
  });
});

describe('10. morphology: every inflected form of a cue, and the actor each form points to', () => {
  it('id: membantah / dibantah (oleh) / bantahan / membantahnya; mengkonfirmasi / mengonfirmasi / dikonfirmasi', () => {
    const passiveWithOleh = 'Laporan pengiriman pasukan Korea Utara dibantah oleh Kremlin.';
    const passiveBare = 'Laporan itu juga dibantah Pyongyang.';
    const noun = 'Bantahan Moskow muncul setelah NIS mengkonfirmasi keberadaan tentara Korea Utara.';
    const clitic = 'Kementerian Pertahanan Rusia kemudian membantahnya.';
    const active = 'Pentagon mengonfirmasi pengerahan itu, dan keberadaan pasukan Korea Utara dikonfirmasi oleh NATO.';
    const text = [passiveWithOleh, passiveBare, noun, clitic, active].join(' ');
    expectClaims(extract(text, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'deny', sentence: passiveWithOleh, saidOn: ON_PUBLICATION },
      { actor: 'dprk', stance: 'deny', sentence: passiveBare, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: noun, saidOn: ON_PUBLICATION },
      // The denial came after the NIS confirmed: the confirmation is bounded by it (said-on.ts).
      { actor: 'south-korea', stance: 'confirm', sentence: noun, saidOn: [null, PUBLISHED, 'before'] },
      { actor: 'russia', stance: 'deny', sentence: clitic, saidOn: ON_PUBLICATION },
      { actor: 'usa', stance: 'confirm', sentence: active, saidOn: ON_PUBLICATION },
      { actor: 'nato', stance: 'confirm', sentence: active, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: denies / was denied by / Moscow’s denial; confirmed / was confirmed by', () => {
    const passive = 'Reports of North Korean troops in Russia were denied by the Kremlin.';
    const noun = "Moscow's denial came after the NIS confirmed the presence of North Korean soldiers.";
    const passiveConfirm = 'The deployment of North Korean troops was confirmed by NATO.';
    const present = 'Pyongyang denies it.';
    const text = [passive, noun, passiveConfirm, present].join(' ');
    expectClaims(extract(text, PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'deny', sentence: passive, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: noun, saidOn: ON_PUBLICATION },
      // The denial came after the NIS confirmed: the confirmation is bounded by it (said-on.ts).
      { actor: 'south-korea', stance: 'confirm', sentence: noun, saidOn: [null, PUBLISHED, 'before'] },
      { actor: 'nato', stance: 'confirm', sentence: passiveConfirm, saidOn: ON_PUBLICATION },
      { actor: 'dprk', stance: 'deny', sentence: present, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: a hedged cue is no claim ("Jika dikonfirmasi ...")', () => {
    expectClaims(extract('“Jika dikonfirmasi bahwa tentara Korea Utara ada di Kursk, ini eskalasi,” kata Zelensky.', PUBLISHED, 'id'), []);
  });

  it('en: a hedged cue is no claim ("if confirmed")', () => {
    expectClaims(extract('“If confirmed, the deployment of North Korean troops would be an escalation,” Zelensky said.', PUBLISHED, 'en'), []);
  });
});

describe('refusals, labels and possessors as real outlets phrase them (issue 12, item 3)', () => {
  // A watch without an agent whose first group lists Sylvania's names (test/fixtures/watches).
  const units = parseWatch(readFixture('test/fixtures/watches/sylvania-units.yaml'), 'sylvania-units.yaml');
  const pairs = (text: string, language: string) =>
    [...new Set(extract(text, '2026-03-12', language, units).claims.map((claim) => `${claim.actorId}:${claim.stance}@${claim.saidOn.to}`))].sort();

  it('en and id: a refusal reaches "to confirm or deny" across the words between', () => {
    expect(pairs('Sylvanian officials refused during a briefing on Tuesday to confirm or deny the presence of Sylvanian troops in Marsovia.', 'en'))
      .toEqual(['sylvania:neither@2026-03-10']);
    expect(pairs('Pejabat Sylvania menolak dalam jumpa pers pada Selasa untuk mengonfirmasi atau membantah keberadaan pasukan Sylvania di Marsovia.', 'id'))
      .toEqual(['sylvania:neither@2026-03-10']);
  });

  it('en and id: "is refusing to comment", "will not discuss", "tidak akan membahas" are neither', () => {
    expect(pairs('The Sylvanian defence ministry is refusing to comment on reports of Sylvanian troops in Marsovia.', 'en')).toEqual(['sylvania:neither@2026-03-12']);
    expect(pairs('“We will not discuss the movements of our units,” the Sylvanian spokesman said.', 'en')).toEqual(['sylvania:neither@2026-03-12']);
    expect(pairs('“Kami tidak akan membahas pergerakan pasukan kami,” kata juru bicara Sylvania.', 'id')).toEqual(['sylvania:neither@2026-03-12']);
  });

  it('en and id: "the report was wrong", "flat out wrong", "keliru" deny; "was wrong to send" is no label', () => {
    expect(pairs('A Sylvanian spokeswoman said the report about Sylvanian troops in Marsovia was wrong.', 'en')).toEqual(['sylvania:deny@2026-03-12']);
    expect(pairs('Reports of Sylvanian troops in Marsovia are flat out wrong, the Sylvanian defence minister said.', 'en')).toEqual(['sylvania:deny@2026-03-12']);
    expect(pairs('Marsovia said Sylvania was wrong to send troops to Marsovia.', 'en')).toEqual(['marsovia:confirm@2026-03-12']);
    expect(pairs('Juru bicara Sylvania menyebut laporan soal pasukan Sylvania di Marsovia itu keliru.', 'id')).toEqual(['sylvania:deny@2026-03-12']);
  });

  it('en: "said nothing about" is neither, "nothing to confirm" neither, "nothing but lies" deny', () => {
    expect(pairs('The Sylvanian spokesman said nothing about Sylvanian troops in Marsovia.', 'en')).toEqual(['sylvania:neither@2026-03-12']);
    expect(pairs('“We have nothing to confirm the press reports about Sylvanian troops in Marsovia,” the Sylvanian spokesman said.', 'en')).toEqual(['sylvania:neither@2026-03-12']);
    expect(pairs('Reports of Sylvanian troops in Marsovia are nothing but lies, the Sylvanian minister said.', 'en')).toEqual(['sylvania:deny@2026-03-12']);
  });

  it('en and id: "repeated its denial", "menegaskan bantahannya atas laporan bahwa ...": the subject’s denial, and no assertion of the report’s words', () => {
    expect(pairs('Sylvania on Friday repeated its denial of reports that Sylvanian troops were in Marsovia.', 'en')).toEqual(['sylvania:deny@2026-03-06']);
    expect(pairs('Sylvania pada Jumat kembali menegaskan bantahannya atas laporan bahwa pasukan Sylvania berada di Marsovia.', 'id')).toEqual(['sylvania:deny@2026-03-06']);
  });

  it('en and id: a passive cue’s agent after "by a", "oleh seorang"', () => {
    expect(pairs('The report of Sylvanian troops in Marsovia was refuted by a Sylvanian spokeswoman hours after its release.', 'en')).toEqual(['sylvania:deny@2026-03-12']);
    expect(pairs('Laporan soal pasukan Sylvania di Marsovia dibantah oleh seorang juru bicara Sylvania beberapa jam setelah terbit.', 'id')).toEqual(['sylvania:deny@2026-03-12']);
  });

  it('en and id: speculation about what an actor named by a topic group may do later is no claim', () => {
    expect(pairs('Sylvania could send more troops to Marsovia next year, Marsovia warned.', 'en')).toEqual([]);
    expect(pairs('Sylvania bisa saja mengirim lebih banyak pasukan ke Marsovia tahun depan, kata Marsovia.', 'id')).toEqual([]);
  });
});

// Issue 12, items 5-7, each in English and Indonesian, with a watch about fictional countries
// that lists names, demonyms and a few people but no offices: speakers found through the
// language packs' office nouns, coordination, pronouns, and dates counted from other events.

import { describe, expect, it } from '@jest/globals';
import type { DatePrecision } from '../../domain/vocabulary.js';
import { claimOf, expectClaims, extract, freedoniaWatch } from './extraction.fixture.js';

// Monday 10 March 2025.
const PUBLISHED = '2025-03-10';
const ON_PUBLICATION: [string, string, DatePrecision] = [PUBLISHED, PUBLISHED, 'day'];
const day = (iso: string): [string, string, DatePrecision] => [iso, iso, 'day'];

const run = (text: string, language: string, published = PUBLISHED) => extract(text, published, language, freedoniaWatch);

describe('5. offices the watch does not list speak for the country beside them', () => {
  it('en: "the Freedonian foreign ministry spokesman" and "defence intelligence spokesman <Name>"', () => {
    const ministry = 'The Freedonian foreign ministry spokesman denied that Freedonia had sent any drones to Sylvania.';
    const intelligence = "Sylvania's defence intelligence spokesman Petra Ostrova said the downed drones were Freedonian.";
    expectClaims(run(`${ministry} ${intelligence}`, 'en'), [
      { actor: 'freedonia', stance: 'deny', sentence: ministry, saidOn: ON_PUBLICATION },
      { actor: 'sylvania', stance: 'confirm', sentence: intelligence, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: "<Name>, head of Sylvania\'s defence intelligence, said"', () => {
    const sentence = "Petra Ostrova, head of Sylvania's defence intelligence, said Freedonian drones had hit the port.";
    expectClaims(run(sentence, 'en'), [{ actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('id: "juru bicara Kementerian Luar Negeri Freedonia" and "media pemerintah Freedonia"', () => {
    const ministry = 'Juru bicara Kementerian Luar Negeri Freedonia membantah bahwa Freedonia mengirim drone ke Sylvania.';
    const media = 'Media pemerintah Freedonia juga membantah pengiriman drone itu.';
    expectClaims(run(`${ministry} ${media}`, 'id'), [
      { actor: 'freedonia', stance: 'deny', sentence: ministry, saidOn: ON_PUBLICATION },
      { actor: 'freedonia', stance: 'deny', sentence: media, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: "Freedonian state media" speaks for Freedonia, "Freedonian media" does not', () => {
    const state = 'Freedonian state media denied that drones were sent to Sylvania.';
    const press = 'Freedonian media reported that drones were sent to Sylvania.';
    expectClaims(run(`${state} ${press}`, 'en'), [{ actor: 'freedonia', stance: 'deny', sentence: state, saidOn: ON_PUBLICATION }]);
  });

  it('en: "its UN representative" is the party the text named last', () => {
    const first = 'Marsovia rejected the accusations on the record.';
    const second = 'Its UN representative said the drones shot down over the capital were Freedonian.';
    expectClaims(run(`${first} ${second}`, 'en'), [{ actor: 'marsovia', stance: 'confirm', sentence: second, saidOn: ON_PUBLICATION }]);
  });

  it('id: "perwakilannya di PBB" is the party the text named last', () => {
    const first = 'Marsovia menolak tuduhan itu.';
    const second = 'Perwakilannya di PBB mengatakan drone yang jatuh di ibu kota adalah drone Freedonia.';
    expectClaims(run(`${first} ${second}`, 'id'), [{ actor: 'marsovia', stance: 'confirm', sentence: second, saidOn: ON_PUBLICATION }]);
  });

  it.each([
    ['Abdul-Rahman Karimov'],
    ['Abdul Rahman Karimov'],
    ['Abdulrahman Karimov'],
  ])('en: a listed name matches written as "%s"', (name) => {
    const sentence = `${name} denied that Freedonia supplied drones to Sylvania.`;
    const result = run(sentence, 'en');
    expectClaims(result, [{ actor: 'freedonia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
    expect(claimOf(result, 'freedonia', 'deny').speaker).toBe(name);
  });

  it('en and id: a publication named after a place is not that place', () => {
    const times = 'The Freedonia Times reported that Freedonia had supplied drones to Sylvania.';
    const post = 'The Marsovia Post said Freedonian drones were used in the attack.';
    const harian = 'Marsovia Post melaporkan bahwa drone Freedonia digunakan.';
    expectClaims(run(`${times} ${post}`, 'en'), []);
    expectClaims(run(harian, 'id'), []);
  });

  it('en and id: unnamed sources are nobody, even with a country beside them', () => {
    const familiar = 'Two sources familiar with the matter said Freedonia had supplied drones to Sylvania.';
    const government = 'Marsovian government sources said Freedonian drones were delivered last year.';
    const sumber = 'Sumber yang mengetahui masalah itu mengatakan Freedonia memasok drone ke Sylvania.';
    const sumberPemerintah = 'Sumber pemerintah Marsovia mengatakan drone Freedonia sudah dikirim.';
    expectClaims(run(`${familiar} ${government}`, 'en'), []);
    expectClaims(run(`${sumber} ${sumberPemerintah}`, 'id'), []);
  });

  it('en and id: a dateline is not a speaker and does not hide the sentence after it', () => {
    const colon = 'FREDVILLE: Freedonian drones were never sent abroad, the government insists.';
    const agency = 'UNITED NATIONS, March 8 /Wire/ - Marsovia said Freedonian drones were used.';
    const kompas = 'FREDVILLE, KOMPAS.com - Sylvania membantah menerima drone dari Freedonia.';
    expectClaims(run(colon, 'en'), []);
    expectClaims(run(agency, 'en'), [{ actor: 'marsovia', stance: 'confirm', sentence: agency, saidOn: day('2025-03-08') }]);
    expectClaims(run(kompas, 'id'), [{ actor: 'sylvania', stance: 'deny', sentence: kompas, saidOn: ON_PUBLICATION }]);
  });
});

describe('6. coordination and reference back', () => {
  it('en: "both X and Y rejected" and "X denied it, as did Y"', () => {
    const both = 'Both Freedonia and Marsovia rejected reports that Freedonian drones were supplied.';
    const asDid = 'Freedonia denied supplying the drones, as did Sylvania.';
    expectClaims(run(`${both} ${asDid}`, 'en'), [
      { actor: 'freedonia', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
      { actor: 'freedonia', stance: 'deny', sentence: asDid, saidOn: ON_PUBLICATION },
      { actor: 'sylvania', stance: 'deny', sentence: asDid, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: "X dan Y membantah" and "X membantah, begitu pula Y"', () => {
    const both = 'Freedonia dan Sylvania membantah adanya pengiriman drone.';
    const likewise = 'Freedonia membantah memasok drone, begitu pula Sylvania.';
    expectClaims(run(`${both} ${likewise}`, 'id'), [
      { actor: 'freedonia', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
      { actor: 'sylvania', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
      { actor: 'freedonia', stance: 'deny', sentence: likewise, saidOn: ON_PUBLICATION },
      { actor: 'sylvania', stance: 'deny', sentence: likewise, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: a second verb keeps its own subject; a clause without one keeps the first', () => {
    const own = 'Sylvania denied the report and Marsovia confirmed that Freedonian drones were supplied.';
    const kept = 'Freedonia initially dismissed reports of Freedonian drones, but on Friday confirmed the drones were sent.';
    expectClaims(run(`${own} ${kept}`, 'en'), [
      { actor: 'sylvania', stance: 'deny', sentence: own, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'confirm', sentence: own, saidOn: ON_PUBLICATION },
      { actor: 'freedonia', stance: 'deny', sentence: kept, saidOn: [null, '2025-03-06', 'before'] },
      { actor: 'freedonia', stance: 'confirm', sentence: kept, saidOn: day('2025-03-07') },
    ]);
  });

  it('en: reported words end before a clause of another subject ("..., while|but|and Y denied it")', () => {
    for (const joint of ['while', 'but', 'and']) {
      const sentence = `Sylvania said Freedonian drones had been supplied, ${joint} Marsovia denied the reports.`;
      expectClaims(run(sentence, 'en'), [
        { actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
        { actor: 'marsovia', stance: 'deny', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('id: reported words end before a clause of another subject ("..., sementara|namun|dan Y membantahnya")', () => {
    for (const joint of ['sementara', 'namun', 'dan']) {
      const sentence = `Sylvania mengatakan drone Freedonia telah dipasok, ${joint} Marsovia membantah laporan itu.`;
      expectClaims(run(sentence, 'id'), [
        { actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
        { actor: 'marsovia', stance: 'deny', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('en and id: "X and Y said" / "X dan Y mengatakan" gives both', () => {
    const said = 'Sylvania and Marsovia said Freedonian drones had been supplied.';
    const mengatakan = 'Sylvania dan Marsovia mengatakan drone Freedonia telah dipasok.';
    for (const [sentence, language] of [[said, 'en'], [mengatakan, 'id']]) {
      expectClaims(run(sentence, language), [
        { actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
        { actor: 'marsovia', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('en and id: "Neither X nor Y has confirmed" / "Baik X maupun Y belum mengonfirmasi" is neither for both', () => {
    const neither = 'Neither Freedonia nor Marsovia has confirmed that Freedonian drones were supplied.';
    const belum = 'Baik Freedonia maupun Marsovia belum mengonfirmasi bahwa drone Freedonia dipasok.';
    for (const [sentence, language] of [[neither, 'en'], [belum, 'id']]) {
      expectClaims(run(sentence, language), [
        { actor: 'freedonia', stance: 'neither', sentence, saidOn: ON_PUBLICATION },
        { actor: 'marsovia', stance: 'neither', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('en and id: "X and Y say" in a clause after another subject’s', () => {
    const say = 'Freedonia denied the reports, but Sylvania and Marsovia say Freedonian drones were supplied.';
    const mengatakan = 'Freedonia membantah laporan itu, namun Sylvania dan Marsovia mengatakan drone Freedonia telah dipasok.';
    for (const [sentence, language] of [[say, 'en'], [mengatakan, 'id']]) {
      expectClaims(run(sentence, language), [
        { actor: 'freedonia', stance: 'deny', sentence, saidOn: ON_PUBLICATION },
        { actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
        { actor: 'marsovia', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('en and id: "X and Y said" with Y a party the watch does not list gives X', () => {
    const said = 'Sylvania and Zedland said Freedonian drones had been supplied.';
    const mengatakan = 'Sylvania dan Zedland mengatakan drone Freedonia telah dipasok.';
    for (const [sentence, language] of [[said, 'en'], [mengatakan, 'id']]) {
      expectClaims(run(sentence, language), [{ actor: 'sylvania', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
    }
  });

  it('en and id: "X, like Y, has denied" / "X, seperti halnya Y, membantah" gives both', () => {
    const like = 'Freedonia, like Sylvania, has denied that Freedonian drones were supplied.';
    const seperti = 'Freedonia, seperti halnya Sylvania, membantah bahwa drone Freedonia dipasok.';
    for (const [sentence, language] of [[like, 'en'], [seperti, 'id']]) {
      expectClaims(run(sentence, language), [
        { actor: 'freedonia', stance: 'deny', sentence, saidOn: ON_PUBLICATION },
        { actor: 'sylvania', stance: 'deny', sentence, saidOn: ON_PUBLICATION },
      ]);
    }
  });

  it('id: "baik X maupun Y menolak" gives both', () => {
    const both = 'Baik Freedonia maupun Marsovia menolak laporan bahwa drone Freedonia dipasok.';
    expectClaims(run(both, 'id'), [
      { actor: 'freedonia', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'deny', sentence: both, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: a second verb keeps its own subject; a clause without one keeps the first', () => {
    const own = 'Sylvania membantah laporan itu dan Marsovia mengonfirmasi bahwa drone Freedonia telah dipasok.';
    const kept = 'Freedonia awalnya menepis laporan soal drone Freedonia, tetapi pada Jumat mengakui drone itu dikirim.';
    expectClaims(run(`${own} ${kept}`, 'id'), [
      { actor: 'sylvania', stance: 'deny', sentence: own, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'confirm', sentence: own, saidOn: ON_PUBLICATION },
      { actor: 'freedonia', stance: 'deny', sentence: kept, saidOn: [null, '2025-03-06', 'before'] },
      { actor: 'freedonia', stance: 'confirm', sentence: kept, saidOn: day('2025-03-07') },
    ]);
  });

  it('en and id: the actors whose names open a sentence without a cue are who "its", "they", "-nya", "mereka" refer to', () => {
    const its = 'Its UN representative said no Freedonian drones were supplied.';
    const they = 'They said Freedonian drones had been supplied.';
    expectClaims(run(`Freedonia spoke at the council. ${its}`, 'en'), [{ actor: 'freedonia', stance: 'deny', sentence: its, saidOn: ON_PUBLICATION }]);
    expectClaims(run(`Sylvania and Marsovia met in Fredville. ${they}`, 'en'), [
      { actor: 'sylvania', stance: 'confirm', sentence: they, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'confirm', sentence: they, saidOn: ON_PUBLICATION },
    ]);
    const perwakilannya = 'Perwakilannya di PBB mengatakan tidak ada drone Freedonia yang dipasok.';
    const mereka = 'Mereka mengatakan drone Freedonia telah dipasok.';
    expectClaims(run(`Freedonia berbicara di Dewan Keamanan. ${perwakilannya}`, 'id'), [
      { actor: 'freedonia', stance: 'deny', sentence: perwakilannya, saidOn: ON_PUBLICATION },
    ]);
    expectClaims(run(`Sylvania dan Marsovia bertemu di Fredville. ${mereka}`, 'id'), [
      { actor: 'sylvania', stance: 'confirm', sentence: mereka, saidOn: ON_PUBLICATION },
      { actor: 'marsovia', stance: 'confirm', sentence: mereka, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en and id: "they" / "mereka" is the last actor named as a subject, even in a sentence that claims nothing', () => {
    const they = 'They said no Freedonian drones were ever delivered.';
    const mereka = 'Mereka mengatakan tidak ada drone Freedonia yang dikirim.';
    expectClaims(run(`Freedonia rejected the accusations. ${they}`, 'en'), [
      { actor: 'freedonia', stance: 'deny', sentence: they, saidOn: ON_PUBLICATION },
    ]);
    expectClaims(run(`Freedonia membantah tuduhan itu. ${mereka}`, 'id'), [
      { actor: 'freedonia', stance: 'deny', sentence: mereka, saidOn: ON_PUBLICATION },
    ]);
  });
});

describe('7. dates counted from other events, and days the text does not spell out', () => {
  it('en: "the previous day", "the day before", "on the same day" count from the last dated event', () => {
    const said = 'Sylvania said on Thursday that Freedonian drones were used.';
    for (const [phrase, expected] of [
      ['Freedonia had denied it the previous day.', '2025-03-05'],
      ['Freedonia denied supplying drones the day before.', '2025-03-05'],
      ['On the same day, Freedonia denied supplying drones.', '2025-03-06'],
    ] as const) {
      expectClaims(run(`${said} ${phrase}`, 'en'), [
        { actor: 'sylvania', stance: 'confirm', sentence: said, saidOn: day('2025-03-06') },
        { actor: 'freedonia', stance: 'deny', sentence: phrase, saidOn: day(expected) },
      ]);
    }
  });

  it('en and id: "a week earlier", "two days earlier", "sepekan sebelumnya", "dua hari sebelumnya" count from the last dated event', () => {
    const said = 'Sylvania said on Thursday that Freedonian drones were used.';
    const kata = 'Sylvania pada Kamis mengatakan drone Freedonia digunakan.';
    for (const [context, phrase, language, expected] of [
      [said, 'A week earlier, Freedonia had denied supplying drones.', 'en', '2025-02-27'],
      [said, 'Freedonia denied supplying drones two days earlier.', 'en', '2025-03-04'],
      [kata, 'Sepekan sebelumnya, Freedonia membantah memasok drone.', 'id', '2025-02-27'],
      [kata, 'Dua hari sebelumnya, Freedonia membantah memasok drone.', 'id', '2025-03-04'],
    ] as const) {
      expectClaims(run(`${context} ${phrase}`, language), [
        { actor: 'sylvania', stance: 'confirm', sentence: context, saidOn: day('2025-03-06') },
        { actor: 'freedonia', stance: 'deny', sentence: phrase, saidOn: day(expected) },
      ]);
    }
  });

  it('id: "sehari sebelumnya" and "pada hari yang sama" count from the last dated event', () => {
    const said = 'Sylvania pada Kamis mengatakan drone Freedonia digunakan.';
    for (const [phrase, expected] of [
      ['Sehari sebelumnya, Freedonia membantah memasok drone.', '2025-03-05'],
      ['Pada hari yang sama, Freedonia membantah memasok drone.', '2025-03-06'],
    ] as const) {
      expectClaims(run(`${said} ${phrase}`, 'id'), [
        { actor: 'sylvania', stance: 'confirm', sentence: said, saidOn: day('2025-03-06') },
        { actor: 'freedonia', stance: 'deny', sentence: phrase, saidOn: day(expected) },
      ]);
    }
  });

  it('en and id: "Thursday last week" is one day of the week before, not the latest Thursday', () => {
    // Friday 14 March 2025: the latest Thursday is the 13th, Thursday last week the 6th.
    const en = 'Freedonia denied supplying drones on Thursday last week.';
    const id = 'Freedonia membantah memasok drone pada Kamis pekan lalu.';
    expectClaims(run(en, 'en', '2025-03-14'), [{ actor: 'freedonia', stance: 'deny', sentence: en, saidOn: day('2025-03-06') }]);
    expectClaims(run(id, 'id', '2025-03-14'), [{ actor: 'freedonia', stance: 'deny', sentence: id, saidOn: day('2025-03-06') }]);
  });

  it('en and id: "earlier this month" and "awal bulan ini" end the day before publication', () => {
    const en = 'Freedonia denied supplying drones earlier this month.';
    const id = 'Freedonia membantah memasok drone pada awal bulan ini.';
    expectClaims(run(en, 'en', '2025-03-05'), [{ actor: 'freedonia', stance: 'deny', sentence: en, saidOn: ['2025-03-01', '2025-03-04', 'month'] }]);
    expectClaims(run(id, 'id', '2025-03-05'), [{ actor: 'freedonia', stance: 'deny', sentence: id, saidOn: ['2025-03-01', '2025-03-04', 'month'] }]);
  });

  it('en: "on the 24th (local time)" is the latest 24th; id: "Kamis (6/3) waktu setempat"', () => {
    const en = 'Freedonia denied on the 24th (local time) that it supplied drones.';
    const id = 'Freedonia membantah memasok drone pada Kamis (6/3) waktu setempat.';
    expectClaims(run(en, 'en'), [{ actor: 'freedonia', stance: 'deny', sentence: en, saidOn: day('2025-02-24') }]);
    expectClaims(run(id, 'id'), [{ actor: 'freedonia', stance: 'deny', sentence: id, saidOn: day('2025-03-06') }]);
  });
});

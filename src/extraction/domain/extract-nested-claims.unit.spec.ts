// Issue 12, items 6 and 7: claims named by a noun ("the US claim that ...", "claims by the State
// Department that ...", "confirming an assessment NATO made a day earlier") are their owner's,
// and "that" opening a relative clause ("the report that Ukraine published on Monday") is no
// claim's words. Each in English and Indonesian where the language has it; the sentences are ours.

import { describe, it } from '@jest/globals';
import { expectClaims, extract } from './extraction.fixture.js';

/** Wednesday. */
const PUBLISHED = '2024-10-30';

describe('a claim named by a noun is a claim of its owner', () => {
  it('en: "confirming an assessment NATO made a day earlier" is NATO confirming, the day before the statement', () => {
    const sentence = 'US officials said on Tuesday that North Korean soldiers were in Kursk, confirming an assessment NATO made a day earlier.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [
      { actor: 'usa', stance: 'confirm', sentence, saidOn: ['2024-10-29', '2024-10-29', 'day'] },
      { actor: 'nato', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });

  it('id: "membenarkan penilaian yang dibuat NATO sehari sebelumnya"', () => {
    const sentence = 'AS pada Selasa mengonfirmasi keberadaan tentara Korea Utara di Kursk, membenarkan penilaian yang dibuat NATO sehari sebelumnya.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'usa', stance: 'confirm', sentence, saidOn: ['2024-10-29', '2024-10-29', 'day'] },
      { actor: 'nato', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });

  it('en: "did not dispute the US claim that ..." is the US confirming before it, and the speaker saying neither', () => {
    const sentence = 'The Kremlin did not dispute the US claim that North Korean troops were in Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'neither', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'usa', stance: 'confirm', sentence, saidOn: [null, PUBLISHED, 'before'] },
    ]);
  });

  it('id: "tidak membantah klaim AS bahwa ..." (klaim is a noun here, not a speech verb)', () => {
    const sentence = 'Kremlin tidak membantah klaim AS bahwa tentara Korea Utara berada di Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'neither', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'usa', stance: 'confirm', sentence, saidOn: [null, PUBLISHED, 'before'] },
    ]);
  });

  it('en and id: "claims by the US State Department that ..." bounded by the day they were rejected', () => {
    const english = 'On Monday, Russia rejected claims by the US State Department that North Korean troops were fighting in Kursk.';
    expectClaims(extract(english, PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'deny', sentence: english, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
      { actor: 'usa', stance: 'confirm', sentence: english, saidOn: [null, '2024-10-28', 'before'] },
    ]);
    const indonesian = 'Rusia menolak klaim Departemen Luar Negeri AS bahwa pasukan Korea Utara bertempur di Kursk.';
    expectClaims(extract(indonesian, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'deny', sentence: indonesian, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'usa', stance: 'confirm', sentence: indonesian, saidOn: [null, PUBLISHED, 'before'] },
    ]);
  });

  it('en: "..., a claim Moscow denied" ends the reported words: the speaker confirms, Moscow denies', () => {
    const sentence = 'Seoul said on Monday that North Korean troops had arrived in Kursk, a claim Moscow denied on Tuesday.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [
      { actor: 'south-korea', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
      { actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-29', '2024-10-29', 'day'] },
    ]);
    const passive = 'Seoul said North Korean troops had arrived in Kursk, a claim denied by the Kremlin.';
    expectClaims(extract(passive, PUBLISHED, 'en'), [
      { actor: 'south-korea', stance: 'confirm', sentence: passive, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'russia', stance: 'deny', sentence: passive, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
    ]);
  });

  it('id: "..., klaim yang dibantah Moskow"', () => {
    const sentence = 'Seoul pada Senin mengatakan pasukan Korea Utara telah tiba di Kursk, klaim yang dibantah Moskow pada Selasa.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'south-korea', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
      { actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-29', '2024-10-29', 'day'] },
    ]);
  });

  it('en and id: rejecting a claim that denies the proposition confirms it', () => {
    const english = "Washington dismissed Pyongyang's claim that no North Korean soldiers were in Russia.";
    expectClaims(extract(english, PUBLISHED, 'en'), [
      { actor: 'usa', stance: 'confirm', sentence: english, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'dprk', stance: 'deny', sentence: english, saidOn: [null, PUBLISHED, 'before'] },
    ]);
    const indonesian = 'Korea Selatan menepis klaim Pyongyang bahwa tidak ada tentara Korea Utara di Rusia.';
    expectClaims(extract(indonesian, PUBLISHED, 'id'), [
      { actor: 'south-korea', stance: 'confirm', sentence: indonesian, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'dprk', stance: 'deny', sentence: indonesian, saidOn: [null, PUBLISHED, 'before'] },
    ]);
  });

  it('en and id: a report no statement answers and whose words are not given is no claim', () => {
    expectClaims(extract("NATO's report on North Korean troops in Kursk was published on Monday.", PUBLISHED, 'en'), []);
    expectClaims(extract('Laporan NATO soal tentara Korea Utara di Kursk diterbitkan pada Senin.', PUBLISHED, 'id'), []);
  });

  it('en: a name after the noun is its owner only as the subject of a verb of making', () => {
    // "reports Pyongyang had sent troops" gives the reports' words; "the claims Ukraine denied" names who answered them.
    const reportsOf = 'Russia denied reports Pyongyang had sent troops to Kursk.';
    expectClaims(extract(reportsOf, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence: reportsOf, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
    const answered = 'Russia repeated the claims Ukraine denied about North Korean troops in Kursk.';
    expectClaims(extract(answered, PUBLISHED, 'en'), [{ actor: 'ukraine', stance: 'deny', sentence: answered, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
  });

  it('id: a name after "yang" and a verb other than making answers the report, it does not own it', () => {
    const sentence = 'Rusia menolak laporan yang dibantah Ukraina soal tentara Korea Utara di Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'ukraine', stance: 'deny', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
    ]);
  });
});

describe('words about other parties’ claims are not the speaker’s assertion', () => {
  it('en: "saying the claims made by Western media about North Korean troops were fake" is no confirm by the speaker', () => {
    const sentence = 'The Kremlin spokesman rejected the reports, saying the claims made by Western media about North Korean troops in Kursk were fake.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
  });

  it('id: "klaim media Barat soal tentara Korea Utara" is no confirm by the speaker', () => {
    expectClaims(extract('Juru bicara Kremlin mengatakan klaim media Barat soal tentara Korea Utara di Kursk itu palsu belaka.', PUBLISHED, 'id'), []);
  });

  it('en: the speaker’s own assessment and what reports showed stay its assertion', () => {
    const own = 'Seoul said its assessment was that North Korean troops were in Kursk.';
    expectClaims(extract(own, PUBLISHED, 'en'), [{ actor: 'south-korea', stance: 'confirm', sentence: own, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
    const showed = 'Seoul said the reports showed North Korean troops in Kursk.';
    expectClaims(extract(showed, PUBLISHED, 'en'), [{ actor: 'south-korea', stance: 'confirm', sentence: showed, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
  });
});

describe('"that" opening a relative clause is no claim’s words', () => {
  it('en: a date inside "the report that Ukraine published on Monday" dates the report, not the statement about it', () => {
    const said = 'The Kremlin said the report that Ukraine published on Monday about North Korean troops in Kursk was a fake.';
    expectClaims(extract(said, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence: said, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
    const denied = 'The Kremlin on Tuesday denied the report that Ukraine published on Monday about North Korean troops in Kursk.';
    expectClaims(extract(denied, PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'deny', sentence: denied, saidOn: ['2024-10-29', '2024-10-29', 'day'] },
      { actor: 'ukraine', stance: 'confirm', sentence: denied, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });

  it('id: "laporan yang diterbitkan Ukraina pada Senin" is Ukraine’s report of Monday', () => {
    const sentence = 'Kremlin membantah laporan yang diterbitkan Ukraina pada Senin soal tentara Korea Utara di Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] },
      { actor: 'ukraine', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });

  it('en: "that" with a whole clause after it stays the words of the claim (its date is theirs)', () => {
    const sentence = 'The Kremlin denied reports that North Korean troops were in Kursk on Monday.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: [PUBLISHED, PUBLISHED, 'day'] }]);
    const answered = 'NATO said that the Kremlin denied on Monday that North Korean troops were in Kursk.';
    expectClaims(extract(answered, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence: answered, saidOn: ['2024-10-28', '2024-10-28', 'day'] }]);
  });
});

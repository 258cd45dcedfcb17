// Hard cases 4 and 9 of DESIGN.md "Extraction", each in Indonesian and English: when a claim
// was said (valid time), resolved against the publication date.

import { describe, it } from '@jest/globals';
import type { Stance } from '../../domain/vocabulary.js';
import { expectClaims, extract, type ExpectedClaim } from './extraction.fixture.js';

describe('4. earlier statements are bounded above, never dated at publication', () => {
  it('id: "sebelumnya membantah" is before the day of publication', () => {
    const sentence = 'Kremlin sebelumnya membantah laporan bahwa tentara Korea Utara dikirim ke Rusia.';
    expectClaims(extract(sentence, '2024-11-05', 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2024-11-04', 'before'] }]);
  });

  it('id: a denial the text says came before a dated admission is bounded by that date', () => {
    const sentence = 'Moskow sebelumnya membantah keberadaan tentara Korea Utara di Rusia, sebelum akhirnya mengakuinya pada akhir pekan.';
    expectClaims(extract(sentence, '2025-04-28', 'id'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2025-04-25', 'before'] },
      { actor: 'russia', stance: 'confirm', sentence, saidOn: ['2025-04-26', '2025-04-27', 'range'] },
    ]);
  });

  it('id: "selama berbulan-bulan" enggan membenarkan maupun membantah', () => {
    const sentence = 'Selama berbulan-bulan, Pyongyang enggan membenarkan maupun membantah keberadaan tentaranya di Rusia.';
    expectClaims(extract(sentence, '2025-04-28', 'id'), [{ actor: 'dprk', stance: 'neither', sentence, saidOn: [null, '2025-04-27', 'before'] }]);
  });

  it('en: "had earlier denied" is before the day of publication', () => {
    const sentence = 'The Kremlin had earlier denied reports that North Korean soldiers were sent to Russia.';
    expectClaims(extract(sentence, '2024-11-05', 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2024-11-04', 'before'] }]);
  });

  it('en: "had earlier denied ..., before finally admitting it at the weekend"', () => {
    const sentence = 'Moscow had earlier denied that North Korean troops were in Russia, before finally admitting it at the weekend.';
    expectClaims(extract(sentence, '2025-04-28', 'en'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2025-04-25', 'before'] },
      { actor: 'russia', stance: 'confirm', sentence, saidOn: ['2025-04-26', '2025-04-27', 'range'] },
    ]);
  });

  it('en and id: "on several occasions", "dalam beberapa kesempatan" are before the day of publication', () => {
    const en = 'On several occasions, Russian officials have denied that North Korean soldiers were in Russia.';
    const id = 'Dalam beberapa kesempatan, pejabat Rusia telah membantah keberadaan tentara Korea Utara di Rusia.';
    expectClaims(extract(en, '2024-11-05', 'en'), [{ actor: 'russia', stance: 'deny', sentence: en, saidOn: [null, '2024-11-04', 'before'] }]);
    expectClaims(extract(id, '2024-11-05', 'id'), [{ actor: 'russia', stance: 'deny', sentence: id, saidOn: [null, '2024-11-04', 'before'] }]);
  });

  it('en: "for months refused to confirm or deny"', () => {
    const sentence = 'For months, Pyongyang refused to confirm or deny that its soldiers were in Russia.';
    expectClaims(extract(sentence, '2025-04-28', 'en'), [{ actor: 'dprk', stance: 'neither', sentence, saidOn: [null, '2025-04-27', 'before'] }]);
  });
});

describe('4. a statement said "initially" came before the actor’s dated change of stance, in any sentence (issue 12, item 7)', () => {
  // Thursday 12 March 2026: Monday is the 9th.
  it('en: "initially denied ... On Monday, ... admitted" and the other way round', () => {
    const denied = 'Pyongyang initially denied sending troops to Russia.';
    const admitted = 'On Monday, Pyongyang admitted the deployment of North Korean troops in Russia.';
    expectClaims(extract(`${denied} ${admitted}`, '2026-03-12', 'en'), [
      { actor: 'dprk', stance: 'deny', sentence: denied, saidOn: [null, '2026-03-08', 'before'] },
      { actor: 'dprk', stance: 'confirm', sentence: admitted, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
    ]);
    const atFirst = 'At first, Pyongyang had denied sending troops to Russia.';
    expectClaims(extract(`${admitted} ${atFirst}`, '2026-03-12', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence: admitted, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
      { actor: 'dprk', stance: 'deny', sentence: atFirst, saidOn: [null, '2026-03-08', 'before'] },
    ]);
  });

  it('id: "awalnya membantah ... Pada Senin, ... mengakui"', () => {
    const denied = 'Pyongyang awalnya membantah mengirim tentara ke Rusia.';
    const admitted = 'Pada Senin, Pyongyang mengakui pengiriman tentara Korea Utara ke Rusia.';
    expectClaims(extract(`${denied} ${admitted}`, '2026-03-12', 'id'), [
      { actor: 'dprk', stance: 'deny', sentence: denied, saidOn: [null, '2026-03-08', 'before'] },
      { actor: 'dprk', stance: 'confirm', sentence: admitted, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
    ]);
  });
});

describe('4. "had earlier denied", "sebelumnya membantah" in a later sentence: before the actor’s dated change of stance, else before publication', () => {
  // Thursday 12 March 2026: Monday is the 9th.
  const monday: ExpectedClaim['saidOn'] = ['2026-03-09', '2026-03-09', 'day'];
  const beforeMonday: ExpectedClaim['saidOn'] = [null, '2026-03-08', 'before'];
  const beforePublication: ExpectedClaim['saidOn'] = [null, '2026-03-11', 'before'];
  /** The sentences of one article, each with its one claim. */
  const expectArticle = (language: string, claims: [string, string, Stance, ExpectedClaim['saidOn']][]) =>
    expectClaims(
      extract(claims.map(([sentence]) => sentence).join(' '), '2026-03-12', language),
      claims.map(([sentence, actor, stance, saidOn]) => ({ actor, stance, sentence, saidOn })),
    );

  it('en: "admitted on Monday ... had earlier denied", "had previously denied"', () => {
    for (const marker of ['had earlier', 'had previously']) {
      expectArticle('en', [
        ['North Korea admitted on Monday that its troops were fighting in Russia.', 'dprk', 'confirm', monday],
        [`Pyongyang ${marker} denied sending troops to Russia.`, 'dprk', 'deny', beforeMonday],
      ]);
    }
  });

  it('en: another actor’s dated statement, or a stance that may last ("has long denied"), leave the bound at publication', () => {
    expectArticle('en', [
      ['Seoul said on Monday that North Korean troops were in Russia.', 'south-korea', 'confirm', monday],
      ['Pyongyang had earlier denied sending troops.', 'dprk', 'deny', beforePublication],
    ]);
    expectArticle('en', [
      ['On Monday, Pyongyang declined to comment on North Korean troops in Russia.', 'dprk', 'neither', monday],
      ['North Korea has long denied sending troops to Russia.', 'dprk', 'deny', beforePublication],
    ]);
  });

  it('id: "pada Senin mengakui ... Sebelumnya, ... membantah", "sempat membantah"', () => {
    for (const denied of ['Sebelumnya, Pyongyang membantah mengirim pasukan ke Rusia.', 'Pyongyang sempat membantah mengirim pasukan ke Rusia.']) {
      expectArticle('id', [
        ['Korea Utara pada Senin mengakui pasukannya bertempur di Rusia.', 'dprk', 'confirm', monday],
        [denied, 'dprk', 'deny', beforeMonday],
      ]);
    }
  });

  it('id: "telah lama membantah" after a dated refusal to comment stays before publication', () => {
    expectArticle('id', [
      ['Pada Senin, Pyongyang menolak berkomentar soal tentara Korea Utara di Rusia.', 'dprk', 'neither', monday],
      ['Korea Utara telah lama membantah mengirim tentara ke Rusia.', 'dprk', 'deny', beforePublication],
    ]);
  });
});

describe('9. date phrases near a claim give its said-on', () => {
  it('id: "pada hari Senin", "pekan lalu", "Kamis (24/10)" in an article of Friday 25 October 2024', () => {
    const monday = 'Kremlin membantah pada hari Senin bahwa tentara Korea Utara berada di Rusia.';
    const lastWeek = 'Zelensky menuduh Korea Utara mengirim pasukan pekan lalu.';
    const thursday = 'NATO membenarkan laporan itu pada Kamis (24/10).';
    expectClaims(extract([monday, lastWeek, thursday].join(' '), '2024-10-25', 'id'), [
      { actor: 'russia', stance: 'deny', sentence: monday, saidOn: ['2024-10-21', '2024-10-21', 'day'] },
      { actor: 'ukraine', stance: 'confirm', sentence: lastWeek, saidOn: ['2024-10-14', '2024-10-20', 'range'] },
      { actor: 'nato', stance: 'confirm', sentence: thursday, saidOn: ['2024-10-24', '2024-10-24', 'day'] },
    ]);
  });

  it('id: "pada 28 April" and "pada akhir 2024"', () => {
    const day = 'Pada 28 April, Kim Jong Un mengakui pengerahan pasukan ke Rusia.';
    const lateYear = 'Seoul sudah mengonfirmasi pengiriman tentara Korea Utara pada akhir 2024.';
    expectClaims(extract(`${day} ${lateYear}`, '2025-04-29', 'id'), [
      { actor: 'dprk', stance: 'confirm', sentence: day, saidOn: ['2025-04-28', '2025-04-28', 'day'] },
      { actor: 'south-korea', stance: 'confirm', sentence: lateYear, saidOn: ['2024-09-01', '2024-12-31', 'year'] },
    ]);
  });

  it('en: "on Monday", "last week", "on Oct. 24" in an article of Friday 25 October 2024', () => {
    const monday = 'The Kremlin on Monday denied that North Korean soldiers were in Russia.';
    const lastWeek = 'Zelensky last week accused Pyongyang of sending troops.';
    const dated = 'NATO confirmed the deployment of North Korean troops on Oct. 24.';
    expectClaims(extract([monday, lastWeek, dated].join(' '), '2024-10-25', 'en'), [
      { actor: 'russia', stance: 'deny', sentence: monday, saidOn: ['2024-10-21', '2024-10-21', 'day'] },
      { actor: 'ukraine', stance: 'confirm', sentence: lastWeek, saidOn: ['2024-10-14', '2024-10-20', 'range'] },
      { actor: 'nato', stance: 'confirm', sentence: dated, saidOn: ['2024-10-24', '2024-10-24', 'day'] },
    ]);
  });

  it('en: "On 28 April", "in late 2024", "Yesterday"', () => {
    const day = 'On 28 April, Kim Jong Un acknowledged sending troops to Russia.';
    const lateYear = "Seoul confirmed North Korea's troop deployment in late 2024.";
    const yesterday = 'Yesterday, Moscow praised the North Korean soldiers.';
    expectClaims(extract([day, lateYear, yesterday].join(' '), '2025-04-29', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence: day, saidOn: ['2025-04-28', '2025-04-28', 'day'] },
      { actor: 'south-korea', stance: 'confirm', sentence: lateYear, saidOn: ['2024-09-01', '2024-12-31', 'year'] },
      { actor: 'russia', stance: 'confirm', sentence: yesterday, saidOn: ['2025-04-28', '2025-04-28', 'day'] },
    ]);
  });

  it('id: a date inside the reported words dates their content, not the statement', () => {
    const sentence = 'NIS pada 18 Oktober menyatakan bahwa pada awal Oktober tentara Korea Utara dikirim ke Rusia.';
    expectClaims(extract(sentence, '2024-10-29', 'id'), [{ actor: 'south-korea', stance: 'confirm', sentence, saidOn: ['2024-10-18', '2024-10-18', 'day'] }]);
  });

  it('en: a date inside the reported words dates their content, not the statement', () => {
    const sentence = 'The NIS said on Oct. 18 that North Korean troops were shipped to Russia in early October.';
    expectClaims(extract(sentence, '2024-10-29', 'en'), [{ actor: 'south-korea', stance: 'confirm', sentence, saidOn: ['2024-10-18', '2024-10-18', 'day'] }]);
  });

  it('id: a date in the clause a cue introduces dates that clause ("membantah bahwa ... pada hari Senin")', () => {
    const sentence = 'Kremlin membantah bahwa tentara Korea Utara tiba di Kursk pada hari Senin pekan lalu.';
    expectClaims(extract(sentence, '2024-10-28', 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] }]);
  });

  it('en: "confirmed on Friday that ... last week" is Friday; "Thursday\'s press conference" is Thursday', () => {
    const friday = 'Seoul confirmed on Friday that North Korean troops arrived in Russia last week.';
    const thursday = "Putin told Thursday's press conference that what Russia does with North Korean troops is its own business.";
    expectClaims(extract(`${friday} ${thursday}`, '2024-10-28', 'en'), [
      { actor: 'south-korea', stance: 'confirm', sentence: friday, saidOn: ['2024-10-25', '2024-10-25', 'day'] },
      { actor: 'russia', stance: 'neither', sentence: thursday, saidOn: ['2024-10-24', '2024-10-24', 'day'] },
    ]);
  });

  it('id: "hari ini" inside a quote is the speaker’s day; the date after the quote counts', () => {
    const sentence = '“Hari ini saya dapat mengonfirmasi bahwa pasukan Korea Utara ada di Rusia,” kata Rutte pada 28 Oktober.';
    expectClaims(extract(sentence, '2024-10-29', 'id'), [{ actor: 'nato', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] }]);
  });

  it('id: the same speaker’s next quote keeps the date of the press conference', () => {
    const dated = '“Gambar adalah hal yang serius,” kata Putin kepada wartawan pada 24 Oktober.';
    const context = 'Ia ditanya tentang pasukan Korea Utara.';
    const quote = '“Apa yang kami lakukan adalah urusan kami,” kata Putin.';
    expectClaims(extract([dated, context, quote].join(' '), '2024-10-29', 'id'), [
      { actor: 'russia', stance: 'neither', sentence: quote, saidOn: ['2024-10-24', '2024-10-24', 'day'] },
    ]);
  });

  it('en: the same speaker’s next quote keeps the date of the press conference', () => {
    const dated = '“Images are a serious thing,” Putin told reporters on Oct. 24 when asked about North Korean troops.';
    const quote = '“What we do there is our business,” Putin said.';
    expectClaims(extract(`${dated} ${quote}`, '2024-10-29', 'en'), [
      { actor: 'russia', stance: 'neither', sentence: quote, saidOn: ['2024-10-24', '2024-10-24', 'day'] },
    ]);
  });
});

describe('dates inside quotations date what the quoted words report (issue 12, item 7)', () => {
  it('en: "‘The Kremlin denied on Friday …,’ Zelensky told reporters on Tuesday" is a Friday denial', () => {
    const sentence = '“The Kremlin denied on Friday that North Korean troops were in Kursk,” Zelensky told reporters on Tuesday.';
    // Published on a Saturday: the Friday is the one before Zelensky's Tuesday, not the day before publication.
    expectClaims(extract(sentence, '2024-11-02', 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-25', '2024-10-25', 'day'] }]);
  });

  it('en: "‘Kim Jong Un confirmed Sunday …,’ the envoy told reporters"', () => {
    const sentence = '“Kim Jong Un confirmed Sunday that North Korean troops were in Kursk,” the envoy told reporters.';
    expectClaims(extract(sentence, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence, saidOn: ['2024-10-27', '2024-10-27', 'day'] }]);
  });

  it('id: "“Kremlin membantah pada Jumat …,” kata Zelensky, Selasa"', () => {
    const sentence = '“Kremlin membantah pada Jumat bahwa tentara Korea Utara ada di Kursk,” kata Zelensky kepada wartawan, Selasa.';
    expectClaims(extract(sentence, '2024-11-02', 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-25', '2024-10-25', 'day'] }]);
  });

  it('en: "today" in a quote is the speaker’s day, which the text does not give, and a date outside the quote is not the quoted words’', () => {
    const today = '“We confirmed today that North Korean troops are in Kursk,” Peskov said on Monday.';
    expectClaims(extract(today, '2024-10-30', 'en'), [{ actor: 'russia', stance: 'confirm', sentence: today, saidOn: ['2024-10-28', '2024-10-28', 'day'] }]);
    const quotedSpeaker = '“North Korean troops arrived in Kursk on Friday,” Zelensky said.';
    expectClaims(extract(quotedSpeaker, '2024-10-30', 'en'), [{ actor: 'ukraine', stance: 'confirm', sentence: quotedSpeaker, saidOn: ['2024-10-30', '2024-10-30', 'day'] }]);
  });
});

describe('a statement dated by another one in the sentence (issue 12, item 7)', () => {
  const monday = ['2024-10-28', '2024-10-28', 'day'] as [string, string, 'day'];

  it('en: "a few days after Moscow rejected" is before Monday, at the latest the day before', () => {
    const sentence = 'Pyongyang acknowledged on Monday that North Korean troops were in Kursk, a few days after Moscow rejected the reports.';
    expectClaims(extract(sentence, '2024-10-30', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2024-10-27', 'before'] },
    ]);
  });

  it('en: "a day after" is the day before, "hours after" that day or the one before, "after" alone at the latest that day', () => {
    const base = 'Pyongyang acknowledged on Monday that North Korean troops were in Kursk,';
    const aDay = `${base} a day after the Kremlin denied the reports.`;
    expectClaims(extract(aDay, '2024-10-30', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence: aDay, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence: aDay, saidOn: ['2024-10-27', '2024-10-27', 'day'] },
    ]);
    const hours = `${base} hours after the Kremlin denied the reports.`;
    expectClaims(extract(hours, '2024-10-30', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence: hours, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence: hours, saidOn: ['2024-10-27', '2024-10-28', 'range'] },
    ]);
    const after = `${base} after the Kremlin denied the reports.`;
    expectClaims(extract(after, '2024-10-30', 'en'), [
      { actor: 'dprk', stance: 'confirm', sentence: after, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence: after, saidOn: [null, '2024-10-28', 'before'] },
    ]);
  });

  it('en: "days before Pyongyang acknowledged them on Monday" bounds the first statement', () => {
    const sentence = 'The Kremlin denied the reports about North Korean troops in Kursk, days before Pyongyang acknowledged them on Monday.';
    expectClaims(extract(sentence, '2024-10-30', 'en'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2024-10-27', 'before'] },
      { actor: 'dprk', stance: 'confirm', sentence, saidOn: monday },
    ]);
  });

  it('id: "beberapa hari setelah" and "beberapa jam setelah"', () => {
    const base = 'Pyongyang mengakui pada Senin bahwa tentara Korea Utara berada di Kursk,';
    const days = `${base} beberapa hari setelah Moskow membantah laporan itu.`;
    expectClaims(extract(days, '2024-10-30', 'id'), [
      { actor: 'dprk', stance: 'confirm', sentence: days, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence: days, saidOn: [null, '2024-10-27', 'before'] },
    ]);
    const hours = `${base} beberapa jam setelah Kremlin membantah laporan itu.`;
    expectClaims(extract(hours, '2024-10-30', 'id'), [
      { actor: 'dprk', stance: 'confirm', sentence: hours, saidOn: monday },
      { actor: 'russia', stance: 'deny', sentence: hours, saidOn: ['2024-10-27', '2024-10-28', 'range'] },
    ]);
  });

  it('en and id: "after" that introduces no statement re-dates nothing', () => {
    const english = 'After talks in Moscow, the Kremlin denied that North Korean troops were in Kursk.';
    expectClaims(extract(english, '2024-10-30', 'en'), [{ actor: 'russia', stance: 'deny', sentence: english, saidOn: ['2024-10-30', '2024-10-30', 'day'] }]);
    const indonesian = 'Setelah pertemuan di Moskow, Kremlin membantah bahwa tentara Korea Utara berada di Kursk.';
    expectClaims(extract(indonesian, '2024-10-30', 'id'), [{ actor: 'russia', stance: 'deny', sentence: indonesian, saidOn: ['2024-10-30', '2024-10-30', 'day'] }]);
  });
});

describe('a statement dated by another one after it (issue 12, item 7)', () => {
  it('en: "After Moscow rejected the reports, Pyongyang acknowledged on Monday ..."', () => {
    const sentence = 'After Moscow rejected the reports, Pyongyang acknowledged on Monday that North Korean troops were in Kursk.';
    expectClaims(extract(sentence, '2024-10-30', 'en'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: [null, '2024-10-28', 'before'] },
      { actor: 'dprk', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });

  it('id: "Sehari setelah Kremlin membantah ..., Pyongyang mengakui pada Senin ..." is the Sunday', () => {
    const sentence = 'Sehari setelah Kremlin membantah laporan itu, Pyongyang mengakui pada Senin bahwa tentara Korea Utara berada di Kursk.';
    expectClaims(extract(sentence, '2024-10-30', 'id'), [
      { actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-27', '2024-10-27', 'day'] },
      { actor: 'dprk', stance: 'confirm', sentence, saidOn: ['2024-10-28', '2024-10-28', 'day'] },
    ]);
  });
});

describe('a statement dated by another one named by a noun (issue 12, item 7)', () => {
  it('en: "before Putin\'s statement on Thursday" is at the latest that Thursday; the date is the statement\'s', () => {
    const sentence = 'Pyongyang acknowledged the deployment of North Korean troops in Russia before Putin\'s statement on Thursday.';
    expectClaims(extract(sentence, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence, saidOn: [null, '2024-10-24', 'before'] }]);
  });

  it('en: "before the Kremlin\'s statement" takes the date the text gave that speaker earlier', () => {
    const earlier = 'The Kremlin said on Thursday that its talks with Pyongyang were useful.';
    const sentence = 'Pyongyang acknowledged the deployment of North Korean troops in Russia before the Kremlin\'s statement.';
    expectClaims(extract(`${earlier} ${sentence}`, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence, saidOn: [null, '2024-10-24', 'before'] }]);
  });

  it('en: "after the minister\'s remarks on Monday" is Monday or later; "a day after" is Tuesday; a date of its own is kept', () => {
    const after = 'Pyongyang acknowledged the deployment of North Korean troops in Russia after the minister\'s remarks on Monday.';
    expectClaims(extract(after, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence: after, saidOn: ['2024-10-28', '2024-10-30', 'range'] }]);
    const aDay = 'A day after the Russian president\'s speech on Monday, Pyongyang acknowledged the deployment of North Korean troops in Russia.';
    expectClaims(extract(aDay, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence: aDay, saidOn: ['2024-10-29', '2024-10-29', 'day'] }]);
    const own = 'Pyongyang acknowledged the deployment of North Korean troops in Russia on Tuesday, after the minister\'s remarks on Monday.';
    expectClaims(extract(own, '2024-10-30', 'en'), [{ actor: 'dprk', stance: 'confirm', sentence: own, saidOn: ['2024-10-29', '2024-10-29', 'day'] }]);
  });

  it('id: "sebelum pernyataan Putin pada Kamis", "setelah komentar menteri pada Senin"', () => {
    const before = 'Pyongyang mengakui pengiriman tentara Korea Utara ke Rusia sebelum pernyataan Putin pada Kamis.';
    expectClaims(extract(before, '2024-10-30', 'id'), [{ actor: 'dprk', stance: 'confirm', sentence: before, saidOn: [null, '2024-10-24', 'before'] }]);
    const after = 'Pyongyang mengakui pengiriman tentara Korea Utara ke Rusia setelah komentar menteri pada Senin.';
    expectClaims(extract(after, '2024-10-30', 'id'), [{ actor: 'dprk', stance: 'confirm', sentence: after, saidOn: ['2024-10-28', '2024-10-30', 'range'] }]);
  });
});

// Hard cases 5, 6 and 8 of DESIGN.md "Extraction", each in Indonesian and English: who speaks.
// Also: reported words that assert the proposition without a cue word, and a second watch with
// other actors, to show nothing is tied to the seed watch.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { claimOf, expectClaims, extract } from './extraction.fixture.js';

const PUBLISHED = '2024-10-25';
const ON_PUBLICATION: [string, string, 'day'] = [PUBLISHED, PUBLISHED, 'day'];

describe('5. conduits: the outlet or official relaying the words is not the actor', () => {
  it('id: "seperti dilansir kantor berita Korea Selatan" and "menurut Yonhap"', () => {
    const relayed = 'Rusia membantah laporan pengiriman tentara Korea Utara, seperti dilansir kantor berita Korea Selatan Yonhap.';
    const according = 'Menurut Yonhap, Kremlin menepis laporan kehadiran pasukan Korea Utara di Rusia.';
    expectClaims(extract(`${relayed} ${according}`, PUBLISHED, 'id'), [
      { actor: 'russia', stance: 'deny', sentence: relayed, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: according, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: "kata pejabat AS" relays Moscow’s denial, the United States claims nothing', () => {
    const sentence = 'Moskow telah membantah keberadaan pasukan Korea Utara, kata pejabat AS kepada wartawan.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "as reported by South Korea’s Yonhap" and "according to Yonhap"', () => {
    const relayed = "Russia has denied that North Korean troops are in Kursk, as reported by South Korea's Yonhap news agency.";
    const according = 'According to Yonhap, the Kremlin dismissed reports of North Korean troops in Russia.';
    expectClaims(extract(`${relayed} ${according}`, PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'deny', sentence: relayed, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: according, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: "a US official said" relays Moscow’s denial', () => {
    const sentence = 'Moscow denied sending North Korean troops, a US official said.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "Russian media reported" is the media, not Russia', () => {
    expectClaims(extract('Russian media reported that North Korean troops had arrived in Kursk.', PUBLISHED, 'en'), []);
  });
});

describe('speakers named by role, by headline colon, or not at all', () => {
  it('en: an unlisted official belongs to the country in the same name phrase', () => {
    const sentence = "South Korea's Defense Ministry spokesperson Jeon Ha-kyu said some North Korean troops have moved to the front lines in Kursk.";
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'south-korea', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: a state news agency the watch lists as a speaker speaks for its country', () => {
    const sentence = 'State news agency KCNA said leader Kim Jong Un had ordered the deployment to Russia.';
    const result = extract(sentence, PUBLISHED, 'en');
    expectClaims(result, [{ actor: 'dprk', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
    expect(claimOf(result, 'dprk', 'confirm').speaker).toBe('State news agency KCNA');
  });

  it('id: a headline "Zelensky: ..." is Zelensky’s assertion', () => {
    const headline = 'Zelensky: Korea Utara Kirim 12.000 Tentara ke Rusia';
    expectClaims(extract(headline, PUBLISHED, 'id'), [{ actor: 'ukraine', stance: 'confirm', sentence: headline, saidOn: ON_PUBLICATION }]);
  });

  it('id: a name that is none of the actors takes its own clause ("sementara Beijing menolak berkomentar")', () => {
    const sentence = 'Seoul dan Washington sama-sama mengonfirmasi pengerahan tentara Korea Utara ke Rusia, sementara Beijing menolak berkomentar.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [
      { actor: 'south-korea', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
      { actor: 'usa', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: a name that is none of the actors takes its own clause ("while Beijing declined to comment")', () => {
    const sentence = 'Seoul and Washington both confirmed the deployment of North Korean troops to Russia, while Beijing declined to comment.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [
      { actor: 'south-korea', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
      { actor: 'usa', stance: 'confirm', sentence, saidOn: ON_PUBLICATION },
    ]);
  });
});

describe('6. nested speech: the actor is the one inside', () => {
  it('id: "Seoul mengatakan Moskow membantah ..." is Moscow’s denial', () => {
    const sentence = 'Seoul mengatakan Moskow membantah adanya tentara Korea Utara di wilayah Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'id'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: "Seoul said Moscow had denied ..." is Moscow’s denial', () => {
    const sentence = 'Seoul said Moscow had denied the presence of North Korean troops in Kursk.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'russia', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });
});

describe('8. the speaker after the quote, and later references to it', () => {
  it('id: "“...,” kata Peskov", then "Juru bicara itu menambahkan ..."', () => {
    const context = 'Laporan intelijen menyebut tentara Korea Utara telah tiba di Rusia.';
    const quote = '“Itu berita palsu,” kata Peskov.';
    const later = 'Juru bicara itu menambahkan bahwa tidak ada tentara Korea Utara di Kursk.';
    const result = extract([context, quote, later].join(' '), PUBLISHED, 'id');
    expectClaims(result, [
      { actor: 'russia', stance: 'deny', sentence: quote, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: later, saidOn: ON_PUBLICATION },
    ]);
    expect(result.claims.map((claim) => claim.speaker)).toEqual(['Peskov', 'Peskov']);
  });

  it('id: "tambahnya" after a quote is the last speaker named', () => {
    const first = 'Perwakilan Korea Utara menolak tuduhan soal pasukan Korea Utara di Rusia.';
    const quote = '“Ini rumor yang tidak berdasar,” tambahnya.';
    expectClaims(extract(`${first} ${quote}`, PUBLISHED, 'id'), [
      { actor: 'dprk', stance: 'deny', sentence: first, saidOn: ON_PUBLICATION },
      { actor: 'dprk', stance: 'deny', sentence: quote, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: "“...,” said Peskov", then "The spokesman added ..."', () => {
    const context = 'Reports said North Korean troops had arrived in Russia.';
    const quote = '“That is fake news,” said Peskov.';
    const later = 'The spokesman added that no North Korean soldiers were in Kursk.';
    expectClaims(extract([context, quote, later].join(' '), PUBLISHED, 'en'), [
      { actor: 'russia', stance: 'deny', sentence: quote, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: later, saidOn: ON_PUBLICATION },
    ]);
  });

  it('id: a claim verb after the quote ("klaim", "ujar", "tegas") names the speaker; words may open with the event', () => {
    const claimed = '“Pasukan Korea Utara sudah tiba di Kursk,” klaim Zelensky.';
    const said = '“Tentara Korea Utara sudah bertempur di Kursk,” ujar Zelensky.';
    const stressed = '“Kami tidak mengirim seorang pun tentara ke Rusia,” tegas diplomat Korea Utara itu.';
    const result = extract([claimed, said, stressed].join(' '), PUBLISHED, 'id');
    expectClaims(result, [
      { actor: 'ukraine', stance: 'confirm', sentence: claimed, saidOn: ON_PUBLICATION },
      { actor: 'ukraine', stance: 'confirm', sentence: said, saidOn: ON_PUBLICATION },
      { actor: 'dprk', stance: 'deny', sentence: stressed, saidOn: ON_PUBLICATION },
    ]);
    expect(result.claims.map((claim) => [claim.evidence.cues[0], claim.speaker])).toEqual([
      ['klaim', 'Zelensky'],
      ['ujar', 'Zelensky'],
      ['tegas', 'diplomat Korea Utara'],
    ]);
  });

  it('id: "klaimnya" after a quote is the last speaker; "klaim yang ..." is a noun, not the speech verb', () => {
    const first = '“Kami menghormati Rusia,” kata Kim Jong Un.';
    const quote = '“Tidak ada tentara kami di Rusia,” klaimnya.';
    expectClaims(extract(`${first} ${quote}`, PUBLISHED, 'id'), [{ actor: 'dprk', stance: 'deny', sentence: quote, saidOn: ON_PUBLICATION }]);
    // Not Moscow's words confirming the troops, as a speech verb "klaim" would have made them.
    const appositive = 'Seoul mengatakan tentara Korea Utara ada di Kursk, klaim yang dibantah Moskow.';
    expect(extract(appositive, PUBLISHED, 'id').claims.map((claim) => `${claim.actorId}:${claim.stance}`)).not.toContain('russia:confirm');
  });

  it('en: "“...,” the Kremlin said on Thursday": a determiner before the speaker after the quote', () => {
    const sentence = '“There are no North Korean troops in Russia,” the Kremlin said on Thursday.';
    const result = extract(sentence, PUBLISHED, 'en');
    expectClaims(result, [{ actor: 'russia', stance: 'deny', sentence, saidOn: ['2024-10-24', '2024-10-24', 'day'] }]);
    expect(claimOf(result, 'russia', 'deny').speaker).toBe('Kremlin');
  });

  it('en: reported words that open with the event after the quotation mark', () => {
    const sentence = '“Troops from North Korea are fighting in Kursk,” Zelensky said.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'ukraine', stance: 'confirm', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('en: a label in reported words belongs to whoever reports it, not to the names inside', () => {
    const sentence = 'North Korea’s UN mission called the reports by US and South Korean intelligence about troops in Russia “unfounded rumours”.';
    expectClaims(extract(sentence, PUBLISHED, 'en'), [{ actor: 'dprk', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
  });

  it('id: a label in reported words belongs to whoever reports it, not to the names inside', () => {
    const sentence =
      'Seorang perwakilan Korea Utara mengatakan bahwa pernyataan intelijen AS dan Korea Selatan mengenai pengiriman pasukan ke Rusia adalah “desas-desus yang tidak berdasar.”';
    const result = extract(sentence, PUBLISHED, 'id');
    expectClaims(result, [{ actor: 'dprk', stance: 'deny', sentence, saidOn: ON_PUBLICATION }]);
    expect(claimOf(result, 'dprk', 'deny').evidence.cues).toEqual(['desas-desus yang tidak berdasar']);
  });
});

describe('reported words that assert the proposition', () => {
  it('id: an official’s reported words confirm; negated, they deny; hedged, they say nothing', () => {
    const confirms = 'Seorang pejabat senior militer Ukraina mengatakan kepada Reuters bahwa sekitar 11.000 tentara Korea Utara telah tiba di Kursk.';
    const denies = '“Tidak ada tentara Korea Utara di Rusia,” kata Lavrov.';
    const hedged = 'Blinken mengatakan bahwa jika pasukan Korea Utara dikerahkan, itu akan menjadi eskalasi.';
    expectClaims(extract([confirms, denies, hedged].join(' '), PUBLISHED, 'id'), [
      { actor: 'ukraine', stance: 'confirm', sentence: confirms, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: denies, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: an official’s reported words confirm; negated, they deny; hedged, they say nothing', () => {
    const confirms = 'A senior Ukrainian military official told Reuters that about 11,000 North Korean soldiers had arrived in Kursk.';
    const denies = '“There are no North Korean troops in Russia,” Lavrov said.';
    const hedged = 'Blinken said that if North Korean troops were deployed, it would be an escalation.';
    expectClaims(extract([confirms, denies, hedged].join(' '), PUBLISHED, 'en'), [
      { actor: 'ukraine', stance: 'confirm', sentence: confirms, saidOn: ON_PUBLICATION },
      { actor: 'russia', stance: 'deny', sentence: denies, saidOn: ON_PUBLICATION },
    ]);
  });

  it('en: the narrator’s own statement of the fact is nobody’s claim', () => {
    expectClaims(extract('North Korean troops have been deployed to the Kursk region of Russia.', PUBLISHED, 'en'), []);
  });
});

describe('a second watch with other actors uses the same packs and rules', () => {
  const iranWatch = parseWatch(
    `
id: iran-drones-russia
proposition: Iran supplies Russia with attack drones used against Ukraine.
languages: [en, id]
topic:
  - name: iran
    terms: { en: [Iran, Iranian, Tehran], id: [Iran, Teheran] }
  - name: drones
    terms: { en: [drones, drone, Shahed], id: [drone, pesawat nirawak, Shahed] }
actors:
  - id: iran
    name: Iran
    aliases: { en: [Iran, Iranian], id: [Iran] }
    speakers: { en: [Tehran], id: [Teheran] }
  - id: russia
    name: Russia
    aliases: { en: [Russia], id: [Rusia] }
    speakers: { en: [Kremlin, Moscow], id: [Kremlin, Moskow] }
`,
    'iran-drones-russia.yaml',
  );

  it('en: denial, then no comment', () => {
    const denial = 'Iran has denied supplying Russia with drones.';
    const noComment = 'The Kremlin declined to comment on whether Iranian drones were used.';
    expectClaims(extract(`${denial} ${noComment}`, '2022-10-20', 'en', iranWatch), [
      { actor: 'iran', stance: 'deny', sentence: denial, saidOn: ['2022-10-20', '2022-10-20', 'day'] },
      { actor: 'russia', stance: 'neither', sentence: noComment, saidOn: ['2022-10-20', '2022-10-20', 'day'] },
    ]);
  });

  it('id: admission now, denial before', () => {
    const admission = 'Iran akhirnya mengakui telah mengirim drone ke Rusia.';
    const earlier = 'Teheran sebelumnya membantah laporan tersebut.';
    expectClaims(extract(`${admission} ${earlier}`, '2022-11-07', 'id', iranWatch), [
      { actor: 'iran', stance: 'confirm', sentence: admission, saidOn: ['2022-11-07', '2022-11-07', 'day'] },
      { actor: 'iran', stance: 'deny', sentence: earlier, saidOn: [null, '2022-11-06', 'before'] },
    ]);
  });
});

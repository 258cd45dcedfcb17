// Issue 12, items 1 to 4: propositions with an agent, involvement denials, negation and hedges,
// and the new vocabulary, each in English and Indonesian. The sentences are our own; the two
// fictional watches under test/fixtures/watches are written from the documented format alone.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { dprkWatch, expectClaims, extract, freedoniaWatch, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-03-12';
const blasts = parseWatch(readFixture('test/fixtures/watches/freedonia-blasts.yaml'), 'freedonia-blasts.yaml');
const drones = parseWatch(readFixture('test/fixtures/watches/freedonia-drone-supply.yaml'), 'freedonia-drone-supply.yaml');
const units = parseWatch(readFixture('test/fixtures/watches/sylvania-units.yaml'), 'sylvania-units.yaml');

/** The (actor, stance) pairs a text yields, sorted. */
function pairs(text: string, language: string, watch = blasts): string[] {
  return stancePairs(text, PUBLISHED, language, watch);
}

describe('1. with an agent, a statement must bear on the agent’s part, not only on the event', () => {
  it('en: casualty figures and an investigation of the blasts are no claim', () => {
    const text =
      'Sylvania blamed Freedonia for the blasts on Monday. ' +
      'The Freedonian foreign ministry confirmed that three of its citizens were injured in the blasts. ' +
      'Freedonia said it was gathering information about the explosions. ' +
      'Sylvania said the explosions injured 300 people.';
    expect(pairs(text, 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: angka korban dan pengumpulan informasi tentang ledakan bukan klaim', () => {
    const text =
      'Sylvania menyalahkan Freedonia atas ledakan itu. ' +
      'Kementerian Luar Negeri Freedonia mengonfirmasi bahwa tiga warganya terluka dalam ledakan tersebut. ' +
      'Freedonia mengatakan pihaknya sedang mengumpulkan informasi mengenai ledakan itu.';
    expect(pairs(text, 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: the agent denying or admitting its deed is a claim', () => {
    expect(pairs('Freedonia denied supplying drones to Sylvania.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia said it had not supplied any drones to Sylvania.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia membantah memasok drone kepada Sylvania.', 'id', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia akhirnya mengakui telah mengirim drone ke Sylvania.', 'id', drones)).toEqual(['freedonia:confirm']);
  });

  it('en and id: a third party naming the agent’s deed is a claim', () => {
    expect(pairs('Zedland said Freedonian drones had been found in Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
    expect(pairs('Zedland mengatakan drone Freedonia ditemukan di Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
  });

  // The agent accusing someone else of the deed denies its own part (rules-12, extract-dam-breach.unit.spec.ts).
  it('en and id: an accusation confirms only when the agent is the accused', () => {
    expect(pairs('Freedonia accused Sylvania of staging the blasts itself.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Sylvania accused Freedonia of carrying out the bombing.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Freedonia menuduh Sylvania merekayasa ledakan itu.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Sylvania menuding Freedonia berada di balik serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('pack phrases with an actor slot: the actor named between the words', () => {
  it('en and id: holding the agent responsible confirms; holding anyone else responsible says nothing of the agent', () => {
    expect(pairs('Sylvania held Freedonia responsible for the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Sylvania holds Freedonia accountable for the blasts.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Freedonia held Sylvania responsible for the attack.', 'en')).toEqual([]);
    expect(pairs('Sylvania menganggap Freedonia bertanggung jawab atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Sylvania menyebut Freedonia berada di balik ledakan tersebut.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Freedonia menganggap Sylvania bertanggung jawab atas serangan itu.', 'id')).toEqual([]);
  });

  it('en and id: rejecting an owner’s claims is the speaker’s denial and the owner’s confirm', () => {
    expect(pairs('Freedonia rejected Zedland’s claims about the drones.', 'en', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    expect(pairs('Freedonia dismissed Zedland’s allegations about the drones.', 'en', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    expect(pairs('Pyongyang rejected Seoul’s claims about North Korean troops in Russia.', 'en', dprkWatch)).toEqual(['dprk:deny', 'south-korea:confirm']);
    expect(pairs('Freedonia menolak klaim Zedland soal drone itu.', 'id', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    expect(pairs('Pyongyang menolak klaim Seoul soal pasukan Korea Utara di Rusia.', 'id', dprkWatch)).toEqual(['dprk:deny', 'south-korea:confirm']);
  });
});

describe('without a watch agent, an actor whose names are a topic group speaks for that part of the proposition', () => {
  // freedonia-drones lists Freedonia's names as its supplier group and names no agent.
  it('en: the supplier’s own negated words about the drones deny; anyone else’s say nothing of the supplier', () => {
    expect(pairs('“The drones were never supplied,” the Freedonian envoy said.', 'en', freedoniaWatch)).toEqual(['freedonia:deny']);
    expect(pairs('The Freedonian envoy said no drones were supplied to Sylvania.', 'en', freedoniaWatch)).toEqual(['freedonia:deny']);
    expect(pairs('“The drones were never supplied,” the Sylvanian envoy said.', 'en', freedoniaWatch)).toEqual([]);
  });

  it('id: "“Drone itu tidak pernah dipasok,” kata duta besar Freedonia"', () => {
    expect(pairs('“Drone itu tidak pernah dipasok,” kata duta besar Freedonia.', 'id', freedoniaWatch)).toEqual(['freedonia:deny']);
    expect(pairs('Duta besar Freedonia mengatakan drone itu tidak pernah dipasok.', 'id', freedoniaWatch)).toEqual(['freedonia:deny']);
    expect(pairs('“Drone itu tidak pernah dipasok,” kata duta besar Sylvania.', 'id', freedoniaWatch)).toEqual([]);
  });
});

describe('with a watch agent, the event as the subject of the reported words: whose deed they speak of', () => {
  // freedonia-drone-supply lists the verbs of the deed ("supplied", "dikirim") as event terms.
  // Another doer after "by" in the agent's words puts the deed on it: a deny (rules-12).
  it('en: the agent’s own words deny or confirm its deed; another doer after "by" makes them its deny', () => {
    expect(pairs('“The drones were never supplied,” the Freedonian envoy said.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('“Our drones were delivered as agreed,” the Freedonian minister said.', 'en', drones)).toEqual(['freedonia:confirm']);
    expect(pairs('“The drones were delivered as agreed,” the Freedonian minister said.', 'en', drones)).toEqual(['freedonia:confirm']);
    expect(pairs('“The drones were supplied by Zedland,” the Freedonian minister said.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('“The drones were shot down over the border,” the Freedonian minister said.', 'en', drones)).toEqual([]);
  });

  it('en and id: straight single quotes quote as curly ones do', () => {
    expect(pairs("'The drones were never supplied,' the Freedonian envoy said.", 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs("'Our drones were delivered as agreed,' the Freedonian minister said.", 'en', drones)).toEqual(['freedonia:confirm']);
    expect(pairs("'Drone itu tidak pernah dikirim,' kata duta besar Freedonia.", 'id', drones)).toEqual(['freedonia:deny']);
  });

  it('id: "“Drone itu tidak pernah dikirim,” kata duta besar Freedonia"', () => {
    expect(pairs('“Drone itu tidak pernah dikirim,” kata duta besar Freedonia.', 'id', drones)).toEqual(['freedonia:deny']);
    expect(pairs('“Drone itu sudah dikirim sesuai kesepakatan,” kata menteri Freedonia.', 'id', drones)).toEqual(['freedonia:confirm']);
    expect(pairs('“Ya, drone kami ada di sana,” kata juru bicara Freedonia.', 'id', drones)).toEqual(['freedonia:confirm']);
    expect(pairs('“Drone itu dipasok oleh Zedland,” kata menteri Freedonia.', 'id', drones)).toEqual(['freedonia:deny']);
  });

  it('en and id: another party’s words are about the agent’s deed only when the sentence names the agent', () => {
    expect(pairs('“The drones were never supplied,” the Sylvanian envoy said.', 'en', drones)).toEqual([]);
    expect(pairs('Asked about Freedonia’s drone deliveries, the Sylvanian envoy said the drones were never supplied.', 'en', drones)).toEqual(['sylvania:deny']);
    expect(pairs('Freedonia denied the report, but Zedland said the drones were delivered.', 'en', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    expect(pairs('“Drone itu tidak pernah dikirim,” kata duta besar Sylvania.', 'id', drones)).toEqual([]);
    expect(pairs('Ditanya soal pengiriman drone Freedonia, duta besar Sylvania mengatakan drone itu tidak pernah dikirim.', 'id', drones)).toEqual(['sylvania:deny']);
  });
});

describe('without a watch agent, the actor a topic group names confirms with its own words as it denies', () => {
  // sylvania-units lists Sylvania's own names as its first group and names no agent.
  it('en: "“Yes, our units are there,” the Sylvanian spokesman said"', () => {
    expect(pairs('“Yes, our units are there,” the Sylvanian spokesman said.', 'en', units)).toEqual(['sylvania:confirm']);
    expect(pairs('“Our units are not there,” the Sylvanian spokesman said.', 'en', units)).toEqual(['sylvania:deny']);
    expect(pairs('“The troops are a long way from home,” the Sylvanian spokesman said.', 'en', units)).toEqual([]);
    expect(pairs('“Yes, our units are there,” the Marsovian spokesman said.', 'en', units)).toEqual([]);
  });

  it('id: "“Ya, pasukan kami memang ada di sana,” kata juru bicara Sylvania"', () => {
    expect(pairs('“Ya, pasukan kami memang ada di sana,” kata juru bicara Sylvania.', 'id', units)).toEqual(['sylvania:confirm']);
    expect(pairs('Juru bicara Sylvania mengatakan pasukannya berada di sana sejak Januari.', 'id', units)).toEqual(['sylvania:confirm']);
    expect(pairs('“Pasukan kami tidak ada di sana,” kata juru bicara Sylvania.', 'id', units)).toEqual(['sylvania:deny']);
    expect(pairs('“Ya, pasukan kami ada di sana,” kata juru bicara Marsovia.', 'id', units)).toEqual([]);
  });
});

describe('2. involvement denials are the denier’s own part: the agent denies, anyone else says neither', () => {
  it('en: "said it was not involved and had no advance knowledge"', () => {
    const context = 'The blasts hit the capital of Sylvania on Monday.';
    expect(pairs(`${context} Zedland said it was not involved and had no advance knowledge of the attack.`, 'en')).toEqual(['zedland:neither']);
    expect(pairs(`${context} Freedonia said it was not involved.`, 'en')).toEqual(['freedonia:deny']);
    expect(pairs(`${context} Freedonia said it was “not involved” in any way.`, 'en')).toEqual(['freedonia:deny']);
  });

  it('en: "rejected any connection with the attack" by the agent’s president is the agent’s deny', () => {
    expect(pairs('Freedonia’s president rejected any connection with the attack.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Zedland denied any involvement in the blasts.', 'en')).toEqual(['zedland:neither']);
  });

  it('en: "nothing to do with" is a negated part: the agent’s deny, anyone else’s neither', () => {
    expect(pairs('Freedonia said it had “nothing to do with” the attack.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Zedland said it had nothing to do with the blasts.', 'en')).toEqual(['zedland:neither']);
  });

  it('en and id: another party saying the agent was responsible confirms, unless hedged; owning the deed confirms', () => {
    expect(pairs('Sylvania’s president said Freedonia was responsible for the blasts.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Presiden Sylvania mengatakan Freedonia bertanggung jawab atas ledakan tersebut.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Sylvania said it was investigating whether Freedonia was involved in the blasts.', 'en')).toEqual([]);
    expect(pairs('Sylvania said Freedonia could be responsible for the blasts.', 'en')).toEqual([]);
    expect(pairs('Freedonia claimed responsibility for the attack.', 'en')).toEqual(['freedonia:confirm']);
    expect(pairs('Freedonia mengaku bertanggung jawab atas serangan itu.', 'id')).toEqual(['freedonia:confirm']);
    expect(pairs('Zedland claimed responsibility for the attack.', 'en')).toEqual([]);
  });

  it('en and id: the agent’s own words about a link are its denial when they reject it, never a confirm', () => {
    expect(pairs('“I reject outright any link to this attack,” the Freedonian president said.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('“Kami menolak adanya kaitan dengan serangan itu,” kata Presiden Freedonia.', 'id')).toEqual(['freedonia:deny']);
  });

  it('en and id: rejecting an accusation that "it" was behind the attack is the speaker’s own part denied', () => {
    const en = pairs('Freedonia rejected Sylvania’s accusation that it was behind the blasts as “absurd”.', 'en');
    expect(en).toContain('freedonia:deny');
    expect(en).not.toContain('freedonia:neither');
    expect(pairs('Freedonia menolak tuduhan Sylvania bahwa pihaknya berada di balik ledakan itu.', 'id')).toEqual(['freedonia:deny', 'sylvania:confirm']);
  });

  it('en and id: an interior minister speaks for the country beside the office', () => {
    expect(pairs('Sylvania’s interior minister said on Monday that the blasts were the work of Freedonian saboteurs.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Menteri Dalam Negeri Sylvania pada Senin mengatakan ledakan itu merupakan ulah penyabot Freedonia.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: "X denied any role, as did Y": each denies its own part', () => {
    expect(pairs('Freedonia denied any role in the blasts, as did Zedland.', 'en')).toEqual(['freedonia:deny', 'zedland:neither']);
    expect(pairs('Zedland denied any role in the blasts, as did Freedonia.', 'en')).toEqual(['freedonia:deny', 'zedland:neither']);
    expect(pairs('Freedonia membantah terlibat dalam serangan itu, begitu pula Zedland.', 'id')).toEqual(['freedonia:deny', 'zedland:neither']);
    expect(pairs('Zedland membantah keterlibatannya dalam ledakan tersebut, demikian pula Freedonia.', 'id')).toEqual(['freedonia:deny', 'zedland:neither']);
  });

  it('id: "menyatakan tidak terlibat", "tidak mengetahui sebelumnya"', () => {
    const context = 'Ledakan mengguncang ibu kota Sylvania pada Senin.';
    expect(pairs(`${context} Zedland menyatakan tidak terlibat dan tidak mengetahui sebelumnya soal serangan itu.`, 'id')).toEqual(['zedland:neither']);
    expect(pairs(`${context} Freedonia menyatakan tidak terlibat dalam ledakan tersebut.`, 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Presiden Freedonia membantah adanya keterlibatan negaranya dalam serangan itu.', 'id')).toEqual(['freedonia:deny']);
  });
});

describe('3. negation and hedges', () => {
  it('en: a negated assertion in a quote is a denial', () => {
    const text = '“We have not sent a single soldier to Russia,” North Korean envoy Kim Song said.';
    expect(pairs(text, 'en', dprkWatch)).toEqual(['dprk:deny']);
  });

  it('id: a negated assertion in a quote is a denial', () => {
    const text = '“Kami tidak pernah mengirim seorang pun tentara ke Rusia,” kata duta besar Korea Utara.';
    expect(pairs(text, 'id', dprkWatch)).toEqual(['dprk:deny']);
  });

  it('en and id: not denying and refraining from denying are neither', () => {
    expect(pairs('Freedonia did not deny supplying the drones.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia refrained from denying that its drones were used.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia menahan diri untuk membantah pasokan drone itu.', 'id', drones)).toEqual(['freedonia:neither']);
  });

  it('en and id: speculation about what an actor may do later is no claim', () => {
    expect(pairs('Zedland said Freedonia could send more drones to Sylvania next year.', 'en', drones)).toEqual([]);
    expect(pairs('Zedland mengatakan Freedonia akan mengirim lebih banyak drone ke Sylvania.', 'id', drones)).toEqual([]);
  });

  it('en and id: "may"/"mungkin" is speculation; "May" capitalised is the month', () => {
    expect(pairs('Zedland said Freedonia may send more drones to Sylvania.', 'en', drones)).toEqual([]);
    expect(pairs('Zedland mengatakan Freedonia mungkin akan mengirim lebih banyak drone ke Sylvania.', 'id', drones)).toEqual([]);
    const inMay = extract('In May, Zedland said Freedonia had supplied drones to Sylvania.', '2026-06-02', 'en', drones).claims;
    expect(inMay.map((claim) => [claim.actorId, claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['zedland', 'confirm', '2026-05-01', '2026-05-31']]);
  });

  it('en and id: a label decides over a neutral verb', () => {
    expect(pairs('Freedonia dismissed the reports about its drones as contradictory.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('“The reports about our drones are baseless, and we do not confirm them,” Freedonia said.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia menepis laporan soal drone itu sebagai informasi yang simpang siur.', 'id', drones)).toEqual(['freedonia:neither']);
  });

  it('en and id: a label after "as"/"sebagai" is said by the subject of the verb, not by the owner of its object', () => {
    // Zedland's claims are Zedland's own confirm (extract-nested-claims), the label Freedonia's denial.
    expect(pairs('Freedonia denied supplying drones to Sylvania, dismissing Zedland’s claims as baseless rumours.', 'en', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    expect(pairs('Freedonia dismissed Zedland’s claims about the drones as baseless.', 'en', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
    const dismissing = 'Pyongyang rejected the reports of North Korean troops in Russia, dismissing Seoul’s claims as baseless rumours.';
    expect(pairs(dismissing, 'en', dprkWatch)).toEqual(['dprk:deny', 'south-korea:confirm']);
    expect(pairs('Freedonia menepis klaim Zedland soal drone itu sebagai kabar bohong.', 'id', drones)).toEqual(['freedonia:deny', 'zedland:confirm']);
  });

  it('en and id: another party’s claim named by a noun is not the speaker’s (it is that party’s own: extract-nested-claims)', () => {
    expect(pairs('Freedonia said it noted the Sylvanian claim that Freedonian drones were used.', 'en', drones)).toEqual(['sylvania:confirm']);
    expect(pairs('Zedland mengatakan klaim Sylvania bahwa drone Freedonia dipakai belum terbukti.', 'id', drones)).toEqual(['sylvania:confirm']);
  });
});

describe('a pronoun object takes up what the same actor’s earlier claim in the sentence was about', () => {
  // Thursday 12 March 2026: Monday is the 9th.
  it('en: "initially dismissed the reports of its drones, before admitting them on Monday"', () => {
    const sentence = 'Freedonia initially dismissed the reports of its drones in Sylvania, before admitting them on Monday.';
    expectClaims(extract(sentence, PUBLISHED, 'en', drones), [
      { actor: 'freedonia', stance: 'deny', sentence, saidOn: [null, '2026-03-08', 'before'] },
      { actor: 'freedonia', stance: 'confirm', sentence, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
    ]);
  });

  it('id: "awalnya menepis laporan soal dronenya ..., sebelum mengakuinya pada Senin"', () => {
    const sentence = 'Freedonia awalnya menepis laporan soal dronenya di Sylvania, sebelum mengakuinya pada Senin.';
    expectClaims(extract(sentence, PUBLISHED, 'id', drones), [
      { actor: 'freedonia', stance: 'deny', sentence, saidOn: [null, '2026-03-08', 'before'] },
      { actor: 'freedonia', stance: 'confirm', sentence, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
    ]);
  });
});

describe('possessors after the noun: "pasukannya", "pasukan kami" name whose troops they are', () => {
  it('id: the speaker’s own troops or drones, negated, are the agent’s denial', () => {
    expect(pairs('Korea Utara mengatakan pasukannya tidak berada di Rusia.', 'id', dprkWatch)).toEqual(['dprk:deny']);
    expect(pairs('“Pasukan kami tidak ada di Rusia,” klaim Kim Jong Un.', 'id', dprkWatch)).toEqual(['dprk:deny']);
    expect(pairs('Freedonia menyatakan dronenya tidak pernah dipasok ke Sylvania.', 'id', drones)).toEqual(['freedonia:deny']);
  });

  it('id: "pemerintahnya" is the last speaker’s government; a third party’s own drones say nothing of the agent', () => {
    const quote = '“Kami menghormati Sylvania,” kata Presiden Freedonia.';
    expect(pairs(`${quote} Pemerintahnya membantah memasok drone ke Sylvania.`, 'id', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Zedland mengatakan dronenya ditembak jatuh di Sylvania.', 'id', drones)).toEqual([]);
  });

  it('en: "its troops were not in Russia", "its drones were never supplied"', () => {
    expect(pairs('North Korea said its troops were not in Russia.', 'en', dprkWatch)).toEqual(['dprk:deny']);
    expect(pairs('Freedonia said its drones were never supplied to Sylvania.', 'en', drones)).toEqual(['freedonia:deny']);
  });
});

describe('4. vocabulary', () => {
  const context = 'Drones from Freedonia were reported over Sylvania.';
  const konteks = 'Drone dari Freedonia dilaporkan terbang di atas Sylvania.';

  it('en: blame, placed responsibility on, cited intelligence, condemned', () => {
    expect(pairs('Sylvania placed responsibility on Freedonia for the blasts.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Sylvania, citing intelligence, blamed Freedonia for the drones.', 'en', drones)).toEqual(['sylvania:confirm']);
    expect(pairs('Zedland condemned the supply of Freedonian drones to Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
  });

  it('en: stayed silent, refused comment, referred questions, has no confirmation', () => {
    expect(pairs(`${context} Freedonia stayed silent.`, 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs(`${context} Freedonia refused comment.`, 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs(`${context} Zedland referred questions to its defence ministry.`, 'en', drones)).toEqual(['zedland:neither']);
    expect(pairs(`${context} Zedland said it has no confirmation of that.`, 'en', drones)).toEqual(['zedland:neither']);
  });

  it('en and id: "we have no such information", "kami tidak memiliki informasi seperti itu"', () => {
    const asked = 'Asked on Tuesday whether Sylvania had received Freedonian drones, the Sylvanian spokesman said: “No, we have no such information.”';
    const ditanya = 'Ditanya pada Selasa apakah Sylvania menerima drone Freedonia, juru bicara Sylvania mengatakan: “Tidak, kami tidak memiliki informasi seperti itu.”';
    expect(pairs(asked, 'en', drones)).toEqual(['sylvania:neither']);
    expect(pairs(ditanya, 'id', drones)).toEqual(['sylvania:neither']);
  });

  it('en and id: "not appropriate for us to comment", "redirected the question", "tidak layak dikomentari", "meneruskan pertanyaan"', () => {
    expect(pairs('“It is not appropriate for us to comment on reports about our drones every time,” the Freedonian spokesman said.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('The Freedonian spokesman redirected the question about Freedonian drones in Sylvania to the defence ministry.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('“Laporan soal drone Freedonia di Sylvania tidak layak dikomentari,” kata juru bicara Freedonia.', 'id', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Juru bicara Freedonia meneruskan pertanyaan soal drone Freedonia di Sylvania kepada kementerian pertahanan.', 'id', drones)).toEqual(['freedonia:neither']);
  });

  it('en: an event term after a preposition is not governed, with the agent’s name in its noun phrase too', () => {
    expect(pairs('Zedland said questions about Freedonian drones should go to the defence ministry.', 'en', drones)).toEqual([]);
    expect(pairs('Zedland said it had seen Freedonian drones over Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
  });

  it('en: contradictory information, not aware in advance, citing satellite imagery', () => {
    expect(pairs(`${context} Zedland cited contradictory information.`, 'en', drones)).toEqual(['zedland:neither']);
    expect(pairs(`${context} Zedland said it was not aware in advance of the drone flights.`, 'en', drones)).toEqual(['zedland:neither']);
    expect(pairs('Zedland, citing satellite imagery, said Freedonian drones were in Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
  });

  it('id: belum ada konfirmasi, merujuk pertanyaan, simpang siur, mengaku tidak mengetahui sebelumnya, a label over a verb', () => {
    expect(pairs(`${konteks} Zedland mengatakan belum ada konfirmasi soal itu.`, 'id', drones)).toEqual(['zedland:neither']);
    expect(pairs(`${konteks} Zedland merujuk pertanyaan ke kementerian pertahanannya.`, 'id', drones)).toEqual(['zedland:neither']);
    expect(pairs(`${konteks} Zedland mengatakan informasi soal itu masih simpang siur.`, 'id', drones)).toEqual(['zedland:neither']);
    expect(pairs(`${konteks} Zedland mengaku tidak mengetahui sebelumnya soal penerbangan drone itu.`, 'id', drones)).toEqual(['zedland:neither']);
    expect(pairs('“Laporan soal drone itu tidak berdasar, dan kami tidak mengonfirmasinya,” kata Freedonia.', 'id', drones)).toEqual(['freedonia:deny']);
  });

  it('id: menyalahkan, mengecam, tetap bungkam, mengeklaim and mengklaim', () => {
    expect(pairs('Sylvania menyalahkan Freedonia atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Zedland mengecam pengiriman drone Freedonia ke Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
    expect(pairs(`${konteks} Freedonia tetap bungkam.`, 'id', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Zedland mengeklaim drone Freedonia dipakai di Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
    expect(pairs('Zedland mengklaim drone Freedonia dipakai di Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
  });
});

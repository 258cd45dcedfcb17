// Phenomena the development set fixtures/eval/dev/israel-device-blasts found (news about an
// attack nobody claimed at first), and probes in the phrasing of arms-supply reporting, each in
// English and Indonesian. The sentences are our own, about the fictional watches
// test/fixtures/watches/freedonia-blasts.yaml and freedonia-drone-supply.yaml (agent: Freedonia),
// and, where a rule must leave troops alone, the project's watch.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { dprkWatch, expectClaims, extract, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-03-12';
const blasts = parseWatch(readFixture('test/fixtures/watches/freedonia-blasts.yaml'), 'freedonia-blasts.yaml');
const drones = parseWatch(readFixture('test/fixtures/watches/freedonia-drone-supply.yaml'), 'freedonia-drone-supply.yaml');

/** The (actor, stance) pairs a text yields, sorted. */
function pairs(text: string, language: string, watch = blasts): string[] {
  return stancePairs(text, PUBLISHED, language, watch);
}

describe('the agent declining to answer about the event', () => {
  it('en: "declined to comment on the blasts" is the agent’s neither, wherever the event is named; anyone else’s is nothing', () => {
    expect(pairs('The Freedonian military declined to comment on the blasts.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Asked about the explosions, the Freedonian military declined to comment.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('A Freedonian military spokesman said the army would not comment on foreign reports about the blasts.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Zedland declined to comment on the blasts.', 'en')).toEqual([]);
  });

  it('id: "menolak berkomentar ketika ditanya soal ledakan itu" is the agent’s neither; anyone else’s is nothing', () => {
    expect(pairs('Militer Freedonia menolak berkomentar ketika ditanya soal ledakan itu.', 'id')).toEqual(['freedonia:neither']);
    expect(pairs('Militer Freedonia, yang setahun terlibat baku tembak dengan Sylvania, menolak menjawab pertanyaan wartawan tentang ledakan tersebut.', 'id')).toEqual(['freedonia:neither']);
    expect(pairs('Zedland menolak berkomentar soal ledakan itu.', 'id')).toEqual([]);
  });

  it('en: silence reported ("has not commented on the blasts") is the agent’s neither; anyone else’s is nothing', () => {
    expect(pairs('Freedonia has not commented on the blasts.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia hasn’t commented on the explosions.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Zedland has not commented on the blasts.', 'en')).toEqual([]);
    expect(pairs('The Freedonian military said it does not comment on foreign reports about the explosions.', 'en')).toEqual(['freedonia:neither']);
  });

  it('id: silence reported ("hingga kini belum berkomentar soal ledakan itu") is the agent’s neither; anyone else’s is nothing', () => {
    expect(pairs('Freedonia hingga kini belum berkomentar soal ledakan itu.', 'id')).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia tidak mau memberikan tanggapan mengenai serangan itu.', 'id')).toEqual(['freedonia:neither']);
    expect(pairs('Zedland belum berkomentar soal ledakan itu.', 'id')).toEqual([]);
    expect(pairs('Militer Freedonia mengatakan tidak mengomentari laporan media asing soal ledakan itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('what the speaker left unsaid ("without mentioning", "tanpa menyinggung") is no part of the words', () => {
  it('en', () => {
    expect(pairs('Rufus Firefly told troops the war was entering a new phase, without referring to the blasts.', 'en')).toEqual([]);
    expect(pairs('Rufus Firefly said the country was safer, without mentioning the attack.', 'en')).toEqual([]);
  });

  it('id', () => {
    expect(pairs('Rufus Firefly pada Rabu mengatakan perang memasuki fase baru, tanpa menyinggung ledakan di Sylvania.', 'id')).toEqual([]);
    expect(pairs('Rufus Firefly mengatakan negaranya lebih aman, tanpa menyebut serangan itu.', 'id')).toEqual([]);
  });
});

describe('someone’s part in the event, in more words', () => {
  it('en: "had neither known about the attacks beforehand nor taken part in them" is a third party’s neither', () => {
    expect(pairs('Zedland said it had neither known about the attacks beforehand nor taken part in them.', 'en')).toEqual(['zedland:neither']);
    expect(pairs('Zedland said it had not taken part in the bombing.', 'en')).toEqual(['zedland:neither']);
  });

  it('id: "tidak ikut serta", "tidak mengambil bagian" is a third party’s neither', () => {
    expect(pairs('Zedland mengatakan tidak ikut serta dalam serangan tersebut.', 'id')).toEqual(['zedland:neither']);
    expect(pairs('Zedland menyatakan tidak pernah mengambil bagian dalam pengeboman itu.', 'id')).toEqual(['zedland:neither']);
  });

  it('en and id: the agent "was behind the attack", "berada di balik serangan itu"', () => {
    expect(pairs('The Sylvanian foreign ministry said Freedonia was behind the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Kementerian Luar Negeri Sylvania mengatakan Freedonia berada di balik serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('id: "menolak adanya keterlibatan", "menolak tanggung jawab" deny (one word per slot in the pack)', () => {
    expect(pairs('Freedonia menolak adanya keterlibatan dalam serangan itu.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia menolak tanggung jawab atas serangan itu.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Sylvania menimpakan kesalahan kepada Freedonia atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: "had nothing to do with the attack" denies one’s part: the agent’s deny, anyone else’s neither', () => {
    expect(pairs('“We have nothing to do with this attack,” the Freedonian president said.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Zedland said it had nothing to do with the bombing.', 'en')).toEqual(['zedland:neither']);
    expect(pairs('"Kami tidak ada hubungannya dengan serangan ini," kata Presiden Freedonia.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Zedland mengatakan tidak ada hubungannya dengan pengeboman itu.', 'id')).toEqual(['zedland:neither']);
  });

  it('en and id: claiming responsibility is the agent’s confirm; never claiming it, its neither (it confirmed before)', () => {
    expect(pairs('Freedonia claimed responsibility for the attack.', 'en')).toEqual(['freedonia:confirm']);
    expect(pairs('Freedonia has never officially claimed responsibility for the attack.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia has not taken responsibility for the blasts.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia mengklaim bertanggung jawab atas serangan itu.', 'id')).toEqual(['freedonia:confirm']);
    expect(pairs('Freedonia tidak pernah secara resmi mengaku bertanggung jawab atas serangan itu.', 'id')).toEqual(['freedonia:neither']);
  });

  it('en and id: holding the agent fully responsible blames it', () => {
    expect(pairs('Sylvania said it held Freedonia fully responsible for the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Sylvania menganggap Freedonia bertanggung jawab penuh atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: vowing to punish the agent for the attack blames it; punishing anyone else says nothing of the agent', () => {
    expect(pairs('Sylvania vowed to punish Freedonia for the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Freedonia vowed to punish Sylvania for the attack.', 'en')).toEqual([]);
    expect(pairs('Sylvania bersumpah menghukum Freedonia atas serangan itu.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Freedonia bersumpah menghukum Sylvania atas serangan itu.', 'id')).toEqual([]);
  });

  it('en: "cited intelligence" confirms (one word per slot in the pack)', () => {
    expect(pairs('Sylvania cited intelligence showing that Freedonia carried out the attack.', 'en')).toEqual(['sylvania:confirm']);
  });
});

describe('a quantity before the event noun belongs to its noun phrase', () => {
  it('en: "carried out dozens of the attacks", "blew up thousands of the group’s pagers"', () => {
    expect(pairs('Trentino said Freedonia had carried out dozens of the attacks.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino said Freedonia had staged hundreds of the country’s bombings.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino said three people were hurt in some of the blasts.', 'en')).toEqual([]);
  });

  it('id: "melancarkan puluhan serangan" (no preposition in the noun phrase)', () => {
    expect(pairs('Trentino mengatakan Freedonia melancarkan puluhan serangan itu.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino mengatakan tiga orang terluka dalam sebagian serangan itu.', 'id')).toEqual([]);
  });
});

describe('the second object of a verb of supplying', () => {
  it('en: "denied supplying Sylvania with drones" governs the drones; "attacked Freedonia with drones" is no deed of Freedonia', () => {
    expect(pairs('Freedonia has repeatedly denied supplying Sylvania with drones for use in the war.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Freedonia denies arming Sylvania with drones.', 'en', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Zedland said Sylvania attacked Freedonia with drones.', 'en', drones)).toEqual([]);
  });

  it('id: "membantah mempersenjatai Sylvania dengan drone" governs the drones; "menyerang Freedonia dengan drone" is no deed of Freedonia', () => {
    expect(pairs('Freedonia membantah mempersenjatai Sylvania dengan drone.', 'id', drones)).toEqual(['freedonia:deny']);
    expect(pairs('Zedland mengatakan Sylvania menyerang Freedonia dengan drone.', 'id', drones)).toEqual([]);
  });

  it('en and id: "a small number of drones", "sejumlah kecil drone"', () => {
    expect(pairs('Freedonia acknowledged sending a small number of drones to Sylvania before the war.', 'en', drones)).toEqual(['freedonia:confirm']);
    expect(pairs('Freedonia mengakui telah mengirim sejumlah kecil drone ke Sylvania sebelum perang.', 'id', drones)).toEqual(['freedonia:confirm']);
  });
});

describe('no reply to a request for comment, and the present tense of headlines', () => {
  it('en: "did not respond to a request for comment on the drones" is the agent’s neither; "insists" reports words', () => {
    expect(pairs('Freedonia did not respond to a request for comment on the drones.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia did not immediately respond to requests for comment about the drones.', 'en', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia insists it has not provided drones to either side.', 'en', drones)).toEqual(['freedonia:deny']);
  });

  it('en and id: not responding to the accusation is the agent’s neither; not responding to rockets is nothing', () => {
    const accused = 'Sylvania accused Freedonia of the attack.';
    expect(pairs(`${accused} Freedonia has not responded to the accusation.`, 'en')).toEqual(['freedonia:neither', 'sylvania:confirm']);
    expect(pairs(`${accused} Freedonia has not responded to the rockets.`, 'en')).toEqual(['sylvania:confirm']);
    const dituduh = 'Sylvania menuduh Freedonia melancarkan serangan itu.';
    expect(pairs(`${dituduh} Freedonia belum menanggapi tuduhan tersebut.`, 'id')).toEqual(['freedonia:neither', 'sylvania:confirm']);
    expect(pairs(`${dituduh} Freedonia belum menanggapi serangan roket Sylvania.`, 'id')).toEqual(['sylvania:confirm']);
  });

  it('id: "tidak menanggapi permintaan komentar soal drone itu" is the agent’s neither; "menegaskan" reports words', () => {
    expect(pairs('Freedonia tidak menanggapi permintaan komentar soal drone itu.', 'id', drones)).toEqual(['freedonia:neither']);
    expect(pairs('Freedonia menegaskan tidak pernah memberikan drone kepada pihak mana pun.', 'id', drones)).toEqual(['freedonia:deny']);
  });
});

describe('who speaks: coordinated subjects, a second verb, an aside', () => {
  it('en: "Sylvania, Zedland and the ... government" all speak', () => {
    expect(pairs('Sylvania and the Zedland government have both blamed Freedonia for the attacks.', 'en')).toEqual(['sylvania:confirm', 'zedland:confirm']);
  });

  it('id: "Sylvania dan pemerintah Zedland" both speak', () => {
    expect(pairs('Sylvania dan pemerintah Zedland sama-sama menyalahkan Freedonia atas serangan itu.', 'id')).toEqual(['sylvania:confirm', 'zedland:confirm']);
  });

  it('en and id: "said that ..., and called it ..." keeps the speaker of "said"', () => {
    expect(pairs('Trentino said that Freedonia had staged the bombing, and called it a war crime.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino mengatakan Freedonia melakukan pengeboman itu, dan menyebutnya kejahatan perang.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: a subject, an aside between commas, then the verb', () => {
    expect(pairs('Trentino, speaking to reporters, said Freedonia had carried out the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Secretary of State Trentino, speaking in Fredville, said Freedonia had carried out the attack.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('Trentino, yang berbicara kepada wartawan, mengatakan Freedonia melancarkan serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en: a speaker made unnamed after its name ("who asked not to be named") is nobody; named, it speaks', () => {
    expect(pairs('A Sylvanian official, who asked not to be named, said Freedonia was behind the attack.', 'en')).toEqual([]);
    expect(pairs('A Sylvanian official who spoke on condition of anonymity said Freedonia was behind the attack.', 'en')).toEqual([]);
    expect(pairs('A Sylvanian official said Freedonia was behind the attack.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "pejabat Sylvania yang enggan disebut namanya" is nobody; named, it speaks', () => {
    expect(pairs('Seorang pejabat Sylvania yang enggan disebut namanya mengatakan Freedonia berada di balik serangan itu.', 'id')).toEqual([]);
    expect(pairs('Pejabat Sylvania yang tidak disebutkan namanya mengatakan Freedonia berada di balik serangan itu.', 'id')).toEqual([]);
    expect(pairs('Seorang pejabat Sylvania mengatakan Freedonia berada di balik serangan itu.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en and id: a negation before another verb does not negate an admission named by a noun', () => {
    expect(pairs('Sylvania did not respond to Freedonia’s admission about the attack.', 'en')).toEqual(['freedonia:confirm']);
    expect(pairs('Sylvania belum menanggapi pengakuan Freedonia soal serangan itu.', 'id')).not.toContain('freedonia:neither');
    expect(pairs('There was no confirmation from Freedonia of the attack.', 'en')).not.toContain('freedonia:confirm');
  });
});

describe('dates: "until then", a statement named after a fronted "before", a sentence naming the words before it', () => {
  it('en: "had until then neither confirmed nor denied" is bounded before publication', () => {
    const sentence = 'Freedonia had until then neither confirmed nor denied any role in the blasts.';
    expectClaims(extract(sentence, '2026-03-12', 'en', blasts), [{ actor: 'freedonia', stance: 'neither', sentence, saidOn: [null, '2026-03-11', 'before'] }]);
  });

  it('id: "hingga saat itu" is bounded before publication', () => {
    const sentence = 'Hingga saat itu, Freedonia tidak membantah maupun mengonfirmasi perannya dalam ledakan itu.';
    expectClaims(extract(sentence, '2026-03-12', 'id', blasts), [{ actor: 'freedonia', stance: 'neither', sentence, saidOn: [null, '2026-03-11', 'before'] }]);
  });

  it('en: "Before Rufus Firefly’s statement, ..." is at the latest the day of that statement', () => {
    const first = 'Rufus Firefly denied on Monday that Freedonia was involved in the blasts.';
    const second = 'Before Rufus Firefly’s statement, Freedonia neither confirmed nor denied its role in the blasts.';
    expectClaims(extract(`${first} ${second}`, '2026-03-12', 'en', blasts), [
      { actor: 'freedonia', stance: 'deny', sentence: first, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
      { actor: 'freedonia', stance: 'neither', sentence: second, saidOn: [null, '2026-03-09', 'before'] },
    ]);
  });

  it('id: "Sebelum pernyataan Rufus Firefly, ..." is at the latest the day of that statement', () => {
    const first = 'Rufus Firefly membantah keterlibatan Freedonia dalam ledakan itu pada Senin (9/3/2026).';
    const second = 'Sebelum pernyataan Rufus Firefly, Freedonia tidak membantah maupun mengonfirmasi keterlibatannya dalam ledakan itu.';
    expectClaims(extract(`${first} ${second}`, '2026-03-12', 'id', blasts), [
      { actor: 'freedonia', stance: 'deny', sentence: first, saidOn: ['2026-03-09', '2026-03-09', 'day'] },
      { actor: 'freedonia', stance: 'neither', sentence: second, saidOn: [null, '2026-03-09', 'before'] },
    ]);
  });

  it('id: "Hal itu disampaikan X ... pada Kamis" dates the words of the sentence before; a sentence not naming them does not', () => {
    const claim = 'Trentino menuduh Freedonia melancarkan serangan itu.';
    const anaphor = 'Hal itu disampaikan Trentino dalam pidato yang disiarkan televisi pada Senin (9/3/2026).';
    expectClaims(extract(`${claim} ${anaphor}`, '2026-03-12', 'id', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-09', '2026-03-09', 'day'] }]);
    const other = 'Sekolah dibuka kembali pada Senin (9/3/2026).';
    expectClaims(extract(`${claim} ${other}`, '2026-03-12', 'id', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-12', '2026-03-12', 'day'] }]);
  });

  it('en: "The remarks were made ... on Monday" dates the words of the sentence before; a sentence not naming them does not', () => {
    const claim = 'Trentino accused Freedonia of carrying out the attack.';
    const anaphor = 'The remarks were made in a televised speech on Monday.';
    expectClaims(extract(`${claim} ${anaphor}`, '2026-03-12', 'en', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-09', '2026-03-09', 'day'] }]);
    const other = 'Schools reopened on Monday.';
    expectClaims(extract(`${claim} ${other}`, '2026-03-12', 'en', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-12', '2026-03-12', 'day'] }]);
  });
});

// Phenomena the development set fixtures/eval/dev/iran-missiles-russia found (arms-supply
// reporting), each in English and Indonesian, about the fictional watches above.

describe('a verb of saying after a relativizer is said by the noun before it, not by the sentence’s speaker', () => {
  it('en: "denied reports which said Freedonia had supplied drones" is the denial only', () => {
    expect(pairs('Zedland denied reports which said Freedonia had supplied drones to Sylvania.', 'en', drones)).toEqual(['zedland:deny']);
    expect(pairs('Zedland said Freedonia had supplied drones to Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
  });

  it('id: "membantah laporan media yang menyebut Freedonia telah memasok drone" is the denial only', () => {
    expect(pairs('Zedland membantah laporan media yang menyebut Freedonia telah memasok drone ke Sylvania.', 'id', drones)).toEqual(['zedland:deny']);
    expect(pairs('Zedland menyebut Freedonia telah memasok drone ke Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
  });
});

describe('hearsay ("is said to have") has no speaker', () => {
  it('en: "Freedonia is said to have supplied drones" and the headline "Freedonia said to have ..." are no claim', () => {
    expect(pairs('Freedonia is said to have supplied drones to Sylvania.', 'en', drones)).toEqual([]);
    expect(pairs('Freedonia said to have delivered attack drones to Sylvania', 'en', drones)).toEqual([]);
    expect(pairs('Freedonia is reported to have delivered drones to Sylvania.', 'en', drones)).toEqual([]);
  });

  it('id: "Freedonia disebut telah memasok drone" and "dikabarkan" are no claim', () => {
    expect(pairs('Freedonia disebut telah memasok drone ke Sylvania.', 'id', drones)).toEqual([]);
    expect(pairs('Freedonia dikabarkan telah mengirim drone ke Sylvania.', 'id', drones)).toEqual([]);
  });
});

describe('a hypothetical event ("any ... would", "setiap ... akan") and what someone was warned not to do', () => {
  it('en: "Any drones supplied to Sylvania would be ...", "warned Freedonia not to supply drones": no claim', () => {
    expect(pairs('“Any drones that Freedonia supplied to Sylvania would be legitimate targets,” the Zedland foreign minister said.', 'en', drones)).toEqual([]);
    expect(pairs('Zedland warned Freedonia not to supply drones to Sylvania.', 'en', drones)).toEqual([]);
  });

  it('id: "Setiap drone yang dipasok Freedonia ... akan ...", "memperingatkan Freedonia agar tidak ...": no claim', () => {
    expect(pairs('Setiap drone yang dipasok Freedonia ke Sylvania akan menjadi sasaran yang sah, kata menteri luar negeri Zedland.', 'id', drones)).toEqual([]);
    expect(pairs('Zedland memperingatkan Freedonia agar tidak memasok drone ke Sylvania.', 'id', drones)).toEqual([]);
    expect(pairs('Zedland mendesak Freedonia supaya tidak mengirim drone ke Sylvania.', 'id', drones)).toEqual([]);
  });
});

describe('offices and verbs of saying in arms-supply reporting', () => {
  it('en: "Secretary of State", "repeated that", "a blatant lie"', () => {
    expect(pairs('Zedland Secretary of State Ann Brock said Freedonia had supplied drones to Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
    expect(pairs('The Zedland foreign minister repeated that Freedonian drones had been delivered to Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
    expect(pairs('The Freedonian foreign ministry said reports that Freedonia had supplied drones were a blatant lie.', 'en', drones)).toEqual(['freedonia:deny']);
  });

  it('id: "Menteri Luar Negeri Zedland", "kembali menegaskan", "kebohongan besar"', () => {
    expect(pairs('Menteri Luar Negeri Zedland Ann Brock mengatakan Freedonia telah memasok drone ke Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
    expect(pairs('Menteri luar negeri Zedland kembali menegaskan bahwa drone Freedonia sudah dikirim ke Sylvania.', 'id', drones)).toEqual(['zedland:confirm']);
    expect(pairs('Kementerian Luar Negeri Freedonia menyebut laporan bahwa Freedonia memasok drone sebagai kebohongan besar.', 'id', drones)).toEqual(['freedonia:deny']);
  });
});

describe('dates: a sentence naming the words before it after its speaker’s name, or with "ia sampaikan"', () => {
  it('en: "Trentino made the remarks ... on Monday" dates the words before', () => {
    const claim = 'Trentino accused Freedonia of carrying out the attack.';
    const anaphor = 'Trentino made the remarks in a televised speech on Monday.';
    expectClaims(extract(`${claim} ${anaphor}`, '2026-03-12', 'en', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-09', '2026-03-09', 'day'] }]);
  });

  it('id: "Trentino menyampaikan hal itu ...", "Tuduhan itu ia sampaikan ... pada Senin" date the words before', () => {
    const claim = 'Trentino menuduh Freedonia melancarkan serangan itu.';
    for (const anaphor of ['Trentino menyampaikan hal itu dalam pidato pada Senin (9/3/2026).', 'Tuduhan itu ia sampaikan dalam pidato pada Senin (9/3/2026).']) {
      expectClaims(extract(`${claim} ${anaphor}`, '2026-03-12', 'id', blasts), [{ actor: 'sylvania', stance: 'confirm', sentence: claim, saidOn: ['2026-03-09', '2026-03-09', 'day'] }]);
    }
  });
});

describe('a deed noun with a demonstrative takes up the deed the sentence before named, with who did it', () => {
  it('en: "declined to confirm the transfer" after a report of the agent’s deed; not "the transfer of tanks", nor without the report', () => {
    const report = 'Sylvania says Freedonia has supplied drones to it.';
    expect(pairs(`${report} The Zedland foreign ministry declined on Friday to confirm the transfer.`, 'en', drones)).toEqual(['sylvania:confirm', 'zedland:neither']);
    expect(pairs(`${report} Freedonia’s foreign ministry declined on Friday to confirm the shipment.`, 'en', drones)).toEqual(['freedonia:neither', 'sylvania:confirm']);
    expect(pairs(`${report} Zedland declined on Friday to confirm the transfer of tanks.`, 'en', drones)).toEqual(['sylvania:confirm']);
    expect(pairs('Zedland declined on Friday to confirm the transfer.', 'en', drones)).toEqual([]);
    expect(pairs(`${report} Rain fell in the capital. Zedland declined on Friday to confirm the transfer.`, 'en', drones)).toEqual(['sylvania:confirm']);
  });

  it('id: "menolak mengonfirmasi pengiriman tersebut" after a report of the agent’s deed; not "pengiriman tank", nor without the report', () => {
    const report = 'Sylvania menyebut Freedonia telah memasok drone kepadanya.';
    expect(pairs(`${report} Kedutaan Zedland menolak mengonfirmasi pengiriman tersebut.`, 'id', drones)).toEqual(['sylvania:confirm', 'zedland:neither']);
    expect(pairs(`${report} Kedutaan Freedonia menolak mengonfirmasi pengiriman itu.`, 'id', drones)).toEqual(['freedonia:neither', 'sylvania:confirm']);
    expect(pairs(`${report} Zedland menolak mengonfirmasi pengiriman tank.`, 'id', drones)).toEqual(['sylvania:confirm']);
    expect(pairs('Kedutaan Zedland menolak mengonfirmasi pengiriman tersebut.', 'id', drones)).toEqual([]);
    expect(pairs(`${report} Hujan turun di ibu kota. Zedland menolak mengonfirmasi pengiriman tersebut.`, 'id', drones)).toEqual(['sylvania:confirm']);
  });
});

describe('an unnamed source is nobody, also when cited and when referred to after', () => {
  it('en: "an unnamed Zedland official said", "citing unnamed Zedland officials. The officials said ..." are no claim; named, they are', () => {
    expect(pairs('An unnamed Zedland official said Freedonia had supplied drones to Sylvania.', 'en', drones)).toEqual([]);
    expect(pairs('A Zedland official said Freedonia had supplied drones to Sylvania.', 'en', drones)).toEqual(['zedland:confirm']);
    const report = 'Freedonia has supplied drones to Sylvania, two newspapers reported, citing';
    expect(pairs(`${report} unnamed Zedland officials. The officials said the shipment arrived at a port.`, 'en', drones)).toEqual([]);
    expect(pairs(`${report} Zedland officials. The officials said the shipment arrived at a port.`, 'en', drones)).toEqual(['zedland:confirm']);
  });

  it('id: "mengutip pejabat Zedland yang tidak disebutkan namanya. Pejabat itu mengatakan ..." is no claim; named, it is', () => {
    const report = 'Freedonia telah memasok drone ke Sylvania, lapor dua surat kabar, mengutip pejabat Zedland';
    expect(pairs(`${report} yang tidak disebutkan namanya. Pejabat itu mengatakan pengiriman tersebut tiba di pelabuhan.`, 'id', drones)).toEqual([]);
    expect(pairs(`${report}. Pejabat itu mengatakan pengiriman tersebut tiba di pelabuhan.`, 'id', drones)).toEqual(['zedland:confirm']);
  });
});

describe('a topic term that only modifies a noun of using it names the means of another deed', () => {
  it('en: "the drone attack on Sylvania" is no report of the supply; "the presence of drones", an owned "troop attack" still are', () => {
    expect(pairs('Freedonia claimed responsibility for the drone attack on Sylvania.', 'en', drones)).toEqual([]);
    expect(pairs('Sylvania said Freedonia had carried out a drone attack on its capital.', 'en', drones)).toEqual([]);
    expect(pairs('Sylvania said Freedonia had supplied drones used in the attack.', 'en', drones)).toEqual(['sylvania:confirm']);
    expect(stancePairs('Zelensky said the North Korean troop attack in Kursk was repelled.', PUBLISHED, 'en', dprkWatch)).toEqual(['ukraine:confirm']);
  });

  it('id: "serangan drone ke Sylvania" is no report of the supply; "kehadiran pasukan", an owned "serangan pasukan Korea Utara" still are', () => {
    expect(pairs('Freedonia mengaku bertanggung jawab atas serangan drone ke Sylvania.', 'id', drones)).toEqual([]);
    expect(pairs('Sylvania mengatakan Freedonia melancarkan serangan drone ke ibu kotanya.', 'id', drones)).toEqual([]);
    expect(pairs('Sylvania mengatakan Freedonia telah memasok drone yang dipakai dalam serangan itu.', 'id', drones)).toEqual(['sylvania:confirm']);
    expect(stancePairs('Zelensky mengatakan kehadiran pasukan Korea Utara di Kursk mengancam Ukraina.', PUBLISHED, 'id', dprkWatch)).toEqual(['ukraine:confirm']);
    expect(stancePairs('Zelensky mengatakan serangan pasukan Korea Utara di Kursk berhasil dipukul mundur.', PUBLISHED, 'id', dprkWatch)).toEqual(['ukraine:confirm']);
  });
});

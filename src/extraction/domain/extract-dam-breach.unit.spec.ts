// Phenomena the development set fixtures/eval/dev/kakhovka-dam-breach found: a deed the parties
// blame on each other, where the agent's denial is mostly said by putting the deed on someone
// else, and third parties decline to say who did it without naming anyone. The sentences are our
// own, about the fictional watch test/fixtures/watches/freedonia-bridge-blast.yaml (agent:
// Freedonia, whose president is Rufus Firefly; Trentino speaks for Sylvania, Pinky for Zedland),
// each in English and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { extract, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-05-14';
const bridge = parseWatch(readFixture('test/fixtures/watches/freedonia-bridge-blast.yaml'), 'freedonia-bridge-blast.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, bridge);
}

describe('the agent naming another doer of the event denies its own part', () => {
  it('en: "sabotage by the Sylvanian side" (a determiner before the doer) is the agent’s deny', () => {
    expect(pairs('“This was deliberate sabotage by the Sylvanian side,” Firefly said.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: "sabotase oleh pihak Sylvania" (a role noun before the doer) is the agent’s deny', () => {
    expect(pairs('“Ini adalah sabotase yang disengaja oleh pihak Sylvania,” kata Firefly.', 'id')).toEqual(['freedonia:deny']);
  });

  it('en: another party as the subject of the deed in the agent’s words is the agent’s deny', () => {
    expect(pairs('Firefly said Sylvanian troops had blown up the bridge to slow the advance.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: "bahwa Sylvania yang meledakkan jembatan itu" in the agent’s words is the agent’s deny', () => {
    expect(pairs('Firefly berkali-kali menyatakan bahwa Sylvania yang meledakkan jembatan itu.', 'id')).toEqual(['freedonia:deny']);
  });

  it('en: not when the other’s deed is negated, nor when someone else names the other doer', () => {
    expect(pairs('Firefly said Sylvania had not blown up the bridge.', 'en')).toEqual([]);
    expect(pairs('Trentino said Zedland had blown up the bridge.', 'en')).toEqual([]);
  });

  it('id: not when the other’s deed is negated, nor when someone else names the other doer', () => {
    expect(pairs('Firefly mengatakan Sylvania tidak meledakkan jembatan itu.', 'id')).toEqual([]);
    expect(pairs('Trentino mengatakan Zedland telah meledakkan jembatan itu.', 'id')).toEqual([]);
  });
});

describe('the agent accusing another party of the event denies its own part', () => {
  it('en: "blamed Sylvanian sabotage for the collapse of the bridge"', () => {
    expect(pairs('The Freedonian presidency blamed Sylvanian sabotage for the collapse of the bridge.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: "menyalahkan sabotase Sylvania atas runtuhnya jembatan"', () => {
    expect(pairs('Kepresidenan Freedonia menyalahkan sabotase Sylvania atas runtuhnya jembatan itu.', 'id')).toEqual(['freedonia:deny']);
  });

  it('en: a denial of the agent’s part joined to blaming another stays a deny', () => {
    expect(pairs('Firefly rejected any suggestion that Freedonian forces were behind the blast and blamed Sylvanian sabotage.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: a denial of the agent’s part joined to blaming another stays a deny', () => {
    expect(pairs('Firefly menolak keras tuduhan bahwa Freedonia berada di balik ledakan itu dan menuding Sylvania melakukan sabotase.', 'id')).toEqual(['freedonia:deny']);
  });
});

describe('holding the agent to account for the event named in the sentence before', () => {
  it('en: "We will hold Freedonia accountable" after a sentence on the blast is the speaker’s confirm', () => {
    expect(pairs('Trentino called the blast on the bridge a war crime. “We will hold Freedonia accountable,” he said.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "meminta pertanggungjawaban Freedonia" after a sentence on the blast is the speaker’s confirm', () => {
    expect(pairs('Trentino menyebut ledakan di jembatan itu kejahatan perang. “Kami akan meminta pertanggungjawaban Freedonia,” tulis Trentino.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('declining to say who did the deed (grammar.open_agents) is neither, though no doer is named', () => {
  it('en: "not in a position to say" after "asked who had blown up the bridge"', () => {
    expect(pairs('Asked who had blown up the bridge, Pinky said Zedland was not in a position to say.', 'en')).toEqual(['zedland:neither']);
    expect(pairs('Zedland said it could not say who was behind the blast on the bridge.', 'en')).toEqual(['zedland:neither']);
  });

  it('id: "belum dapat menentukan siapa yang meledakkan jembatan itu"', () => {
    expect(pairs('Zedland menyatakan belum dapat menentukan siapa yang meledakkan jembatan itu.', 'id')).toEqual(['zedland:neither']);
    expect(pairs('Pinky mengatakan Zedland tidak dalam posisi untuk mengatakan siapa pelaku ledakan di jembatan itu.', 'id')).toEqual(['zedland:neither']);
  });

  it('en: a relative "who" after a name opens no question', () => {
    expect(pairs('Pinky, who visited the bridge after the blast, said he could not say when it would reopen.', 'en')).toEqual([]);
  });
});

describe('an event named as the cause of what the words are about is no deed', () => {
  it('id: "korban tewas akibat runtuhnya jembatan" in the agent’s words is no claim', () => {
    expect(pairs('Firefly mengatakan jumlah korban tewas akibat runtuhnya jembatan naik menjadi 12 orang.', 'id')).toEqual([]);
  });

  it('en: "the death toll from the collapse of the bridge" in the agent’s words is no claim', () => {
    expect(pairs('Firefly said the death toll from the collapse of the bridge had risen to 12.', 'en')).toEqual([]);
  });
});

describe('a relative clause set off by commas after the speaker dates its own deed, not the statement', () => {
  const saidOn = (text: string, language: string) => extract(text, PUBLISHED, language, bridge).claims.map((claim) => `${claim.actorId}:${claim.stance}@${claim.saidOn.from}`);

  it('en: ", who visited the border on Monday," leaves the statement to Wednesday', () => {
    expect(saidOn('On Wednesday, Trentino, who visited the border on Monday, said Freedonian forces had blown up the bridge.', 'en')).toEqual(['sylvania:confirm@2026-05-13']);
  });

  it('id: ", yang mengunjungi perbatasan pada Senin," leaves the statement to Rabu', () => {
    expect(saidOn('Pada Rabu, Trentino, yang mengunjungi perbatasan pada Senin, mengatakan pasukan Freedonia meledakkan jembatan itu.', 'id')).toEqual(['sylvania:confirm@2026-05-13']);
  });
});

describe('"the same call", "percakapan tersebut" date a statement by the occasion the text last dated (dates.relative_to_event)', () => {
  const saidOn = (text: string, language: string) => extract(text, PUBLISHED, language, bridge).claims.map((claim) => `${claim.actorId}:${claim.stance}@${claim.saidOn.from}`);

  it('en: "told the same call" is Monday, the call’s day, not publication', () => {
    expect(saidOn('On Monday, Firefly told Trentino by telephone that Sylvanian troops had blown up the bridge. Trentino told the same call that Freedonian forces had blown up the bridge.', 'en'))
      .toEqual(['freedonia:deny@2026-05-11', 'sylvania:confirm@2026-05-11']);
  });

  it('id: "Dalam percakapan tersebut" is Senin, the call’s day, not publication', () => {
    expect(saidOn('Pada Senin (11/5), Firefly mengatakan kepada Trentino bahwa pasukan Sylvania meledakkan jembatan itu. Dalam percakapan tersebut, Trentino menuduh pasukan Freedonia meledakkan jembatan itu.', 'id'))
      .toEqual(['freedonia:deny@2026-05-11', 'sylvania:confirm@2026-05-11']);
  });
});

describe('an event anaphor opening a sentence, a quotation or a clause takes up the event named just before (references.event_anaphors)', () => {
  it('en: "“It shows ... Freedonia’s war”" after a sentence on the blast names the agent and the event', () => {
    expect(pairs('Trentino called the blast on the bridge an outrage. “It shows once again the brutality of Freedonia’s war,” Trentino said.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "Menurut Trentino, peristiwa itu ... perang Freedonia" after a sentence on the blast names the agent and the event', () => {
    expect(pairs('Trentino menyebut ledakan di jembatan itu tindakan keji. Menurut Trentino, peristiwa itu sekali lagi memperlihatkan kebrutalan perang Freedonia.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en: "it" inside a clause is no anaphor of the event', () => {
    expect(pairs('Trentino called the blast on the bridge an outrage. Trentino said it showed once again the brutality of Freedonia’s war.', 'en')).toEqual([]);
  });
});

describe('a date phrase that dates no statement still dates the occasion "the same call" refers to', () => {
  const saidOn = (text: string, language: string) => extract(text, PUBLISHED, language, bridge).claims.map((claim) => `${claim.actorId}:${claim.stance}@${claim.saidOn.from}`);

  it('en: a call on Tuesday, then "In the same call, Trentino accused ..."', () => {
    expect(saidOn('Pinky spoke to Trentino by telephone on Tuesday about the blast on the bridge. In the same call, Trentino accused Freedonian forces of blowing it up.', 'en'))
      .toEqual(['sylvania:confirm@2026-05-12']);
  });

  it('id: a call "pada Selasa (12/5)", then "Dalam percakapan tersebut, Trentino menuduh ..."', () => {
    expect(saidOn('Pinky membahas ledakan di jembatan itu dengan Trentino melalui telepon pada Selasa (12/5). Dalam percakapan tersebut, Trentino menuduh pasukan Freedonia meledakkan jembatan itu.', 'id'))
      .toEqual(['sylvania:confirm@2026-05-12']);
  });
});

describe('in a quotation of several sentences, a negation denies the agent’s deed only in a sentence that names the agent', () => {
  it('en: "Nobody could blow it up from the outside" after "Freedonia has held the bridge" denies nothing', () => {
    expect(pairs('“Freedonia has held the bridge for a year. Nobody could blow up the bridge from the outside,” Trentino said.', 'en')).toEqual(['sylvania:confirm']);
    expect(pairs('“The bridge was quiet that night. Freedonian forces did not blow up the bridge,” Trentino said.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "Tidak mungkin meledakkannya dari luar" after "dikuasai Freedonia" denies nothing', () => {
    expect(pairs('“Jembatan itu dikuasai Freedonia lebih dari setahun. Tidak mungkin meledakkannya dari luar,” ujar Trentino.', 'id')).toEqual(['sylvania:confirm']);
    expect(pairs('“Jembatan itu sepi malam itu. Pasukan Freedonia tidak meledakkan jembatan itu,” ujar Trentino.', 'id')).toEqual(['sylvania:deny']);
  });
});

describe('a party’s office, then an aside between commas, then the verb of saying: the office speaks', () => {
  const saidOn = (text: string, language: string) => extract(text, PUBLISHED, language, bridge).claims.map((claim) => `${claim.actorId}:${claim.stance}@${claim.saidOn.from}`);

  it('en: "Sylvanian officials, who visited the border on Monday, said on Wednesday ..."; prosecutors are an office', () => {
    expect(saidOn('Sylvanian officials, who visited the border on Monday, said on Wednesday that Freedonian forces had blown up the bridge.', 'en')).toEqual(['sylvania:confirm@2026-05-13']);
    expect(saidOn('Sylvanian prosecutors, who opened a case on Monday, said on Wednesday that they had evidence that Freedonian forces had blown up the bridge.', 'en')).toEqual(['sylvania:confirm@2026-05-13']);
  });

  it('id: "Jaksa Sylvania, yang membuka penyelidikan pada Senin, mengatakan pada Rabu ..."', () => {
    expect(saidOn('Jaksa Sylvania, yang membuka penyelidikan pada Senin, mengatakan pada Rabu bahwa pasukan Freedonia meledakkan jembatan itu.', 'id')).toEqual(['sylvania:confirm@2026-05-13']);
  });
});

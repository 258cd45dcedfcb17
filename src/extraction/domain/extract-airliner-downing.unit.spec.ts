// Phenomena the development set fixtures/eval/dev/azal-8243-downing found: a deed the agent first
// puts on an accident, then apologises for without saying it was its own, and finally admits;
// third parties who cannot yet establish the cause. The sentences are our own, about the
// fictional watch test/fixtures/watches/freedonia-airliner-downing.yaml (agent: Freedonia, whose
// president is Rufus Firefly; Trentino speaks for Sylvania, Pinky for Zedland), each in English
// and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { extract, readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-05-14';
const airliner = parseWatch(readFixture('test/fixtures/watches/freedonia-airliner-downing.yaml'), 'freedonia-airliner-downing.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, airliner);
}

describe('the deed left unsaid is the speaker’s neither', () => {
  it('en: "did not say that ..." and "without saying that ..."', () => {
    expect(pairs('Firefly apologised to Trentino for the incident, but he did not say that Freedonia had shot the plane down.', 'en')).toEqual(['freedonia:neither']);
    expect(pairs('Firefly apologised for the incident without saying that a Freedonian missile hit the plane.', 'en')).toEqual(['freedonia:neither']);
  });

  it('en: "did not say how ..." is no neither on the deed (another question)', () => {
    expect(pairs('Firefly said the plane was lost, but did not say how the fire on board had started.', 'en')).toEqual([]);
  });

  it('id: "tanpa mengatakan bahwa ...", "menolak mengatakan bahwa ..."', () => {
    expect(pairs('Firefly meminta maaf atas insiden itu tanpa mengatakan bahwa rudal Freedonia mengenai pesawat.', 'id')).toEqual(['freedonia:neither']);
    expect(pairs('Firefly menolak mengatakan bahwa Freedonia menembak jatuh pesawat itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('warning others off a conclusion is the speaker’s neither', () => {
  it('en: "warned against speculating about the cause of the plane crash"', () => {
    expect(pairs('The Freedonian presidency warned against speculating about the cause of the plane crash.', 'en')).toEqual(['freedonia:neither']);
  });

  it('id: "memperingatkan agar tidak berspekulasi soal penyebab kecelakaan pesawat"', () => {
    expect(pairs('Kepresidenan Freedonia memperingatkan agar tidak berspekulasi soal penyebab kecelakaan pesawat itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('a third party unable to establish the cause is its neither', () => {
  it('en: "impossible to establish the cause of the crash", "no conclusions about the cause"', () => {
    expect(pairs('Pinky said it was impossible to establish the cause of the crash.', 'en')).toEqual(['zedland:neither']);
    expect(pairs('Pinky said no conclusions about the cause of the crash would be drawn before the tests.', 'en')).toEqual(['zedland:neither']);
  });

  it('id: "tidak mungkin menentukan penyebab", "belum ada kesimpulan soal penyebab"', () => {
    expect(pairs('Pinky mengatakan tidak mungkin menentukan penyebab jatuhnya pesawat itu.', 'id')).toEqual(['zedland:neither']);
    expect(pairs('Pinky mengatakan belum ada kesimpulan soal penyebab kecelakaan pesawat itu.', 'id')).toEqual(['zedland:neither']);
  });
});

describe('an unintended deed is still the deed', () => {
  it('en: "shot down by Freedonia, though not on purpose" confirms', () => {
    expect(pairs('Trentino said the plane was shot down by Freedonia, though not on purpose.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "ditembak secara tidak sengaja oleh Freedonia" confirms', () => {
    expect(pairs('“Pesawat kami ditembak secara tidak sengaja oleh Freedonia,” kata Trentino.', 'id')).toEqual(['sylvania:confirm']);
  });
});

describe('a verb after "but" with only an auxiliary before it keeps the clause’s subject', () => {
  it('en: "…, but has stopped short of saying" is Freedonia’s, not the party named in the object', () => {
    expect(pairs('Freedonia has said its air defences were repelling Sylvanian drones, but has stopped short of saying that it hit the plane.', 'en')).toEqual(['freedonia:neither']);
  });

  it('id: "…, tetapi telah menolak berkomentar" is Freedonia’s', () => {
    expect(pairs('Freedonia mengatakan pertahanan udaranya menghalau drone Sylvania, tetapi telah menolak berkomentar soal jatuhnya pesawat itu.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('a counted span of time up to now puts the statement before publication', () => {
  it('en: "For more than nine months Firefly had refused to say ..."', () => {
    const { claims } = extract('For more than nine months Firefly had refused to say that Freedonia shot down the plane.', PUBLISHED, 'en', airliner);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['freedonia', 'neither', null, '2026-05-13']]);
  });

  it('id: "Selama lebih dari sembilan bulan Firefly menolak mengatakan ..."', () => {
    const { claims } = extract('Selama lebih dari sembilan bulan Firefly menolak mengatakan bahwa Freedonia menembak jatuh pesawat itu.', PUBLISHED, 'id', airliner);
    expect(claims.map((claim) => [claim.actorId, claim.stance, claim.saidOn.from, claim.saidOn.to])).toEqual([['freedonia', 'neither', null, '2026-05-13']]);
  });
});

describe('an event verb with a count right after it names a deed on other objects', () => {
  it('en: "air defences shot down dozens of Sylvanian drones" is no word on the plane', () => {
    expect(pairs('Freedonian air defences shot down dozens of Sylvanian drones over the south, Firefly said.', 'en')).toEqual([]);
    expect(pairs('Firefly said Freedonian air defences shot down the plane.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "menembak jatuh 42 drone Sylvania" is no word on the plane', () => {
    expect(pairs('Firefly mengatakan pertahanan udara Freedonia menembak jatuh 42 drone Sylvania.', 'id')).toEqual([]);
    expect(pairs('Firefly mengatakan pertahanan udara Freedonia menembak jatuh pesawat itu.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('the agent giving the event an accident’s cause denies its part', () => {
  it('en: "the crew had diverted after a bird strike caused an emergency" said by the agent', () => {
    expect(pairs('The Freedonian aviation agency said the crew had diverted after a bird strike caused an emergency on board.', 'en')).toEqual(['freedonia:deny']);
    expect(pairs('Trentino said the crew had diverted after a bird strike.', 'en')).toEqual([]);
  });

  it('id: "dialihkan setelah tabrakan dengan burung" said by the agent', () => {
    expect(pairs('Badan penerbangan Freedonia mengatakan pesawat itu dialihkan setelah tabrakan dengan burung.', 'id')).toEqual(['freedonia:deny']);
    expect(pairs('Trentino mengatakan pesawat itu dialihkan setelah tabrakan dengan burung.', 'id')).toEqual([]);
  });
});

describe('"but that" goes on with the same speaker’s words', () => {
  it('en: "said the contents ... had been deciphered but that no conclusions ... would be drawn"', () => {
    expect(pairs('Pinky said the contents of the recorders had been fully deciphered but that no conclusions about the cause of the crash would be drawn.', 'en')).toEqual(['zedland:neither']);
  });

  it('en: "but" before another subject still ends them', () => {
    expect(pairs('Pinky said the recorders had been read, but Firefly denied that Freedonia shot down the plane.', 'en')).toEqual(['freedonia:deny']);
  });

  it('id: "mengatakan ... sudah dibaca seluruhnya, tetapi bahwa belum ada kesimpulan ..."', () => {
    expect(pairs('Pinky mengatakan isi kotak hitam pesawat sudah dibaca seluruhnya, tetapi bahwa belum ada kesimpulan soal penyebab kecelakaan itu.', 'id')).toEqual(['zedland:neither']);
  });
});

describe('an unnamed source is the subject of its verb, and the search for a speaker stops there', () => {
  it('en: "…, as sources in the Sylvanian government told reporters that …" is not the first clause’s subject speaking', () => {
    expect(pairs('Firefly on Thursday warned against speculating about the cause of the crash, as sources in the Sylvanian government told reporters that a Freedonian missile had hit the plane.', 'en')).toEqual(['freedonia:neither']);
  });

  it('id: "… ketika sumber di pemerintah Sylvania mengatakan …"', () => {
    expect(pairs('Firefly memperingatkan agar tidak berspekulasi soal penyebab kecelakaan pesawat itu ketika sumber di pemerintah Sylvania mengatakan rudal Freedonia menghantam pesawat.', 'id')).toEqual(['freedonia:neither']);
  });
});

describe('another party spreading falsehoods is its conduct, no denial', () => {
  it('en: "stop spreading disinformation" is no deny; calling the reports disinformation is', () => {
    expect(pairs('“Freedonia must provide clear explanations and stop spreading disinformation about the plane,” Trentino wrote.', 'en')).toEqual([]);
    expect(pairs('Trentino called the reports of a Freedonian missile hitting the plane disinformation.', 'en')).toEqual(['sylvania:deny']);
  });

  it('id: "berhenti menyebarkan disinformasi" is no deny', () => {
    expect(pairs('“Freedonia harus memberi penjelasan dan berhenti menyebarkan disinformasi soal pesawat itu,” tulis Trentino.', 'id')).toEqual([]);
  });
});

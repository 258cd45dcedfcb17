// Phenomena the development set fixtures/eval/dev/pakistan-downs-indian-jets found: a claimed
// shooting-down of another party's jets, where the side that lost them owns up to losses without
// naming the doer, a maker disputes the claim, and the loser's later claim of its own kills is
// rejected by the agent. The sentences are our own, about the fictional watch
// test/fixtures/watches/freedonia-jets-shootdown.yaml (agent: Freedonia, whose defence minister
// is Harold Wolcott; Vera Marcal speaks for Sylvania, Pinky for Zedland, Otto Brandt for
// Aerowerk, the jets' maker), each in English and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { readFixture, stancePairs } from './extraction.fixture.js';
import { splitSentences } from './sentences.js';

const PUBLISHED = '2026-05-14';
const jets = parseWatch(readFixture('test/fixtures/watches/freedonia-jets-shootdown.yaml'), 'freedonia-jets-shootdown.yaml');

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, jets);
}

describe('calling the agent’s claim inaccurate denies it', () => {
  it('en: "is inaccurate" is a deny label', () => {
    expect(pairs('“What Freedonia says about three Sylvanian jets being shot down is inaccurate,” Otto Brandt said.', 'en')).toEqual(['aerowerk:deny']);
  });

  it('id: "tidak akurat dan tidak berdasar" is a deny, not a neither-nor', () => {
    expect(pairs('Otto Brandt menyebut klaim Freedonia menjatuhkan beberapa jet Sylvania tidak akurat dan tidak berdasar.', 'id')).toEqual(['aerowerk:deny']);
  });
});

describe('declining a yes-or-no question on the deed, right after the agent was named, is neither', () => {
  it('en: "Asked whether ..., Pinky said he was not familiar with the situation"', () => {
    expect(
      pairs('Freedonia’s air force flies Zedland-built fighters. Asked whether Zedland aircraft had been used against the Sylvanian jets, Pinky said he was not familiar with the situation.', 'en'),
    ).toEqual(['zedland:neither']);
  });

  it('id: "Ditanya apakah ..., Pinky mengatakan tidak mengetahui situasinya"', () => {
    expect(
      pairs('Angkatan udara Freedonia menerbangkan pesawat buatan Zedland. Ditanya apakah pesawat buatan Zedland dipakai untuk menembak jatuh jet Sylvania, Pinky mengatakan tidak mengetahui situasinya.', 'id'),
    ).toEqual(['zedland:neither']);
  });
});

describe('what the words leave unsaid is no negation of them', () => {
  it('en: "..., without saying whose" does not turn the words into a denial', () => {
    expect(pairs('Pinky said five jets were shot down in the fighting between Sylvania and Freedonia, without saying whose.', 'en')).toEqual(['zedland:confirm']);
  });

  it('id: "..., tanpa mengatakan milik siapa" does not turn the words into a denial', () => {
    expect(pairs('Pinky mengatakan lima jet ditembak jatuh dalam pertempuran antara Sylvania dan Freedonia, tanpa mengatakan milik siapa.', 'id')).toEqual(['zedland:confirm']);
  });
});

describe('evidence for one’s own claim takes no stance of its own', () => {
  it('en: "has not presented evidence for its claim" is no neither', () => {
    expect(pairs('Freedonia says it shot down six Sylvanian jets. Freedonia has not presented evidence for its claim.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "belum menunjukkan bukti atas klaim tersebut" is no neither', () => {
    expect(pairs('Freedonia mengklaim menembak jatuh enam jet Sylvania. Freedonia belum menunjukkan bukti atas klaim tersebut.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('a contrast followed by a negation goes on with the same words', () => {
  it('en: "said one jet was lost, but not because it was shot down by Freedonia" denies', () => {
    expect(pairs('Aerowerk said one Sylvanian jet was lost in May, but not because it was shot down by Freedonia.', 'en')).toEqual(['aerowerk:deny']);
  });

  it('id: "menyatakan satu jet hilang, tetapi bukan karena ditembak jatuh oleh Freedonia" denies', () => {
    expect(pairs('Aerowerk menyatakan satu jet Sylvania memang hilang pada Mei lalu, tetapi bukan karena ditembak jatuh oleh Freedonia.', 'id')).toEqual(['aerowerk:deny']);
  });
});

describe('a single capital after a digit ends a model name, not an initial', () => {
  it('en: "... from the ZF-10C. Freedonia ..." is two sentences', () => {
    expect(splitSentences('The missiles were fired from the ZF-10C. Freedonia did not say more.', new Set())).toHaveLength(2);
  });

  it('id: "... dari jet ZF-10C. Freedonia ..." is two sentences', () => {
    expect(splitSentences('Rudal itu ditembakkan dari jet ZF-10C. Freedonia tidak merinci lebih jauh.', new Set())).toHaveLength(2);
  });
});

describe('the agent’s claim with its words in a relative clause of saying', () => {
  it('en: "rejected Freedonia’s claim that it had shot down ..." denies what the claim confirms', () => {
    expect(pairs('Otto Brandt rejected Freedonia’s claim that it had shot down three Sylvanian jets.', 'en')).toEqual(['aerowerk:deny', 'freedonia:confirm']);
  });

  it('id: "membantah klaim Freedonia yang menyebut telah menembak jatuh ..." denies it too', () => {
    expect(pairs('Otto Brandt membantah klaim Freedonia yang menyebut telah menembak jatuh tiga jet Sylvania.', 'id')).toEqual(['aerowerk:deny', 'freedonia:confirm']);
  });
});

describe('another party’s deed on the agent’s things is not the watched deed', () => {
  it('en: "Sylvanian forces shot down five Freedonian jets", and the agent dismissing it, claim nothing', () => {
    expect(pairs('Vera Marcal said Sylvanian forces shot down five Freedonian jets. Harold Wolcott dismissed the claim on Sunday.', 'en')).toEqual([]);
  });

  it('id: "pasukan Sylvania menembak jatuh lima jet Freedonia dan satu pesawat", and "menepis klaim itu", claim nothing', () => {
    expect(pairs('Vera Marcal mengklaim pasukan Sylvania menembak jatuh lima jet Freedonia dan satu pesawat besar. Harold Wolcott menepis klaim itu pada Minggu.', 'id')).toEqual([]);
  });
});

describe('the loser owning up to losing what the deed was done to', () => {
  it('en: "acknowledged that Sylvania lost fighter jets in the clashes with Freedonia" confirms', () => {
    expect(pairs('Vera Marcal acknowledged that Sylvania lost fighter jets in the clashes with Freedonia.', 'en')).toEqual(['sylvania:confirm']);
  });

  it('id: "mengakui bahwa Sylvania kehilangan jet tempur dalam bentrokan dengan Freedonia" confirms', () => {
    expect(pairs('Vera Marcal mengakui bahwa Sylvania kehilangan jet tempur dalam bentrokan dengan Freedonia.', 'id')).toEqual(['sylvania:confirm']);
  });

  it('en: right after the agent’s claim, "has acknowledged losing aircraft" confirms', () => {
    expect(pairs('Freedonia says it shot down six Sylvanian jets. Sylvania has acknowledged losing aircraft.', 'en')).toEqual(['freedonia:confirm', 'sylvania:confirm']);
  });

  it('id: right after the agent’s claim, "belum mengonfirmasi kehilangan pesawat" is neither', () => {
    expect(pairs('Freedonia mengklaim menembak jatuh enam jet Sylvania. Pemerintah Sylvania belum mengonfirmasi kehilangan pesawat.', 'id')).toEqual(['freedonia:confirm', 'sylvania:neither']);
  });
});

describe('a person named in full is named by the last word of the name later', () => {
  it('en: "Harold Wolcott ... “...,” Wolcott said"', () => {
    expect(pairs('Harold Wolcott spoke in the capital of Freedonia on Sunday. “We downed five Sylvanian jets,” Wolcott said.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "Harold Wolcott ... “...,” kata Wolcott"', () => {
    expect(pairs('Harold Wolcott berbicara di ibu kota Freedonia pada Minggu. “Kami menjatuhkan lima jet Sylvania,” kata Wolcott.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('declining to give a number is no refusal to answer whether the deed was done', () => {
  it('en: "would not say how many Sylvanian jets were shot down"', () => {
    expect(pairs('Asked about the clashes with Freedonia, Vera Marcal would not say how many Sylvanian jets were shot down.', 'en')).toEqual([]);
  });

  it('id: "enggan menyebut berapa jet Sylvania yang ditembak jatuh"', () => {
    expect(pairs('Ditanya soal bentrokan dengan Freedonia, Vera Marcal enggan menyebut berapa jet Sylvania yang ditembak jatuh.', 'id')).toEqual([]);
  });
});

describe('a cue in a clause of its own subject after "and" leaves the words before it to the speaker', () => {
  it('en: "“We downed their jets, and now they admit it,” Harold Wolcott told reporters"', () => {
    expect(pairs('“We downed their jets, and now they admit it,” Harold Wolcott told reporters about Sylvania.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: "“Kami menjatuhkan jet mereka, dan kini mereka mengakuinya,” kata Harold Wolcott"', () => {
    expect(pairs('“Kami menjatuhkan jet mereka, dan kini mereka mengakuinya,” kata Harold Wolcott tentang Sylvania.', 'id')).toEqual(['freedonia:confirm']);
  });
});

describe('words after a contrast assert when those before it do not', () => {
  it('en: "“I may not agree that we lost so many aircraft, but I do agree that we lost some aircraft”"', () => {
    expect(
      pairs('Freedonia says it shot down six Sylvanian jets. “I may not agree that we lost so many aircraft, but I do agree that we lost some aircraft,” Vera Marcal said.', 'en'),
    ).toEqual(['freedonia:confirm', 'sylvania:confirm']);
  });

  it('id: "“Saya mungkin tidak setuju ..., tetapi saya setuju bahwa kami kehilangan beberapa pesawat”"', () => {
    expect(
      pairs('Freedonia mengklaim menembak jatuh enam jet Sylvania. “Saya mungkin tidak setuju bahwa kami kehilangan begitu banyak pesawat, tetapi saya setuju bahwa kami kehilangan beberapa pesawat,” kata Vera Marcal.', 'id'),
    ).toEqual(['freedonia:confirm', 'sylvania:confirm']);
  });
});

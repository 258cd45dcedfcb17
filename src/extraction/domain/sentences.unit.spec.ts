import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences.js';

const ABBREVIATIONS = new Set(['gen', 'oct', 'jl', 'no']);

function sentencesOf(text: string): string[] {
  return splitSentences(text, ABBREVIATIONS).map(({ start, end }) => text.slice(start, end));
}

describe('splitSentences', () => {
  it('keeps a multi-sentence quotation with the attribution after it', () => {
    const text = '“Ada Pasal 4. Kami tidak ragu. Namun ini urusan kami,” kata Putin, Kamis (24/10). Kremlin diam.';
    expect(sentencesOf(text)).toEqual(['“Ada Pasal 4. Kami tidak ragu. Namun ini urusan kami,” kata Putin, Kamis (24/10).', 'Kremlin diam.']);
  });

  it('splits after a closing quotation mark that ends a sentence', () => {
    const text = '“Gambar adalah hal yang serius,” kata Putin. “Jika ada gambar, maka itu mencerminkan sesuatu.” Dia menambahkan.';
    expect(sentencesOf(text)).toEqual([
      '“Gambar adalah hal yang serius,” kata Putin.',
      '“Jika ada gambar, maka itu mencerminkan sesuatu.”',
      'Dia menambahkan.',
    ]);
  });

  it('handles straight quotation marks', () => {
    const text = '"We deny it. It is fake," Peskov said. Seoul disagreed.';
    expect(sentencesOf(text)).toEqual(['"We deny it. It is fake," Peskov said.', 'Seoul disagreed.']);
  });

  it('does not end a sentence at an abbreviation, an initial, an acronym or inside a word', () => {
    const text = 'Gen. Valery V. Gerasimov spoke on Oct. 24 to the U.S. Embassy. TRIBUNNEWS.COM – Berita 3.000 tentara.';
    expect(sentencesOf(text)).toEqual(['Gen. Valery V. Gerasimov spoke on Oct. 24 to the U.S. Embassy.', 'TRIBUNNEWS.COM – Berita 3.000 tentara.']);
  });

  it('ends a sentence at a line break, unless the next line continues in lower case', () => {
    const text = 'NATO Konfirmasi Pasukan Korea Utara\n\nKremlin membantah laporan\nitu pada Senin.\nPutin diam.';
    expect(sentencesOf(text)).toEqual(['NATO Konfirmasi Pasukan Korea Utara', 'Kremlin membantah laporan\nitu pada Senin.', 'Putin diam.']);
  });

  it('gives offsets into the original text and drops fragments without letters', () => {
    const text = '  Truncated anta\n\n.\n\nNext one.  ';
    const spans = splitSentences(text, ABBREVIATIONS);
    expect(spans).toEqual([
      { start: 2, end: 16 },
      { start: 21, end: 30 },
    ]);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['Truncated anta', 'Next one.']);
  });

  it('cuts a runaway sentence at a space so matching stays linear', () => {
    const text = `${'kata '.repeat(2000)}akhir.`;
    const spans = splitSentences(text, ABBREVIATIONS);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.every(({ start, end }) => end - start <= 3100)).toBe(true);
  });
});

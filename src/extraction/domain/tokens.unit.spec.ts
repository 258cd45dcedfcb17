// The scanner in tokens.ts against the token grammar written as one regular expression: the
// same tokens, offsets and kinds on article-like text, on every class of character it
// distinguishes, and on random strings made of them.

import { describe, expect, it } from '@jest/globals';
import { markQuotes, tokenize } from './tokens.js';

const GRAMMAR = /((?:\p{Lu}\.){2,})|(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|\S/gu;
const HYPHENS = new Set(['-', '‐', '‑']);

/** [text, start, kind] of each token the grammar gives, hyphens between two words left out. */
function byGrammar(text: string, start: number, end: number): [string, number, string][] {
  const slice = text.slice(start, end);
  const found: [string, number, string][] = [];
  for (const match of slice.matchAll(GRAMMAR)) {
    const at = start + match.index;
    const kind = match[2] !== undefined ? 'number' : match[1] !== undefined || match[3] !== undefined ? 'word' : 'other';
    const joins = at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1)) && /[\p{L}\p{N}]/u.test(text.charAt(at + 1));
    if (kind === 'other' && HYPHENS.has(match[0]) && joins) continue;
    found.push([match[0], at, kind]);
  }
  return found;
}

function byScanner(text: string, start: number, end: number): [string, number, string][] {
  return tokenize(text, start, end).map((token) => [token.text, token.start, token.isNumber ? 'number' : token.isWord ? 'word' : 'other']);
}

const SAMPLES = [
  'The U.S. and A.S. said on Oct. 24, 2024 that 11.000 (3,5%) troops — “not one” — left.',
  "Jum'at, didn't, Korea's, Koreans’ ‘quoted’ rock'n'roll 24th G20 Jong-un desas-desus U.S",
  'Résumé naïve café Ⅻ ½ ²³ e\u0301 ﬁ Ǆ ǅ İstanbul 𝐀𝐁 𝟏𝟐 😀 a\u00a0b\u2009c\ufeffd',
  '  A.B.C  A.B.c A.  ..  ,5 5, 5,,5 5.5.5 x’ ’x \' \'\' -a a- a-b a--b',
];

describe('tokenize', () => {
  it('gives the tokens of the token grammar on article-like text', () => {
    for (const text of SAMPLES) expect(byScanner(text, 0, text.length)).toEqual(byGrammar(text, 0, text.length));
  });

  it('gives them for any stretch of a text, cut anywhere', () => {
    const text = SAMPLES.join(' ');
    for (let start = 0; start < text.length; start += 7) {
      for (const end of [start + 1, start + 5, start + 23, text.length]) {
        expect(byScanner(text, start, Math.min(end, text.length))).toEqual(byGrammar(text, start, Math.min(end, text.length)));
      }
    }
  });

  it('gives them on random strings of the characters the grammar tells apart', () => {
    const alphabet = [...'aZé\u0301.,\'’-‐ 1½Ⅻ“”!?\u00a0\n', '𝐀', '𝟏', '😀', '\ud800'];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + random(14) }, () => alphabet[random(alphabet.length)]).join('');
      expect(byScanner(text, 0, text.length)).toEqual(byGrammar(text, 0, text.length));
    }
  });

  it('stops after maxTokens tokens', () => {
    expect(tokenize('Read more: the U.S. said', 0, 24, 3).map((token) => token.text)).toEqual(['Read', 'more', ':']);
  });
});

describe('markQuotes', () => {
  const quoted = (text: string) => {
    const tokens = tokenize(text);
    markQuotes(tokens);
    return tokens.filter((token) => token.quoted).map((token) => token.text).join(' ');
  };

  it('takes straight single quotes around words as a quotation', () => {
    expect(quoted("'The drones were never supplied,' the envoy said.")).toBe('The drones were never supplied ,');
    expect(quoted("He said: 'Our units are there.'")).toBe('Our units are there .');
  });

  it('leaves straight apostrophes in and after words alone', () => {
    expect(quoted("The Koreans' troops and Moscow's units in the '90s.")).toBe('');
    expect(quoted("Moscow's 'special operation' in the '90s.")).toBe('special operation');
  });
});

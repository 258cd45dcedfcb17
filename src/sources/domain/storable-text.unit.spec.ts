import { describe, expect, it } from '@jest/globals';
import { REPLACEMENT_CHARACTER as R, storableText, withStorableText } from './storable-text.js';

describe('storableText', () => {
  it('replaces NUL and unpaired surrogates, high or low, wherever they stand', () => {
    expect(storableText('a\u0000b')).toBe(`a${R}b`);
    expect(storableText('\uD800title')).toBe(`${R}title`);
    expect(storableText('title\uDBFF')).toBe(`title${R}`);
    expect(storableText('x\uDC00y')).toBe(`x${R}y`);
    expect(storableText('\uDC00\uD800')).toBe(`${R}${R}`);
  });

  it('keeps paired surrogates (characters outside the BMP) and ordinary text as they are', () => {
    const text = 'Peskov 😀 𝕏 “kabar” – ok\ttab\nline';
    expect(storableText(text)).toBe(text);
    expect(storableText('\uD83D\uDE00')).toBe('😀');
  });

  it('makes a value JSON that Postgres jsonb accepts: no \\u0000 and no lone \\ud8xx escape left', () => {
    const doc = withStorableText({ id: 'x\u0000', title: '\uD800', nested: { list: ['\uDFFF', 1, null, true] } });
    expect(doc).toEqual({ id: `x${R}`, title: R, nested: { list: [R, 1, null, true] } });
    expect(JSON.stringify(doc)).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}/i);
  });
});

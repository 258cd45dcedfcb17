import { describe, expect, it } from '@jest/globals';
import { findUnstorableText, unstorableTextProblem } from './unstorable-text.js';

describe('unstorableTextProblem', () => {
  it('accepts ordinary text, including characters outside the BMP', () => {
    expect(unstorableTextProblem('Kremlin membantah laporan itu 🇷🇺 — “tidak benar”')).toBeNull();
    expect(unstorableTextProblem("'; drop table events; --")).toBeNull();
  });

  it('finds a NUL and unpaired surrogates of either half', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextProblem('a\uD800')).toMatch(/surrogate/);
    expect(unstorableTextProblem('\uDC00a')).toMatch(/surrogate/);
    expect(unstorableTextProblem('\uDBFF\uDBFF\uDC00')).toMatch(/surrogate/); // the first high one is alone
  });
});

describe('findUnstorableText', () => {
  it('names the field where the bad text is, nested or in an array', () => {
    expect(findUnstorableText({ quote: 'ok', saidOn: { to: 'x\u0000' } })).toEqual({ field: 'saidOn.to', problem: 'contains a NUL character' });
    expect(findUnstorableText(['ok', 'b\uD83D'], 'ids')).toEqual({ field: 'ids[1]', problem: 'contains an unpaired UTF-16 surrogate' });
    expect(findUnstorableText({ ['k\u0000']: 1 })).toEqual({ field: 'k\u0000', problem: 'has a name that contains a NUL character' });
  });

  it('refuses a value nested too deeply, without recursing into it', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.problem).toMatch(/nested more than \d+ levels/);
    expect(findUnstorableText({ a: { b: { c: ['fine'] } } })).toBeNull();
  });

  it('passes numbers, booleans, null and clean objects', () => {
    expect(findUnstorableText({ a: 1, b: [true, null, { c: 'fine' }] })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { normalizeLanguageTag } from './language-tag.js';

describe('normalizeLanguageTag', () => {
  it.each([
    ['id', 'id'],
    ['en', 'en'],
    ['en-gb', 'en-GB'],
    ['EN-US', 'en-US'],
    ['en_GB', 'en-GB'],
    ['in', 'id'],
    ['ind', 'id'],
    [' ko ', 'ko'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('%j is %j', (tag, expected) => {
    expect(normalizeLanguageTag(tag)).toBe(expected);
  });

  it.each(['', 'xx', 'english', 'und', 'en--GB', 'x-private', '12'])('rejects %j', (tag) => {
    expect(normalizeLanguageTag(tag)).toBeNull();
  });
});

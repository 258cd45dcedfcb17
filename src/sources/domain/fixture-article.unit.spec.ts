import { describe, expect, it } from '@jest/globals';
import { FixtureArticleError, parseFixtureArticle } from './fixture-article.js';

const PATH = 'fixtures/articles/example.md';

function fixture(fields: Record<string, string | undefined>, body = 'Teks berita.\n'): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${value}`);
  return ['---', '# a comment', ...lines, '---', ''].join('\n') + body;
}

const VALID = {
  title: '"Putin: \\"urusan kami\\""',
  url: 'https://fixtures.stance-monitor.invalid/articles/example',
  outlet: 'Tribunnews',
  published: '2024-10-25',
  language: 'id',
};

function errorOf(content: string): FixtureArticleError {
  try {
    parseFixtureArticle(PATH, content);
  } catch (error) {
    if (error instanceof FixtureArticleError) return error;
    throw error;
  }
  throw new Error('expected a FixtureArticleError');
}

describe('parseFixtureArticle', () => {
  it('reads the fields and keeps the body byte for byte', () => {
    const body = '  Baris pertama,  dengan spasi ganda.\r\n\n---\nBaris terakhir tanpa baris baru';
    expect(parseFixtureArticle(PATH, fixture(VALID, body))).toEqual({
      path: PATH,
      title: 'Putin: "urusan kami"',
      url: VALID.url,
      outlet: 'Tribunnews',
      published: '2024-10-25',
      language: 'id',
      text: body,
    });
  });

  it('accepts a date-time with offset, an empty body and a canonicalisable language tag', () => {
    const article = parseFixtureArticle(PATH, fixture({ ...VALID, published: '2025-04-28T09:45:00+07:00', language: 'en-gb' }, ''));
    expect(article).toMatchObject({ published: '2025-04-28T09:45:00+07:00', language: 'en-GB', text: '' });
  });

  it('accepts a file that ends right after the closing line', () => {
    expect(parseFixtureArticle(PATH, `---\n${Object.entries(VALID).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---`).text).toBe('');
  });

  it.each([
    ['no front matter', 'Just text.\n', 'front matter'],
    ['front matter not at the start', `\n${fixture(VALID)}`, 'front matter'],
    ['unclosed front matter', '---\ntitle: x\n', 'front matter'],
    ['invalid YAML', '---\ntitle: [unclosed\n---\nText', 'front matter'],
    ['front matter that is a list', '---\n- a\n- b\n---\nText', 'front matter'],
    ['missing title', fixture({ ...VALID, title: undefined }), 'title'],
    ['empty outlet', fixture({ ...VALID, outlet: '""' }), 'outlet'],
    ['a number as outlet', fixture({ ...VALID, outlet: '42' }), 'outlet'],
    ['missing url', fixture({ ...VALID, url: undefined }), 'url'],
    ['relative url', fixture({ ...VALID, url: '/articles/x' }), 'url'],
    ['non-web url', fixture({ ...VALID, url: 'ftp://example.com/x' }), 'url'],
    ['missing published', fixture({ ...VALID, published: undefined }), 'published'],
    ['published in words', fixture({ ...VALID, published: 'yesterday' }), 'published'],
    ['impossible date', fixture({ ...VALID, published: '2025-02-30' }), 'published'],
    ['date-time without offset', fixture({ ...VALID, published: '2025-04-28T09:45:00' }), 'published'],
    ['date-time with impossible hour', fixture({ ...VALID, published: '2025-04-28T25:00:00Z' }), 'published'],
    ['missing language', fixture({ ...VALID, language: undefined }), 'language'],
    ['malformed language tag', fixture({ ...VALID, language: 'en--GB' }), 'language'],
    ['unknown language', fixture({ ...VALID, language: 'xx' }), 'language'],
  ])('names the field for %s', (_case, content, field) => {
    const error = errorOf(content);
    expect(error.field).toBe(field);
    expect(error.path).toBe(PATH);
    expect(error.message).toMatch(new RegExp(`^${PATH}: ${field}: `));
  });
});

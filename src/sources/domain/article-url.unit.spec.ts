import { describe, expect, it } from '@jest/globals';
import { canonicalizeUrl, resolveWebUrl } from './article-url.js';

describe('canonicalizeUrl', () => {
  it.each([
    ['lower-cases the host and drops the fragment', 'https://News.Example.COM/Berita/1#komentar', 'https://news.example.com/Berita/1'],
    ['drops utm_* (any case), fbclid and click ids', 'https://x.example.com/a?utm_source=rss&UTM_Medium=feed&fbclid=abc&gclid=1&id=7', 'https://x.example.com/a?id=7'],
    ['sorts the query by name, stably', 'https://x.example.com/a?b=2&a=1&b=1', 'https://x.example.com/a?a=1&b=2&b=1'],
    ['keeps parameters as encoded', 'https://x.example.com/a?q=kim%20jong+un&z=%2F', 'https://x.example.com/a?q=kim%20jong+un&z=%2F'],
    ['removes an emptied query and empty pairs', 'https://x.example.com/a?utm_campaign=x&&', 'https://x.example.com/a'],
    ['drops the default port, credentials and a trailing dot', 'https://user:pw@x.example.com.:443/a', 'https://x.example.com/a'],
    ['keeps the path, its case and its trailing slash', 'http://x.example.com/A/b/', 'http://x.example.com/A/b/'],
    ['encodes international domain names', 'https://berita.contoh.例え.jp/a', 'https://berita.contoh.xn--r8jz45g.jp/a'],
  ])('%s', (_case, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('gives the same key for the same article reached by two links', () => {
    expect(canonicalizeUrl('https://EXAMPLE.com/x?b=2&a=1&utm_source=feed#top')).toBe(
      canonicalizeUrl('https://example.com/x?a=1&b=2&fbclid=zzz'),
    );
  });

  it.each(['not a url', '/relative/path', 'mailto:desk@example.com', 'javascript:alert(1)', 'ftp://example.com/a'])(
    'returns null for %s',
    (input) => {
      expect(canonicalizeUrl(input)).toBeNull();
    },
  );
});

describe('resolveWebUrl', () => {
  it('resolves a reference against a base', () => {
    expect(resolveWebUrl(' ../b.html ', 'https://x.example.com/a/c/')).toBe('https://x.example.com/a/b.html');
  });

  it('refuses anything but http(s)', () => {
    expect(resolveWebUrl('javascript:alert(1)', 'https://x.example.com/')).toBeNull();
    expect(resolveWebUrl('data:text/html,hi')).toBeNull();
  });

  it('returns null for a relative reference without a base, and for a blank one', () => {
    expect(resolveWebUrl('story.html')).toBeNull();
    expect(resolveWebUrl('  ', 'https://x.example.com/feed')).toBeNull();
  });
});

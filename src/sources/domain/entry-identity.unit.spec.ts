import { describe, expect, it } from '@jest/globals';
import { contentHash, entryKey } from './entry-identity.js';

const entry = { guid: null, link: null, title: 'Judul', contentText: 'Isi berita.' };

describe('entryKey', () => {
  it('is the GUID when there is one, as written', () => {
    expect(entryKey({ ...entry, guid: ' urn:uuid:1 ', link: 'https://x.example.com/a' })).toBe('guid:urn:uuid:1');
  });

  it('is the canonical link without a GUID', () => {
    expect(entryKey({ ...entry, link: 'https://X.example.com/a?utm_source=rss#top' })).toBe('link:https://x.example.com/a');
  });

  it('is a hash of title and text without GUID or usable link', () => {
    const key = entryKey({ ...entry, guid: '  ', link: 'not a url' });
    expect(key).toBe(`sha256:${contentHash('Judul\nIsi berita.')}`);
    expect(entryKey({ ...entry, contentText: 'Isi lain.' })).not.toBe(key);
  });

  it('never confuses a GUID that is a URL with a link', () => {
    const url = 'https://x.example.com/a';
    expect(entryKey({ ...entry, guid: url })).not.toBe(entryKey({ ...entry, link: url }));
  });
});

describe('contentHash', () => {
  it('is the sha256 hex of the UTF-8 text', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('é')).toHaveLength(64);
  });
});

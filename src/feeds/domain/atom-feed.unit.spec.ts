import { describe, expect, it } from '@jest/globals';
import { checkAtomFeed } from '../../../test/support/feed-validity/atom-checker.js';
import { checkJsonFeed } from '../../../test/support/feed-validity/json-feed-checker.js';
import { renderAtom } from './atom-feed.js';
import type { FeedDocument, FeedEntry } from './feed-document.js';
import { renderJsonFeed } from './json-feed.js';

const hostile = 'Quote <b>bold</b> & "quoted" ]]> with \u0001 control\u0007 and a lone \uD800 surrogate';

function entry(n: number, overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: `tag:example.org,2026:change/${n}`,
    title: `Russia: neither → confirm ${hostile}`,
    updated: new Date(Date.UTC(2026, 0, n)),
    published: new Date(Date.UTC(2025, 11, n)),
    link: `https://news.example.org/a?id=${n}&lang=id`,
    related: [{ href: 'https://stance.example.org/api/watches/w/actors/russia/why', type: 'application/json', title: `Why ${hostile}` }],
    contentHtml: '<p>escaped elsewhere</p>',
    summary: hostile,
    tags: ['dprk-troops-russia', 'russia', 'confirm'],
    data: { n },
    deletes: null,
    ...overrides,
  };
}

function document(overrides: Partial<FeedDocument> = {}): FeedDocument {
  return {
    id: 'tag:example.org,2026:feed/changes',
    title: `Stance changes ${hostile}`,
    subtitle: 'subtitle',
    language: 'en',
    updated: new Date(Date.UTC(2026, 0, 9)),
    urls: { atom: 'https://stance.example.org/feeds/changes.atom', json: 'https://stance.example.org/feeds/changes.json' },
    api: 'https://stance.example.org/api/watches',
    page: 'https://stance.example.org/',
    icon: 'https://stance.example.org/assets/icon.svg',
    author: { name: 'stance monitor', url: 'https://stance.example.org/' },
    paging: { prevArchive: null, nextArchive: null, current: null },
    entries: [entry(1), entry(2)],
    ...overrides,
  };
}

describe('renderAtom', () => {
  it('writes a valid Atom document from hostile text, with xml:lang and the alternate/related links `feed` lacks', () => {
    const xml = renderAtom(document());
    expect(checkAtomFeed(xml)).toEqual([]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://news.example.org/a?id=1&amp;lang=id"/>');
    expect(xml).toContain('<link rel="alternate" href="https://stance.example.org/" type="text/html" title="Stance board"/>');
    expect(xml).not.toMatch(/[\u0001\u0007]/);
    // The title is HTML-escaped text inside CDATA: a reader shows "<b>", never bold.
    expect(xml).toContain('Quote &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
  });

  it('writes RFC 5005 archive links, and on an archive page fh:archive, current and next-archive', () => {
    const page = (n: number) => ({ atom: `https://stance.example.org/feeds/changes.atom?page=${n}`, json: `https://stance.example.org/feeds/changes.json?page=${n}` });
    const current = { atom: 'https://stance.example.org/feeds/changes.atom', json: 'https://stance.example.org/feeds/changes.json' };
    const subscription = renderAtom(document({ paging: { prevArchive: page(7), nextArchive: null, current: null } }));
    expect(checkAtomFeed(subscription)).toEqual([]);
    expect(subscription).toContain('<link rel="prev-archive" href="https://stance.example.org/feeds/changes.atom?page=7"/>');
    expect(subscription).not.toContain('fh:archive');
    expect(subscription).not.toContain('rel="next"');
    const archive = renderAtom(document({ urls: page(8), paging: { prevArchive: page(7), nextArchive: page(9), current } }));
    expect(checkAtomFeed(archive)).toEqual([]);
    expect(archive).toContain('<fh:archive/>');
    expect(archive).toContain('<link rel="current" href="https://stance.example.org/feeds/changes.atom"/>');
    expect(archive).toContain('<link rel="next-archive" href="https://stance.example.org/feeds/changes.atom?page=9"/>');
  });

  it('writes an RFC 6721 deleted-entry beside the entry that withdraws another, and the feed icon', () => {
    const xml = renderAtom(document({ entries: [entry(2, { deletes: 'tag:example.org,2026:change/1' }), entry(1)] }));
    expect(checkAtomFeed(xml)).toEqual([]);
    expect(xml).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
    expect(xml).toMatch(/<at:deleted-entry ref="tag:example.org,2026:change\/1" when="2026-01-02T00:00:00.000Z"\/>\s*<entry>\s*<title[^>]*>[^]*?<id>tag:example.org,2026:change\/2<\/id>/);
    expect(xml).toContain('<icon>https://stance.example.org/assets/icon.svg</icon>');
    // No alternate to the JSON Feed: readers would take it for the website.
    expect(xml).not.toContain('application/feed+json');
  });

  it('writes an empty feed', () => {
    expect(checkAtomFeed(renderAtom(document({ entries: [] })))).toEqual([]);
  });
});

describe('renderJsonFeed', () => {
  it('writes JSON Feed 1.1 with authors, language, next_url and the text cleaned', () => {
    const older = { atom: 'https://stance.example.org/feeds/changes.atom?page=7', json: 'https://stance.example.org/feeds/changes.json?page=7' };
    const feed = JSON.parse(renderJsonFeed(document({ paging: { prevArchive: older, nextArchive: null, current: null } }))) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(checkJsonFeed(feed)).toEqual([]);
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'en', next_url: older.json, home_page_url: 'https://stance.example.org/', authors: [{ name: 'stance monitor' }] });
    expect(feed.items[0]!.title).toBe('Russia: neither → confirm Quote <b>bold</b> & "quoted" ]]> with  control and a lone  surrogate');
    expect(feed.items[0]!.date_modified).toBe('2026-01-01T00:00:00.000Z');
  });
});

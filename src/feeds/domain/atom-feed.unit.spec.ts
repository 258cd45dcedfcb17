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
    author: { name: 'stance monitor', url: 'https://stance.example.org/' },
    paging: { older: null, current: null },
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
    expect(xml).toContain('rel="alternate" href="https://stance.example.org/feeds/changes.json" type="application/feed+json"');
    expect(xml).toContain('<link rel="alternate" href="https://stance.example.org/" type="text/html" title="Stance board"/>');
    expect(xml).not.toMatch(/[\u0001\u0007]/);
    // The title is HTML-escaped text inside CDATA: a reader shows "<b>", never bold.
    expect(xml).toContain('Quote &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
  });

  it('writes RFC 5005 links: next and prev-archive to older entries; current and fh:archive on an archive page', () => {
    const older = { atom: 'https://stance.example.org/feeds/changes.atom?before=7', json: 'https://stance.example.org/feeds/changes.json?before=7' };
    const current = { atom: 'https://stance.example.org/feeds/changes.atom', json: 'https://stance.example.org/feeds/changes.json' };
    const first = renderAtom(document({ paging: { older, current: null } }));
    expect(checkAtomFeed(first)).toEqual([]);
    expect(first).toContain('<link rel="next" href="https://stance.example.org/feeds/changes.atom?before=7"/>');
    expect(first).toContain('<link rel="prev-archive" href="https://stance.example.org/feeds/changes.atom?before=7"/>');
    expect(first).not.toContain('fh:archive');
    const archive = renderAtom(document({ urls: { atom: `${current.atom}?before=9`, json: `${current.json}?before=9` }, paging: { older, current } }));
    expect(checkAtomFeed(archive)).toEqual([]);
    expect(archive).toContain('<fh:archive/>');
    expect(archive).toContain('<link rel="current" href="https://stance.example.org/feeds/changes.atom"/>');
  });

  it('writes an empty feed', () => {
    expect(checkAtomFeed(renderAtom(document({ entries: [] })))).toEqual([]);
  });
});

describe('renderJsonFeed', () => {
  it('writes JSON Feed 1.1 with authors, language, next_url and the text cleaned', () => {
    const older = { atom: 'https://stance.example.org/feeds/changes.atom?before=7', json: 'https://stance.example.org/feeds/changes.json?before=7' };
    const feed = JSON.parse(renderJsonFeed(document({ paging: { older, current: null } }))) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(checkJsonFeed(feed)).toEqual([]);
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'en', next_url: older.json, home_page_url: 'https://stance.example.org/', authors: [{ name: 'stance monitor' }] });
    expect(feed.items[0]!.title).toBe('Russia: neither → confirm Quote <b>bold</b> & "quoted" ]]> with  control and a lone  surrogate');
    expect(feed.items[0]!.date_modified).toBe('2026-01-01T00:00:00.000Z');
  });
});

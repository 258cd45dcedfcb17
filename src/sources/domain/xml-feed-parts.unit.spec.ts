import { describe, expect, it } from '@jest/globals';
import { sniffFeedSyntax } from './feed-body.js';
import type { ParsedFeed } from './feed-entry.js';
import { parseFeed, parseFeedInParts } from './parse-feed.js';
import { entrySpans, xmlFeedParts } from './xml-feed-parts.js';

const FEED_URL = 'https://news.example.org/feed.xml';

function rootOf(text: string) {
  const sniffed = sniffFeedSyntax(text);
  if (!('syntax' in sniffed) || sniffed.syntax !== 'xml') throw new Error('expected an XML feed');
  return sniffed.root;
}

function rssItem(i: number): string {
  return `<item><guid>g-${i}</guid><title>Entry ${i} &amp; more</title><link>/a/${i}</link><description><![CDATA[<p>Text ${i} </item></p>]]></description></item>`;
}

const RSS = (items: string[]) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel xml:base="https://news.example.org/"><title>Example</title><language>id</language><ttl>15</ttl>\n${items.join('\n  ')}\n<!-- after the items --><copyright>© Example</copyright></channel></rss>\n`;

const RDF = (items: string[]) =>
  `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
  `<channel rdf:about="https://news.example.org/"><title>Example</title><link>https://news.example.org/</link></channel>` +
  items.map((item, i) => item.replace('<item>', `<item rdf:about="https://news.example.org/r/${i}">`)).join('') +
  `</rdf:RDF>`;

const ATOM = (count: number) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Example</title><id>urn:feed</id>` +
  `<link rel="alternate" href="https://news.example.org/"/>` +
  Array.from(
    { length: count },
    (_, i) =>
      `<entry><id>urn:e:${i}</id><title type="html">Entry &lt;b&gt;${i}&lt;/b&gt;</title><link href="https://news.example.org/e/${i}"/>` +
      `<updated>2024-11-0${(i % 9) + 1}T10:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <em>${i}</em></p></div></content></entry>`,
  ).join('\n') +
  `</feed>`;

async function readInParts(text: string, entriesPerPart: number) {
  const parts: ParsedFeed[] = [];
  const result = await parseFeedInParts(text, { feedUrl: FEED_URL }, entriesPerPart, (feed) => parts.push(feed));
  return { result, parts };
}

describe('xmlFeedParts', () => {
  const items = Array.from({ length: 7 }, (_, i) => rssItem(i));

  it.each([
    ['RSS 2.0', RSS(items)],
    ['RSS 1.0 (RDF)', RDF(items)],
    ['Atom 1.0', ATOM(7)],
  ])('reads a %s feed in parts into the entries and feed the whole document gives', async (_format, text) => {
    const whole = await parseFeed(text, { feedUrl: FEED_URL });
    const { result, parts } = await readInParts(text, 3);
    if (!whole.ok) throw new Error('expected the feed to parse');
    expect(result).toEqual({ ok: true });
    expect(parts.map((part) => part.entries.length)).toEqual([3, 3, 1]);
    expect(parts.flatMap((part) => part.entries)).toEqual(whole.feed.entries);
    for (const part of parts) expect({ ...part, entries: [] }).toEqual({ ...whole.feed, entries: [] });
  });

  it('keeps each part a document of the same feed: the head and tail around a run of entries', () => {
    const text = RSS(items);
    const parts = xmlFeedParts(text, rootOf(text), 4)!;
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.startsWith(text.slice(0, text.indexOf('<item>')))).toBe(true);
      expect(part.endsWith(text.slice(text.lastIndexOf('</item>') + '</item>'.length))).toBe(true);
    }
    expect(parts[1]).toContain('g-4');
    expect(parts[1]).not.toContain('g-3');
  });

  it('finds entries past CDATA, comments and attribute values holding markup, and only at the entry level', () => {
    const text = RSS([
      `<item a="x > y" b='</item>'><title>One</title><!-- <item> in a comment --></item>`,
      `<item/>`,
      `<item><source url="https://x.example/"><item>nested, not an entry</item></source></item>`,
    ]);
    const spans = entrySpans(text, rootOf(text))!;
    expect(spans.map(({ start, end }) => text.slice(start, end).slice(0, 12))).toEqual(['<item a="x >', '<item/>', '<item><sourc']);
    expect(text.slice(spans[2]!.start, spans[2]!.end).endsWith('</source></item>')).toBe(true);
  });

  it.each([
    ['an element between two entries', RSS([...items.slice(0, 3), '<category>between</category>', ...items.slice(3)])],
    ['an end tag that closes the wrong element', RSS([...items.slice(0, 5), '<item><title>x</item></title>', items[6]!])],
    ['an element left open', RSS(items).replace('</rss>', '')],
    ['a tag it cannot read', RSS([...items.slice(0, 4), '<item><title x=unquoted>y</title></item>', ...items.slice(4)])],
    ['no more entries than a part holds', RSS(items.slice(0, 3))],
  ])('reads the feed whole when it meets %s', (_case, text) => {
    expect(xmlFeedParts(text, rootOf(text), 3)).toBeNull();
  });

  it('hands the parts before a malformed one over, then fails with the whole document’s message', async () => {
    const text = RSS([...items.slice(0, 4), `<item><title 1a="x">Broken</title></item>`, ...items.slice(5)]);
    // The scan passes it (its tags balance; it does not judge attribute names), XML does not.
    const whole = await parseFeed(text, { feedUrl: FEED_URL });
    const { result, parts } = await readInParts(text, 2);
    expect(whole.ok).toBe(false);
    expect(result).toEqual(whole);
    expect(parts.flatMap((part) => part.entries.map((entry) => entry.guid))).toEqual(['g-0', 'g-1', 'g-2', 'g-3']);
  });

  it('reads a JSON feed whole, in one part', async () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example',
      items: Array.from({ length: 5 }, (_, i) => ({ id: `j-${i}`, url: `https://news.example.org/j/${i}`, content_text: `Text ${i}` })),
    });
    const { result, parts } = await readInParts(text, 2);
    expect(result).toEqual({ ok: true });
    expect(parts.map((part) => part.entries.length)).toEqual([5]);
  });
});

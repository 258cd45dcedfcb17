import { describe, expect, it } from '@jest/globals';
import type { FeedEntry, FeedParseResult, ParsedFeed } from './feed-entry.js';
import { parseFeed } from './parse-feed.js';

const FEED_URL = 'https://news.example.com/feeds/world.xml';

async function parsed(text: string): Promise<ParsedFeed> {
  const result = await parseFeed(text, { feedUrl: FEED_URL });
  if (!result.ok) throw new Error(`expected a feed, got ${result.reason}: ${result.message}`);
  return result.feed;
}

async function onlyEntry(text: string): Promise<FeedEntry> {
  const feed = await parsed(text);
  expect(feed.entries).toHaveLength(1);
  return feed.entries[0];
}

function failure(result: FeedParseResult): { reason: string; message: string } {
  if (result.ok) throw new Error('expected a failure');
  return { reason: result.reason, message: result.message };
}

const rss = (items: string, channel = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>${channel}${items}</channel></rss>`;
const atom = (entries: string, attributes = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${attributes}><title>World</title>${entries}</feed>`;

describe('parseFeed: RSS 2.0', () => {
  it('normalises a complete item', async () => {
    const entry = await onlyEntry(
      rss(
        `<item><guid isPermaLink="false">urn:uuid:1</guid><title> Troops\n  sent </title>
         <link>https://news.example.com/a?utm_source=rss</link><pubDate>Mon, 28 Apr 2025 10:15:00 +0700</pubDate>
         <dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Rina</dc:creator>
         <description>&lt;p&gt;Kim &amp;amp; Putin&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description></item>`,
        '<language>en-us</language>',
      ),
    );
    expect(entry).toEqual({
      guid: 'urn:uuid:1',
      link: 'https://news.example.com/a?utm_source=rss',
      title: 'Troops sent',
      published: '2025-04-28T03:15:00.000Z',
      updated: null,
      contentText: 'Kim & Putin\n\nSecond',
      contentHtml: '<p>Kim &amp; Putin</p><p>Second</p>',
      language: 'en-US',
      author: 'Rina',
    });
  });

  it('prefers content:encoded over description and reads CDATA', async () => {
    const entry = await onlyEntry(
      rss(`<item xmlns:content="http://purl.org/rss/1.0/modules/content/"><title>t</title><description>Teaser</description>
           <content:encoded><![CDATA[<p>Full <b>text</b> &amp; more</p>]]></content:encoded></item>`),
    );
    expect(entry.contentHtml).toBe('<p>Full <b>text</b> &amp; more</p>');
    expect(entry.contentText).toBe('Full text & more');
  });

  it('keeps the order of unescaped markup inside <description>', async () => {
    const entry = await onlyEntry(rss('<item><description>Hello <b>world</b> again</description></item>'));
    expect(entry.contentHtml).toBe('Hello <b>world</b> again');
    expect(entry.contentText).toBe('Hello world again');
  });

  it('resolves relative links against xml:base, then the feed URL', async () => {
    const feed = await parsed(
      `<rss version="2.0"><channel xml:base="https://site.example.org/news/"><title>t</title>
         <item><link>story-1.html</link></item>
         <item xml:base="/archive/"><link>story-2.html</link></item></channel></rss>`,
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      'https://site.example.org/news/story-1.html',
      'https://site.example.org/archive/story-2.html',
    ]);
    const withoutBase = await onlyEntry(rss('<item><link>../2025/story.html</link></item>'));
    expect(withoutBase.link).toBe('https://news.example.com/2025/story.html');
  });

  it('takes a permalink guid as the link, but never a guid that is not a URL', async () => {
    const feed = await parsed(
      rss(`<item><guid>https://news.example.com/p/1</guid></item>
           <item><guid isPermaLink="false">https://news.example.com/p/2</guid></item>
           <item><guid>12345</guid></item>`),
    );
    expect(feed.entries.map((entry) => [entry.guid, entry.link])).toEqual([
      ['https://news.example.com/p/1', 'https://news.example.com/p/1'],
      ['https://news.example.com/p/2', null],
      ['12345', null],
    ]);
  });

  it('drops links that are not http(s), falling back to the next candidate', async () => {
    const feed = await parsed(
      rss(`<item><link>javascript:alert(1)</link></item>
           <item><link>javascript:alert(1)</link><guid>https://news.example.com/p/9</guid></item>`),
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual([null, 'https://news.example.com/p/9']);
  });

  it('decodes double-escaped entities in titles and repairs a bare ampersand', async () => {
    const feed = await parsed(rss('<item><title>AT&amp;amp;T &rsquo;s deal</title></item><item><title>AT&T</title></item>'));
    expect(feed.entries.map((entry) => entry.title)).toEqual(['AT&T ’s deal', 'AT&T']);
  });

  it('reads <ttl>, the channel link and an item without any field', async () => {
    const feed = await parsed(rss('<item/>', '<link>https://news.example.com/</link><ttl>45</ttl>'));
    expect(feed).toMatchObject({ format: 'rss-2.0', title: 'World', siteUrl: 'https://news.example.com/', ttlMinutes: 45 });
    expect(feed.entries[0]).toEqual({
      guid: null,
      link: null,
      title: null,
      published: null,
      updated: null,
      contentText: '',
      contentHtml: '',
      language: null,
      author: null,
    });
  });

  it('falls back to dc:date when pubDate is not a date', async () => {
    const entry = await onlyEntry(
      rss('<item><pubDate>yesterday</pubDate><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2025-04-28T10:00:00Z</dc:date></item>'),
    );
    expect(entry.published).toBe('2025-04-28T10:00:00.000Z');
  });

  it('reads <rss> without a version as RSS 2.0', async () => {
    const feed = await parsed('<rss><channel><title>t</title><item><title>x</title></item></channel></rss>');
    expect(feed.format).toBe('rss-2.0');
    expect(feed.entries[0].title).toBe('x');
  });
});

describe('parseFeed: RSS 0.9x and 1.0', () => {
  it('recognises RSS 0.91 behind the Netscape DOCTYPE', async () => {
    const feed = await parsed(
      `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
       <rss version="0.91"><channel><title>Old</title><item><title>Caf&eacute;</title><link>http://old.example.com/1</link></item></channel></rss>`,
    );
    expect(feed.format).toBe('rss-0.9x');
    expect(feed.entries[0]).toMatchObject({ title: 'Café', link: 'http://old.example.com/1' });
  });

  it('reads RSS 1.0 items beside the channel, with rdf:about as identity', async () => {
    const feed = await parsed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
         <channel rdf:about="https://news.example.com/"><title>t</title><dc:language>id</dc:language></channel>
         <item rdf:about="https://news.example.com/1"><title>Satu</title><dc:date>2025-04-28T08:00:00+07:00</dc:date></item>
       </rdf:RDF>`,
    );
    expect(feed.format).toBe('rss-1.0');
    expect(feed.entries[0]).toMatchObject({
      guid: 'https://news.example.com/1',
      link: 'https://news.example.com/1',
      title: 'Satu',
      published: '2025-04-28T01:00:00.000Z',
      language: 'id',
    });
  });

  it('recognises RSS 0.90 by its RDF namespace', async () => {
    const feed = await parsed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
         <channel><title>t</title><link>http://x.example.com/</link></channel><item><title>i</title><link>http://x.example.com/i</link></item></rdf:RDF>`,
    );
    expect(feed.format).toBe('rss-0.9x');
    expect(feed.entries[0].link).toBe('http://x.example.com/i');
  });
});

describe('parseFeed: Atom', () => {
  it('normalises a complete entry and survives a bad date that rss-parser throws on', async () => {
    const feed = await parsed(
      atom(
        `<entry><id>tag:news.example.com,2025:1</id><title type="html">Kim &lt;b&gt;visits&lt;/b&gt;</title>
           <link rel="self" href="/self"/><link href="/articles/1"/>
           <published>not a date</published><updated>2025-04-28T10:00:00+09:00</updated>
           <author><name>Desk</name></author><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>`,
        ' xml:lang="en-GB"',
      ),
    );
    expect(feed.format).toBe('atom-1.0');
    expect(feed.entries[0]).toEqual({
      guid: 'tag:news.example.com,2025:1',
      link: 'https://news.example.com/articles/1',
      title: 'Kim visits',
      published: null,
      updated: '2025-04-28T01:00:00.000Z',
      contentText: 'Body',
      contentHtml: '<p>Body</p>',
      language: 'en-GB',
      author: 'Desk',
    });
  });

  it('reads inline XHTML in document order, without the wrapping div', async () => {
    const entry = await onlyEntry(
      atom(`<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <em>B</em> C</div></title>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b> again<br/>end</p></div></content></entry>`),
    );
    expect(entry.title).toBe('A B C');
    expect(entry.contentHtml).toBe('<p>Hello <b>world</b> again<br>end</p>');
    expect(entry.contentText).toBe('Hello world again\nend');
  });

  it('escapes a text body for contentHtml, and falls back to the summary when content is out of line', async () => {
    const feed = await parsed(
      atom(`<entry><content>1 &lt; 2</content></entry>
            <entry><content src="https://cdn.example.com/a.pdf" type="application/pdf"/><summary>Sum</summary></entry>`),
    );
    expect(feed.entries.map((entry) => [entry.contentText, entry.contentHtml])).toEqual([
      ['1 < 2', '1 &lt; 2'],
      ['Sum', 'Sum'],
    ]);
  });

  it('resolves xml:base on the feed, the entry and the link, and reads a link written as text', async () => {
    const feed = await parsed(
      atom(
        `<entry xml:base="2025/"><link href="a.html"/></entry>
         <entry><link xml:base="https://other.example.org/x/" href="b.html"/></entry>
         <entry><link>https://text.example.org/c</link></entry>
         <entry><link rel="alternate"/><link href="d.html"/></entry>`,
        ' xml:base="https://blog.example.net/posts/"',
      ),
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      'https://blog.example.net/posts/2025/a.html',
      'https://other.example.org/x/b.html',
      'https://text.example.org/c',
      'https://blog.example.net/posts/d.html',
    ]);
  });

  it('reads Atom 0.3: issued/modified, escaped and base64 content', async () => {
    const feed = await parsed(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old blog</title>
         <entry><title mode="escaped" type="text/html">Caf&amp;eacute;</title><link rel="alternate" type="text/html" href="http://old.example.com/1"/>
           <id>tag:old,1</id><issued>2004-05-01T12:00:00-05:00</issued><modified>2004-05-02T12:00:00Z</modified>
           <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry>
         <entry><title>B64</title><content type="text/html" mode="base64">PHA+SGVsbG88L3A+</content></entry></feed>`,
    );
    expect(feed.format).toBe('atom-0.3');
    expect(feed.entries.map((entry) => [entry.title, entry.published, entry.updated, entry.contentText])).toEqual([
      ['Café', '2004-05-01T17:00:00.000Z', '2004-05-02T12:00:00.000Z', 'Hi'],
      ['B64', null, null, 'Hello'],
    ]);
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads JSON Feed 1.1 items', async () => {
    const feed = await parsed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Kabar',
        language: 'id',
        items: [
          {
            id: 'k1',
            url: '/berita/1',
            title: 'Pasukan',
            content_html: '<p>Isi &amp; lain</p>',
            date_published: '2025-04-28T10:00:00+07:00',
            authors: [{ name: 'Redaksi' }],
          },
          { id: 2, content_text: 'Hanya teks <b>', language: 'en' },
          'not an item',
        ],
      }),
    );
    expect(feed.format).toBe('json-feed-1.1');
    expect(feed.entries).toEqual([
      {
        guid: 'k1',
        link: 'https://news.example.com/berita/1',
        title: 'Pasukan',
        published: '2025-04-28T03:00:00.000Z',
        updated: null,
        contentText: 'Isi & lain',
        contentHtml: '<p>Isi &amp; lain</p>',
        language: 'id',
        author: 'Redaksi',
      },
      {
        guid: '2',
        link: null,
        title: null,
        published: null,
        updated: null,
        contentText: 'Hanya teks <b>',
        contentHtml: 'Hanya teks &lt;b&gt;',
        language: 'en',
        author: null,
      },
    ]);
  });

  it('reads the 1.0 author object', async () => {
    const feed = await parsed(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: '1', author: { name: 'Ana' } }] }),
    );
    expect(feed.format).toBe('json-feed-1.0');
    expect(feed.entries[0].author).toBe('Ana');
  });
});

describe('parseFeed: bad input gives a typed failure', () => {
  const cases: Array<[string, string, string]> = [
    ['empty body', '', 'empty'],
    ['white space only', ' \n\t ', 'empty'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Home</title></head><body></body></html>', 'html'],
    ['an HTML page without doctype', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'html'],
    ['another XML vocabulary', '<?xml version="1.0"?><sitemap/>', 'not-a-feed'],
    ['plain text', 'Service Unavailable', 'not-a-feed'],
    ['truncated XML', '<rss version="2.0"><channel><title>t</title><item><title>x</ti', 'malformed'],
    ['mismatched tags', '<rss version="2.0"><channel><title>t</channel></rss>', 'malformed'],
    ['RSS without channel', '<rss version="2.0"><item/></rss>', 'malformed'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'malformed'],
    ['JSON that is not a feed', '{"error": "rate limited"}', 'not-a-feed'],
    ['JSON Feed without items', '{"version": "https://jsonfeed.org/version/1.1"}', 'malformed'],
  ];

  it.each(cases)('%s', async (_name, body, reason) => {
    const result = failure(await parseFeed(body, { feedUrl: FEED_URL }));
    expect(result.reason).toBe(reason);
    expect(result.message).not.toBe('');
  });

  it('refuses an entity-expansion bomb without expanding it', async () => {
    const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`)];
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    const result = failure(await parseFeed(bomb, { feedUrl: FEED_URL }));
    expect(result).toEqual({ reason: 'entity-declaration', message: expect.stringContaining('entities') });
  });

  it('refuses an external entity (XXE)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    expect(failure(await parseFeed(xxe, { feedUrl: FEED_URL })).reason).toBe('entity-declaration');
  });

  it('accepts a DOCTYPE that only pulls in HTML entity sets through parameter entities', async () => {
    const feed = await parsed(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent"> %HTMLlat1;]>
       <rss version="2.0"><channel><title>Caf&eacute;</title></channel></rss>`,
    );
    expect(feed.title).toBe('Café');
  });

  it('cuts off markup nested deeper than any article instead of exhausting the stack', async () => {
    const deep = `${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}`;
    const entry = await onlyEntry(atom(`<entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>kept</p>${deep}</div></content></entry>`));
    expect(entry.contentText).toBe('kept');
  });
});

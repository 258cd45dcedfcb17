import { describe, expect, it } from '@jest/globals';
import { documentFromFeedEntry } from './article-document.js';
import { DOCUMENTS_PER_PART, feedDocuments } from './feed-documents.js';
import { parseFeed } from './parse-feed.js';

const RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example</title><link>https://news.example.org/</link><ttl>30</ttl>
<item><title>Café talks</title><link>https://news.example.org/a</link><description>The envoy said “no”.</description><pubDate>Mon, 04 Nov 2024 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>https://news.example.org/b</link><description>Another.</description></item>
</channel></rss>`;
const FIRST_SEEN = new Date('2024-11-05T00:00:00Z');
const OPTIONS = { feedUrl: 'https://news.example.org/feed.xml', sourceId: 'source-1', firstSeen: FIRST_SEEN };

describe('feedDocuments', () => {
  it('decodes the bytes by their Content-Type charset, then gives the documents the entries make', async () => {
    // The curly quotes are 0x93 and 0x94 in windows-1252, which latin1 would read as controls.
    const windows1252 = Buffer.from(RSS.replace('“', '\x93').replace('”', '\x94'), 'latin1');
    const result = await feedDocuments(windows1252, { ...OPTIONS, contentType: 'application/rss+xml; charset=windows-1252' });
    const parsed = await parseFeed(RSS, { feedUrl: OPTIONS.feedUrl });
    if (!result.ok || !parsed.ok) throw new Error('expected both to parse');
    expect(result.feed).toEqual({ format: parsed.feed.format, ttlMinutes: 30, entries: 2 });
    expect(result.documents).toEqual(parsed.feed.entries.map((entry) => documentFromFeedEntry('source-1', parsed.feed, entry, FIRST_SEEN)));
    expect(result.documents[0]!.title).toBe('Café talks');
    expect(result.documents[0]!.text).toContain('The envoy said “no”.');
  });

  it('hands the same documents over in parts, in feed order, when asked to', async () => {
    const items = Array.from({ length: DOCUMENTS_PER_PART + 3 }, (_, i) => `<item><title>Entry ${i}</title><link>https://news.example.org/${i}</link><description>Text ${i}.</description></item>`);
    const body = Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><link>https://news.example.org/</link>${items.join('')}</channel></rss>`);
    const whole = await feedDocuments(body, { ...OPTIONS, contentType: 'application/rss+xml' });
    const parts: unknown[][] = [];
    const inParts = await feedDocuments(body, { ...OPTIONS, contentType: 'application/rss+xml' }, (documents) => parts.push(documents));
    if (!whole.ok || !inParts.ok) throw new Error('expected both to parse');
    expect(parts.map((part) => part.length)).toEqual([DOCUMENTS_PER_PART, 3]);
    expect(parts.flat()).toEqual(whole.documents);
    expect(inParts.documents).toEqual([]);
    expect(inParts.feed).toEqual(whole.feed);
  });

  it('says why a body is no feed', async () => {
    const result = await feedDocuments(Buffer.from('<html><body>not a feed</body></html>'), { ...OPTIONS, contentType: 'text/html' });
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});

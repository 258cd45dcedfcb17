import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { decodeFeedBody } from '../src/sources/domain/charset.js';
import type { FeedFormat } from '../src/sources/domain/feed-entry.js';
import { parseFeed } from '../src/sources/domain/parse-feed.js';

// A corpus of feeds as they exist in the wild, each file read as bytes and decoded as a fetch
// would (no Content-Type, so the BOM or the XML declaration decides). The expectations are
// written by hand from the files' content: they say what a reader should show, not what the
// code happened to produce.

const CORPUS = new URL('./fixtures/feeds/', import.meta.url);
const FEED_BASE = 'https://feeds.example.com/corpus/';

type Row = [title: string | null, link: string | null, published: string | null, updated: string | null];

interface Expected {
  format: FeedFormat;
  entries: Row[];
  charset?: string;
  languages?: Array<string | null>;
}

const EXPECTED: Record<string, Expected> = {
  'rss090-rdf.rdf': {
    format: 'rss-0.9x',
    entries: [
      ['New Status Updates', 'http://portal.example.org/status/', null, null],
      ['Bug Tracker Reorganized', 'http://portal.example.org/bugs/', null, null],
    ],
  },
  'rss091-netscape.xml': {
    format: 'rss-0.9x',
    languages: ['id', 'id'],
    entries: [
      ['Pertemuan di Pyongyang', 'http://harian-lama.example.id/2004/pertemuan.html', null, null],
      ['Café di Seoul dibuka kembali', 'http://harian-lama.example.id/2004/cafe.html', null, null],
    ],
  },
  'rss092-userland.xml': {
    format: 'rss-0.9x',
    entries: [
      [null, null, null, null],
      ['Podcast episode one', 'http://scripting.example.com/2002/10/10#one', null, null],
    ],
  },
  'rss10-dublin-core.rdf': {
    format: 'rss-1.0',
    languages: ['en-US', 'en-US'],
    entries: [
      [
        'Satellite Images Show Troop Trains Near Vladivostok',
        'https://slash.example.org/story/25/04/28/1?utm_source=rss1.0mainlinkanon',
        '2025-04-28T14:40:00.000Z',
        null,
      ],
      ['Linux 6.15 Released', 'https://slash.example.org/story/25/04/27/2', '2025-04-28T01:05:31.000Z', null],
    ],
  },
  'rss10-content-encoded.rdf': {
    format: 'rss-1.0',
    languages: ['id', 'en'],
    entries: [
      ['Dinamika Keamanan Semenanjung Korea', 'https://jurnal.example.id/artikel/semenanjung-korea', '2025-03-01T00:00:00.000Z', null],
      [
        'Security Dynamics on the Korean Peninsula (English abstract)',
        'https://jurnal.example.id/artikel/english-abstract',
        '2025-03-15T00:00:00.000Z',
        null,
      ],
    ],
  },
  'rss20-english-news.xml': {
    format: 'rss-2.0',
    languages: ['en-GB', 'en-GB', 'en-GB'],
    entries: [
      [
        'North Korea confirms troops fought for Russia in Kursk',
        'https://wire.example.com/world/asia-pacific/north-korea-confirms-troops-2025-04-28/',
        '2025-04-28T01:34:00.000Z',
        null,
      ],
      [
        "Kremlin says deployment of North Korean troops is 'our business'",
        'https://wire.example.com/world/europe/kremlin-north-korean-troops-2024-10-24/',
        '2024-10-24T16:05:12.000Z',
        null,
      ],
      [
        'NATO says North Korean troops have been sent to Russia',
        'https://wire.example.com/world/nato-north-korean-troops-2024-10-28/',
        '2024-10-28T12:51:00.000Z',
        null,
      ],
    ],
  },
  'rss20-indonesian-news.xml': {
    format: 'rss-2.0',
    languages: ['id', 'id', 'id'],
    entries: [
      [
        'Korea Utara Akui Kirim Pasukan ke Rusia, Kim Jong Un: "Tugas Suci"',
        'https://www.kabarnusantara.example.id/internasional/2025/04/28/korea-utara-akui-kirim-pasukan?utm_source=rss&utm_medium=feed',
        '2025-04-28T02:45:00.000Z',
        null,
      ],
      [
        'Kremlin Bantah Kabar Tentara Korut di Ukraina',
        'https://www.kabarnusantara.example.id/internasional/2024/10/22/kremlin-bantah?utm_source=rss&utm_medium=feed',
        '2024-10-22T11:30:00.000Z',
        null,
      ],
      [
        'Putin Tak Membantah Maupun Membenarkan',
        'https://www.kabarnusantara.example.id/internasional/2024/10/25/putin-tak-membantah',
        '2024-10-25T00:02:11.000Z',
        null,
      ],
    ],
  },
  'rss20-cdata-html.xml': {
    format: 'rss-2.0',
    entries: [
      ['Seoul & Tokyo: "consultations" <continue>', 'https://cdata.example.net/2025/04/seoul-tokyo', '2025-04-29T23:00:00.000Z', null],
      ['Q&A with the envoy', 'https://cdata.example.net/2025/04/qa', '2025-04-30T00:30:00.000Z', null],
    ],
  },
  'rss20-wordpress-dc-date.xml': {
    format: 'rss-2.0',
    languages: ['id-ID', 'id-ID'],
    entries: [
      ['Membaca Sikap Moskow', 'https://catatan.example.id/2025/04/27/membaca-sikap-moskow/', '2025-04-27T03:00:00.000Z', null],
      ['Draf tanpa tanggal', 'https://catatan.example.id/?p=1043', null, null],
    ],
  },
  'rss20-media-rss.xml': {
    format: 'rss-2.0',
    entries: [
      ['Parade militer di Pyongyang', 'https://video.example.id/klip/parade', '2025-04-26T12:00:00.000Z', null],
      [null, 'https://video.example.id/klip/tanpa-judul', '2025-04-26T13:00:00.000Z', null],
    ],
  },
  'rss20-xml-base.xml': {
    format: 'rss-2.0',
    entries: [
      ['Relative to the channel base', 'https://base.example.org/news/2025/story-a.html', '2025-05-02T10:00:00.000Z', null],
      ['Item with its own base', 'https://base.example.org/archive/2024/story-b.html?id=7#top', '2024-10-31T23:59:59.000Z', null],
      ['Absolute item base', 'https://mirror.example.net/c.html', null, null],
    ],
  },
  'rss20-relative-links.xml': {
    format: 'rss-2.0',
    entries: [
      ['Root-relative', 'https://feeds.example.com/berita/1', '2025-05-01T01:00:00.000Z', null],
      ['Path-relative', 'https://feeds.example.com/corpus/berita/2', '2025-05-01T02:00:00.000Z', null],
      ['Scheme-relative', 'https://cdn.example.com/3', '2025-05-01T03:00:00.000Z', null],
      ['Query only', 'https://feeds.example.com/corpus/rss20-relative-links.xml?page=4', '2025-05-01T04:00:00.000Z', null],
    ],
  },
  'rss20-missing-dates.xml': {
    format: 'rss-2.0',
    entries: [
      ['No date element', 'https://undated.example.org/1', null, null],
      ['Empty date element', 'https://undated.example.org/2', null, null],
      ['Blank date element', 'https://undated.example.org/3', null, null],
      ['Placeholder date', 'https://undated.example.org/4', null, null],
    ],
  },
  'rss20-odd-dates.xml': {
    format: 'rss-2.0',
    entries: [
      ['US named zone', 'https://dates.example.org/a', '2025-04-28T14:15:00.000Z', null],
      ['No weekday, no seconds', 'https://dates.example.org/b', '2025-04-28T03:15:00.000Z', null],
      ['RFC 850 with two-digit year', 'https://dates.example.org/c', '2025-04-28T10:15:00.000Z', null],
      ['ISO 8601 in pubDate', 'https://dates.example.org/d', '2025-04-28T03:15:00.000Z', null],
      ['Indonesian weekday and WIB', 'https://dates.example.org/e', '2025-04-28T03:15:00.000Z', null],
      ['US style with AM', 'https://dates.example.org/f', '2025-04-28T10:15:00.000Z', null],
      ['Single-digit hour', 'https://dates.example.org/g', '2025-04-29T01:05:00.000Z', null],
      ['Lower case', 'https://dates.example.org/h', '2025-04-28T22:15:00.000Z', null],
      ['No zone', 'https://dates.example.org/i', '2025-04-28T10:15:00.000Z', null],
      ['SQL style', 'https://dates.example.org/j', '2025-04-28T10:15:00.000Z', null],
      ['Indonesian month', 'https://dates.example.org/k', '2024-10-24T12:30:00.000Z', null],
      ['JavaScript toString', 'https://dates.example.org/l', '2025-04-28T03:15:00.000Z', null],
      ['Words', 'https://dates.example.org/m', null, null],
      ['Impossible day', 'https://dates.example.org/n', null, null],
      ['EST in winter', 'https://dates.example.org/o', '2002-10-02T13:00:00.000Z', null],
      ['Microseconds', 'https://dates.example.org/p', '2025-04-28T10:15:00.123Z', null],
    ],
  },
  'rss20-windows-1252.xml': {
    format: 'rss-2.0',
    charset: 'windows-1252',
    entries: [
      ['“Neither confirm nor deny” — the Kremlin’s line', 'https://enc.example.org/cp1252/1', '2025-05-06T08:00:00.000Z', null],
      ['Prices reach €5 at a Pyongyang café', 'https://enc.example.org/cp1252/2', '2025-05-06T09:00:00.000Z', null],
      ['Zoë’s notes: Œ, Š, Ž, Ÿ, ™ and …', 'https://enc.example.org/cp1252/3', '2025-05-06T10:00:00.000Z', null],
    ],
  },
  'rss20-iso-8859-1.xml': {
    format: 'rss-2.0',
    // WHATWG reads the ISO-8859-1 label as windows-1252: byte 0x92 is the quote its writer meant.
    charset: 'windows-1252',
    entries: [
      ['Außenminister trifft Amtskollegen in São Paulo', 'https://enc.example.org/latin1/1', '2025-05-07T06:00:00.000Z', null],
      ['Año nuevo: Corea del Norte y Rusia', 'https://enc.example.org/latin1/2', '2025-05-07T07:00:00.000Z', null],
      ['Kremlin’s answer', 'https://enc.example.org/latin1/3', '2025-05-07T08:00:00.000Z', null],
    ],
  },
  'rss20-utf8-bom.xml': {
    format: 'rss-2.0',
    charset: 'utf-8',
    entries: [
      ['Rusia–Korea Utara: ‘kemitraan strategis’', 'https://enc.example.org/bom/1', '2025-05-08T01:00:00.000Z', null],
      ['Kyiv’s response', 'https://enc.example.org/bom/2', '2025-05-08T02:00:00.000Z', null],
    ],
  },
  'rss20-utf16le-bom.xml': {
    format: 'rss-2.0',
    charset: 'utf-16le',
    languages: ['ko', 'ko'],
    entries: [
      ['북한군 러시아 파병', 'https://enc.example.org/utf16/1', '2025-05-08T23:00:00.000Z', null],
      ['Troops in Kursk', 'https://enc.example.org/utf16/2', '2025-05-09T00:00:00.000Z', null],
    ],
  },
  'rss20-koi8-r.xml': {
    format: 'rss-2.0',
    charset: 'koi8-r',
    entries: [
      ['Кремль не подтвердил и не опроверг', 'https://enc.example.org/koi8/1', '2024-10-24T16:00:00.000Z', null],
      ['Песков: "это наше дело"', 'https://enc.example.org/koi8/2', '2024-10-24T17:00:00.000Z', null],
    ],
  },
  'rss20-euc-kr.xml': {
    format: 'rss-2.0',
    charset: 'euc-kr',
    entries: [
      ['북한, 러시아 파병 공식 확인', 'https://enc.example.org/euckr/1', '2025-04-28T00:00:00.000Z', null],
      ['국정원: 북한군 1500명 러시아 도착', 'https://enc.example.org/euckr/2', '2024-10-18T01:00:00.000Z', null],
    ],
  },
  'rss20-entities.xml': {
    format: 'rss-2.0',
    entries: [
      ['Kim’s envoy — talks in Moscow…', 'https://ent.example.org/a?x=1&y=2', '2025-05-01T12:00:00.000Z', null],
      ['AT&T and T-Mobile & partners', 'https://ent.example.org/b?x=1&y=2', '2025-05-01T12:01:00.000Z', null],
      ['Double & escaped "quotes"', 'https://ent.example.org/c', '2025-05-01T12:02:00.000Z', null],
      ['Numeric “refs” — and – dash', 'https://ent.example.org/d', '2025-05-01T12:03:00.000Z', null],
      ['Unknown &foo; entity', 'https://ent.example.org/e', '2025-05-01T12:04:00.000Z', null],
      ['Café au lait', 'https://ent.example.org/f', '2025-05-01T12:05:00.000Z', null],
    ],
  },
  'rss20-whitespace.xml': {
    format: 'rss-2.0',
    entries: [
      ['Title on three lines', 'https://ws.example.org/2025/05/03/padded', '2025-05-03T06:00:00.000Z', null],
      ['Leading and trailing spaces', 'https://ws.example.org/2025/05/03/spaces', '2025-05-03T07:00:00.000Z', null],
    ],
  },
  'rss20-guid-permalink.xml': {
    format: 'rss-2.0',
    entries: [
      ['Permalink by default', 'https://guid.example.org/p/1', '2025-05-02T01:00:00.000Z', null],
      ['Explicitly not a permalink', null, '2025-05-02T02:00:00.000Z', null],
      ['Tag URI', null, '2025-05-02T03:00:00.000Z', null],
      ['Link wins over guid', 'https://guid.example.org/articles/4', '2025-05-02T04:00:00.000Z', null],
    ],
  },
  'rss20-no-version.xml': {
    format: 'rss-2.0',
    entries: [['Read as RSS 2.0', 'https://noversion.example.org/1', '2025-05-04T08:00:00.000Z', null]],
  },
  'rss20-podcast-itunes.xml': {
    format: 'rss-2.0',
    entries: [
      ['Episode 12: Pasukan Korea Utara di Kursk', 'https://podcast.example.id/episode/12', '2025-04-30T10:00:00.000Z', null],
      ['Episode 11: Diplomasi Senyap', null, '2025-04-23T10:00:00.000Z', null],
    ],
  },
  'rss20-comments-pi.xml': {
    format: 'rss-2.0',
    entries: [
      ['BeforeAfter', 'https://styled.example.org/1', '2025-05-05T10:00:00.000Z', null],
      ['Comment and CDATA mixed', 'https://styled.example.org/2', '2025-05-05T11:00:00.000Z', null],
    ],
  },
  'atom10-english.xml': {
    format: 'atom-1.0',
    languages: ['en', 'en'],
    entries: [
      [
        "Readout of the Secretary's call on the DPRK deployment",
        'https://ministry.example.gov/press/2025-04-28-readout/',
        '2025-04-28T19:30:00.000Z',
        '2025-04-28T20:00:00.000Z',
      ],
      [
        'Joint statement on North Korean troops in Russia',
        'https://ministry.example.gov/press/2024-11-05-joint-statement/',
        '2024-11-05T12:00:00.000Z',
        '2024-11-05T12:00:00.000Z',
      ],
    ],
  },
  'atom10-text-constructs.xml': {
    format: 'atom-1.0',
    entries: [
      ['Escaped HTML & entities', 'https://constructs.example.org/html', null, '2025-05-01T01:00:00.000Z'],
      ['Inline XHTML title', 'https://constructs.example.org/xhtml', null, '2025-05-01T02:00:00.000Z'],
      ['Plain text with <angle> brackets', 'https://constructs.example.org/text', null, '2025-05-01T03:00:00.000Z'],
      ['Prefixed XHTML', 'https://constructs.example.org/prefixed', null, '2025-05-01T04:00:00.000Z'],
    ],
  },
  'atom10-xml-base.xml': {
    format: 'atom-1.0',
    entries: [
      ['Relative to the feed base', 'https://blog.example.net/posts/first.html', null, '2025-05-02T01:00:00.000Z'],
      ['Entry base stacked on the feed base', 'https://blog.example.net/posts/2025/05/second.html', null, '2025-05-02T02:00:00.000Z'],
      ['Base on the link itself', 'https://static.example.net/mirror/third.html', null, '2025-05-02T03:00:00.000Z'],
      ['Root-relative href', 'https://blog.example.net/about', null, '2025-05-02T04:00:00.000Z'],
    ],
  },
  'atom10-dates.xml': {
    format: 'atom-1.0',
    entries: [
      ['Only updated', 'https://dates.example.org/atom/1', null, '2025-05-03T06:00:00.000Z'],
      ['Fractional seconds and offset', 'https://dates.example.org/atom/2', '2025-05-03T02:30:00.500Z', '2025-05-03T09:00:00.000Z'],
      ['Lower-case t and z', 'https://dates.example.org/atom/3', '2025-05-03T10:00:00.000Z', null],
      ['Unparseable published', 'https://dates.example.org/atom/4', null, '2025-05-03T11:00:00.000Z'],
      ['No dates and no link', null, null, null],
    ],
  },
  'atom10-indonesian.xml': {
    format: 'atom-1.0',
    languages: ['id', 'id', 'en'],
    entries: [
      [
        'NIS: Sekitar 1.500 Tentara Korea Utara Sudah Tiba di Vladivostok',
        'https://wartakawasan.example.id/2024/10/18/nis-tentara-korut',
        '2024-10-18T07:20:00.000Z',
        '2024-10-18T08:00:00.000Z',
      ],
      [
        'Rusia Akui Bantuan Pasukan Korea Utara dalam Pembebasan Kursk',
        'https://wartakawasan.example.id/2025/04/26/rusia-akui',
        '2025-04-26T14:10:00.000Z',
        '2025-04-26T14:10:00.000Z',
      ],
      [
        'Russia acknowledges North Korean troops (English edition)',
        'https://wartakawasan.example.id/en/2025/04/26/russia-acknowledges',
        '2025-04-26T15:00:00.000Z',
        '2025-04-26T15:00:00.000Z',
      ],
    ],
  },
  'atom03-blogger.xml': {
    format: 'atom-0.3',
    entries: [
      ['Atom 0.3 snapshot', 'http://oldblog.example.com/2005/07/31/atom-03', '2005-07-31T12:29:29.000Z', '2005-07-31T12:29:29.000Z'],
      ['Only created', 'http://oldblog.example.com/2005/07/30/created', '2005-07-30T10:00:00.000Z', '2005-07-30T11:00:00.000Z'],
    ],
  },
  'atom03-modes.xml': {
    format: 'atom-0.3',
    entries: [
      ['Base64 content', 'http://modes.example.com/base64', '2004-11-30T10:00:00.000Z', '2004-11-30T10:00:00.000Z'],
      ['Inline XML title', 'http://modes.example.com/xml', '2004-11-30T10:00:00.000Z', '2004-11-30T10:00:00.000Z'],
    ],
  },
  'jsonfeed10.json': {
    format: 'json-feed-1.0',
    entries: [
      ['Pyongyang confirms deployment', 'https://monitor.example.org/2025/04/28/confirmation', '2025-04-27T21:00:00.000Z', null],
      ['Linked commentary', 'https://elsewhere.example.com/story', '2025-04-27T18:00:00.000Z', null],
      [null, null, null, null],
    ],
  },
  'jsonfeed11.json': {
    format: 'json-feed-1.1',
    languages: ['id-ID', 'en'],
    entries: [
      [
        'KCNA: pengerahan pasukan atas perintah Kim Jong Un',
        'https://feeds.example.com/klaim/2025/04/28/kcna',
        '2025-04-28T01:30:00.000Z',
        '2025-04-28T02:00:00.000Z',
      ],
      ['Putin: "urusan kami"', 'https://feeds.example.com/corpus/klaim/2024/10/25/putin', '2024-10-25T00:00:00.000Z', null],
    ],
  },
};

describe('feed corpus', () => {
  it('has an expectation for every file, and at least 30 files', () => {
    const files = readdirSync(CORPUS).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const decoded = decodeFeedBody(readFileSync(new URL(file, CORPUS)), null);
    const result = await parseFeed(decoded.text, { feedUrl: `${FEED_BASE}${file}` });
    if (!result.ok) throw new Error(`${file}: ${result.reason}: ${result.message}`);

    expect(result.feed.format).toBe(expected.format);
    expect(result.feed.entries.map((entry): Row => [entry.title, entry.link, entry.published, entry.updated])).toEqual(
      expected.entries,
    );
    if (expected.charset) expect(decoded.charset).toBe(expected.charset);
    if (expected.languages) expect(result.feed.entries.map((entry) => entry.language)).toEqual(expected.languages);
  });
});

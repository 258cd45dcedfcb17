import { describe, expect, it } from '@jest/globals';
import { checkAtomFeed } from './support/feed-validity/atom-checker.js';
import { feedparserAvailable, parseWithFeedparser } from './support/feed-validity/feedparser.js';
import { checkJsonFeed } from './support/feed-validity/json-feed-checker.js';

// Tests of the feed-validity helpers themselves, on hand-written documents: the valid samples
// must pass untouched, and each sample broken in one way must be caught for that reason. Every
// broken sample is made from a valid one by a single replacement, so a test cannot pass because
// the sample happened to be broken in some other way. Feedparser then confirms, as an outside
// reader, that the valid Atom means what we think and that the malformed XML really is.

const FEED = 'https://stance.example.org/feeds/dprk-troops';
const ENTRY_1 = 'entry 1 (tag:stance.example.org,2024-11-05:stance/42)';
const ENTRY_2 = 'entry 2 (tag:stance.example.org,2024-11-04:stance/41)';

// A subscription document: paged (rel="next") and archived (rel="prev-archive").
const VALID_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:stance.example.org,2024:feed/dprk-troops</id>
  <title>Stance changes: DPRK troops in Russia</title>
  <subtitle type="html">Every party&#8217;s position, &lt;em&gt;as it changes&lt;/em&gt;</subtitle>
  <updated>2024-11-05T09:30:00Z</updated>
  <author><name>Stance Monitor</name><uri>https://stance.example.org/</uri></author>
  <generator uri="https://stance.example.org/" version="0.1.0">stance-monitor</generator>
  <link rel="self" type="application/atom+xml" href="${FEED}.atom"/>
  <link rel="alternate" type="text/html" href="https://stance.example.org/facts/dprk-troops"/>
  <link rel="alternate" type="text/html" hreflang="ko" href="https://stance.example.org/ko/facts/dprk-troops"/>
  <link rel="next" type="application/atom+xml" href="${FEED}.atom?page=2"/>
  <link rel="prev-archive" type="application/atom+xml" href="${FEED}/archive/3.atom"/>
  <entry>
    <id>tag:stance.example.org,2024-11-05:stance/42</id>
    <title type="text">Ministry of Defence: "confirmed" (was "unverified")</title>
    <updated>2024-11-05T09:30:00Z</updated>
    <published>2024-11-05T09:12:47+09:00</published>
    <link rel="alternate" type="text/html" href="https://stance.example.org/stances/42"/>
    <link rel="alternate" type="application/json" href="https://stance.example.org/stances/42.json"/>
    <category term="confirmed" scheme="https://stance.example.org/stances"/>
    <summary>Changed from unverified to confirmed.</summary>
    <content type="xhtml" xml:lang="en-GB"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ministry <strong>confirmed</strong> the deployment, per AT&amp;T records.</p></div></content>
  </entry>
  <entry>
    <id>tag:stance.example.org,2024-11-04:stance/41</id>
    <title>Café owner in Seoul: "not seen"</title>
    <updated>2024-11-04T18:00:00.250+01:00</updated>
    <link href="https://stance.example.org/stances/41"/>
    <content type="html">&lt;p&gt;Reported &lt;b&gt;not seen&lt;/b&gt;.&lt;/p&gt;</content>
  </entry>
</feed>
`;

// An archive document (RFC 5005 §4): fh:archive, rel="current", no feed-level author because
// every entry carries its own.
const VALID_ARCHIVE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="en">
  <fh:archive/>
  <id>tag:stance.example.org,2024:feed/dprk-troops</id>
  <title>Stance changes: DPRK troops in Russia (archive 3)</title>
  <updated>2024-10-01T00:00:00Z</updated>
  <link rel="self" href="${FEED}/archive/3.atom"/>
  <link rel="current" href="${FEED}.atom"/>
  <link rel="prev-archive" href="${FEED}/archive/2.atom"/>
  <link rel="next-archive" href="${FEED}/archive/4.atom"/>
  <entry>
    <id>tag:stance.example.org,2024-09-30:stance/7</id>
    <title>Foreign Ministry: "denied"</title>
    <updated>2024-09-30T23:59:60Z</updated>
    <author><name>Stance Monitor</name></author>
    <link rel="alternate" href="https://stance.example.org/stances/7"/>
    <content>Denied any deployment.</content>
  </entry>
</feed>
`;

/** Applies one replacement, and refuses to produce an unchanged (so still valid) document. */
function mutate(document: string, from: string, to: string): string {
  if (!document.includes(from)) throw new Error(`test sample does not contain ${JSON.stringify(from)}`);
  return document.replace(from, to);
}

/** Exactly one violation, matching `pattern`: the sample is broken in that one way only. */
function expectOnly(violations: string[], pattern: RegExp): void {
  expect(violations).toEqual([expect.stringMatching(pattern)]);
}

// ---------------------------------------------------------------------------------------------
// Atom
// ---------------------------------------------------------------------------------------------

const MALFORMED_XML: Array<[name: string, document: string, pattern: RegExp]> = [
  ['control character U+0001 in text', mutate(VALID_ATOM, 'DPRK troops in Russia<', 'DPRK\u0001troops in Russia<'), /U\+0001 is not allowed/],
  ['U+FFFF in text', mutate(VALID_ATOM, 'Café owner', 'Caf\uFFFF owner'), /U\+FFFF is not allowed/],
  ['character reference to U+0001', mutate(VALID_ATOM, 'Café owner', 'Caf&#1; owner'), /&#1; names a forbidden character/],
  ['unescaped &', mutate(VALID_ATOM, 'AT&amp;T', 'AT&T'), /"&" does not start/],
  ['undeclared entity &nbsp;', mutate(VALID_ATOM, 'Café owner', 'Café&nbsp;owner'), /"&" does not start/],
  ['entity name in the wrong case', mutate(VALID_ATOM, 'AT&amp;T', 'AT&AMP;T'), /"&" does not start/],
  ['unbalanced tags', mutate(VALID_ATOM, '<summary>Changed from unverified to confirmed.</summary>', '<summary>Changed <b>from</summary>'), /close tag/i],
  ['unclosed root', mutate(VALID_ATOM, '</feed>', ''), /unclosed root/i],
  ['"<" in an attribute value', mutate(VALID_ATOM, 'version="0.1.0"', 'version="<0.1.0"'), /"<" in an attribute value/],
  ['duplicate attribute', mutate(VALID_ATOM, 'version="0.1.0"', 'version="0.1.0" version="0.1.1"'), /duplicate attribute "version"/],
  ['second root element', `${VALID_ATOM}<feed xmlns="http://www.w3.org/2005/Atom"/>`, /second root element/],
  ['"--" in a comment', mutate(VALID_ATOM, '<entry>', '<!-- stance 42 -- confirmed --><entry>'), /"--" inside a comment/],
  ['"]]>" in text', mutate(VALID_ATOM, 'Changed from', 'Changed ]]> from'), /"]]>" in character data/],
  ['XML declaration not first', ` ${VALID_ATOM}`, /XML declaration must be the very first/],
  ['DOCTYPE', mutate(VALID_ATOM, '<feed ', '<!DOCTYPE feed [<!ENTITY x "y">]>\n<feed '), /DOCTYPE declarations are not allowed/],
];

// Rules this checker adds to XML 1.0 itself (a DOCTYPE is well-formed), which feedparser, rightly,
// does not flag.
const NOT_EXPAT_ERRORS = new Set(['DOCTYPE']);

describe('checkAtomFeed', () => {
  it('accepts escaped markup in an attribute value (it is text once decoded)', () => {
    expect(checkAtomFeed(mutate(VALID_ATOM, 'version="0.1.0"', 'version="&lt;0.1.0&gt; &amp; &quot;"'))).toEqual([]);
  });

  it('accepts a valid subscription document with paging and archive links', () => {
    expect(checkAtomFeed(VALID_ATOM)).toEqual([]);
  });

  it('accepts a valid RFC 5005 archive document whose entries carry the authors', () => {
    expect(checkAtomFeed(VALID_ARCHIVE)).toEqual([]);
  });

  describe('well-formedness', () => {
    it.each(MALFORMED_XML)('rejects %s', (_name, document, pattern) => {
      const violations = checkAtomFeed(document);
      expect(violations).toContainEqual(expect.stringMatching(pattern));
      // A malformed document gets no Atom checks: their findings would be noise.
      expect(violations.every((v) => v.startsWith('XML: '))).toBe(true);
    });

    it('says where the forbidden character is', () => {
      const violations = checkAtomFeed(mutate(VALID_ATOM, 'DPRK troops in Russia<', 'DPRK\u0001troops in Russia<'));
      expect(violations).toEqual([expect.stringContaining('(line 4, column 30)')]);
    });

    it('rejects an empty document', () => {
      expect(checkAtomFeed('')).toEqual(['XML: the document has no root element']);
    });
  });

  describe('atom:feed (RFC 4287 §4.1.1)', () => {
    it('requires the root to be atom:feed', () => {
      expectOnly(
        checkAtomFeed(mutate(VALID_ATOM, '<feed xmlns="http://www.w3.org/2005/Atom"', '<feed xmlns="http://purl.org/atom/ns#"')),
        /^feed: the root element is <feed> in namespace "http:\/\/purl.org\/atom\/ns#", not atom:feed/,
      );
    });

    it('catches a missing atom:id', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<id>tag:stance.example.org,2024:feed/dprk-troops</id>', '')), /^feed: missing atom:id$/);
    });

    it('catches two titles', () => {
      const twoTitles = mutate(VALID_ATOM, '<subtitle', '<title>Second title</title>\n  <subtitle');
      expectOnly(checkAtomFeed(twoTitles), /^feed: 2 atom:title elements, expected exactly one$/);
    });

    it('catches two subtitles', () => {
      const twoSubtitles = mutate(VALID_ATOM, '<subtitle', '<subtitle>Another</subtitle>\n  <subtitle');
      expectOnly(checkAtomFeed(twoSubtitles), /^feed: 2 atom:subtitle elements, expected at most one$/);
    });

    it('catches a missing atom:updated', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<updated>2024-11-05T09:30:00Z</updated>\n  <author>', '<author>')), /^feed: missing atom:updated$/);
    });

    it('requires an author on the feed unless every entry has one', () => {
      const noFeedAuthor = mutate(VALID_ATOM, '<author><name>Stance Monitor</name><uri>https://stance.example.org/</uri></author>', '');
      expect(checkAtomFeed(noFeedAuthor)).toEqual([
        `${ENTRY_1}: no atom:author, and the feed has none either`,
        `${ENTRY_2}: no atom:author, and the feed has none either`,
      ]);
    });

    it('requires exactly one rel="self" link', () => {
      const noSelf = mutate(VALID_ATOM, `<link rel="self" type="application/atom+xml" href="${FEED}.atom"/>`, '');
      expectOnly(checkAtomFeed(noSelf), /^feed: expected exactly one link rel="self", found 0$/);
      const twoSelves = mutate(VALID_ATOM, '<link rel="next"', `<link rel="self" href="${FEED}.xml"/>\n  <link rel="next"`);
      expectOnly(checkAtomFeed(twoSelves), /^feed: expected exactly one link rel="self", found 2$/);
    });

    it('catches two alternates with the same type and hreflang', () => {
      const duplicate = mutate(VALID_ATOM, 'hreflang="ko" ', '');
      expectOnly(checkAtomFeed(duplicate), /^feed: more than one link rel="alternate" with type="text\/html" and hreflang=""$/);
    });

    it('catches a misspelt Atom element', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<subtitle type="html">', '<subtitel type="html">').replace('</subtitle>', '</subtitel>')), /^feed: atom:subtitel is not an element of atom:feed$/);
    });
  });

  describe('atom:entry (RFC 4287 §4.1.2)', () => {
    it('catches a missing atom:updated and names the entry', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<updated>2024-11-04T18:00:00.250+01:00</updated>', '')), new RegExp(`^${escape(ENTRY_2)}: missing atom:updated$`));
    });

    it('catches a missing atom:id', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<id>tag:stance.example.org,2024-11-04:stance/41</id>', '')), /^entry 2 \(no atom:id\): missing atom:id$/);
    });

    it('catches two atom:published', () => {
      const twice = mutate(VALID_ATOM, '<published>', '<published>2024-11-05T09:12:47+09:00</published><published>');
      expectOnly(checkAtomFeed(twice), /^entry 1 \(.*\): 2 atom:published elements, expected at most one$/);
    });

    it('requires an alternate link and content', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<link href="https://stance.example.org/stances/41"/>', '')), /^entry 2 \(.*\): missing link rel="alternate"$/);
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<content type="html">&lt;p&gt;Reported &lt;b&gt;not seen&lt;/b&gt;.&lt;/p&gt;</content>', '')), /^entry 2 \(.*\): missing atom:content$/);
    });

    it('catches two alternates of the same type in an entry', () => {
      const duplicate = mutate(VALID_ATOM, 'type="application/json" href="https://stance.example.org/stances/42.json"', 'type="text/html" href="https://stance.example.org/stances/42?print"');
      expectOnly(checkAtomFeed(duplicate), /^entry 1 \(.*\): more than one link rel="alternate" with type="text\/html" and hreflang=""$/);
    });

    it('requires a summary when content has src, and content with src to be empty', () => {
      const outOfLine = mutate(VALID_ATOM, '<content type="html">&lt;p&gt;Reported &lt;b&gt;not seen&lt;/b&gt;.&lt;/p&gt;</content>', '<content type="application/pdf" src="https://stance.example.org/stances/41.pdf"/>');
      expectOnly(checkAtomFeed(outOfLine), /^entry 2 \(.*\): atom:summary is required when atom:content has src$/);
      const notEmpty = mutate(VALID_ARCHIVE, '<content>Denied any deployment.</content>', '<summary>Denied.</summary><content type="text/plain" src="https://stance.example.org/7.txt">Denied</content>');
      expectOnly(checkAtomFeed(notEmpty), /^entry 1 \(.*\): atom:content with src must be empty$/);
    });

    it('catches duplicate entry ids', () => {
      const duplicate = mutate(VALID_ATOM, 'tag:stance.example.org,2024-11-04:stance/41', 'tag:stance.example.org,2024-11-05:stance/42');
      expectOnly(checkAtomFeed(duplicate), /^entry 2 \(tag:stance.example.org,2024-11-05:stance\/42\): same atom:id as entry 1$/);
    });
  });

  describe('ids', () => {
    it.each([
      ['no date', 'tag:stance.example.org:stance/42'],
      ['month 13', 'tag:stance.example.org,2024-13:stance/42'],
      ['30 February', 'tag:stance.example.org,2024-02-30:stance/42'],
      ['underscore in the domain', 'tag:stance_example.org,2024:stance/42'],
      ['no authority', 'tag:,2024:stance/42'],
      ['space in the specific part', 'tag:stance.example.org,2024:stance 42'],
    ])('rejects a tag: id with %s', (_name, id) => {
      const violations = checkAtomFeed(mutate(VALID_ATOM, 'tag:stance.example.org,2024-11-05:stance/42', id));
      expect(violations).toContainEqual(expect.stringMatching(/atom:id ".*" is not (a valid tag: URI|an absolute IRI)/));
      expect(violations).toHaveLength(1);
    });

    it('accepts a tag: id minted by an e-mail address', () => {
      expect(checkAtomFeed(mutate(VALID_ATOM, 'tag:stance.example.org,2024-11-05:stance/42', 'tag:desk@stance.example.org,2024-11-05:stance/42'))).toEqual([]);
    });

    it('rejects a relative id and one padded with whitespace', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<id>tag:stance.example.org,2024:feed/dprk-troops</id>', '<id>/feeds/dprk-troops</id>')), /^feed: atom:id "\/feeds\/dprk-troops" is not an absolute IRI$/);
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<id>tag:stance.example.org,2024:feed/dprk-troops</id>', '<id> tag:stance.example.org,2024:feed/dprk-troops</id>')), /^feed: atom:id " tag:.*" is not an absolute IRI$/);
    });
  });

  describe('dates (RFC 3339, §3.3)', () => {
    it.each([
      ['a space instead of T', '2024-11-05 09:30:00Z'],
      ['no time zone', '2024-11-05T09:30:00'],
      ['a lower-case t', '2024-11-05t09:30:00Z'],
      ['no seconds', '2024-11-05T09:30Z'],
      ['an impossible day', '2024-11-31T09:30:00Z'],
      ['hour 24', '2024-11-05T24:00:00Z'],
      ['an RFC 822 date', 'Tue, 05 Nov 2024 09:30:00 GMT'],
      ['a date only', '2024-11-05'],
    ])('rejects an updated with %s', (_name, date) => {
      const violations = checkAtomFeed(mutate(VALID_ATOM, '<updated>2024-11-05T09:30:00Z</updated>\n  <author>', `<updated>${date}</updated>\n  <author>`));
      expectOnly(violations, /^feed: atom:updated ".*" is not an RFC 3339 date-time$/);
    });

    it('rejects a bad atom:published', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '2024-11-05T09:12:47+09:00', '2024-11-05T09:12:47+0900')), /^entry 1 \(.*\): atom:published "2024-11-05T09:12:47\+0900" is not an RFC 3339 date-time$/);
    });

    it('accepts a leap day', () => {
      expect(checkAtomFeed(mutate(VALID_ATOM, '2024-11-05T09:12:47+09:00', '2024-02-29T09:12:47+09:00'))).toEqual([]);
    });
  });

  describe('text constructs and content', () => {
    it('rejects an unknown text type', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<title type="text">', '<title type="markdown">')), /^entry 1 \(.*\): atom:title type="markdown" is not text, html or xhtml$/);
    });

    it('rejects xhtml content without its xhtml:div', () => {
      const noDiv = mutate(VALID_ATOM, '<div xmlns="http://www.w3.org/1999/xhtml"><p>The ministry <strong>confirmed</strong> the deployment, per AT&amp;T records.</p></div>', '<p xmlns="http://www.w3.org/1999/xhtml">Confirmed.</p>');
      expectOnly(checkAtomFeed(noDiv), /^entry 1 \(.*\): atom:content type="xhtml" must contain exactly one xhtml:div element$/);
    });

    it('rejects a div outside the XHTML namespace', () => {
      const wrongNs = mutate(VALID_ATOM, '<div xmlns="http://www.w3.org/1999/xhtml">', '<div>');
      expectOnly(checkAtomFeed(wrongNs), /^entry 1 \(.*\): atom:content type="xhtml" must contain exactly one xhtml:div element$/);
    });

    it('rejects unescaped markup in an html construct', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<title>Café owner in Seoul: "not seen"</title>', '<title type="html">Café owner: <b>not seen</b></title>')), /^entry 2 \(.*\): atom:title \(type html\) contains child elements; markup must be escaped$/);
    });

    it('rejects a content type that is not a media type', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, '<content type="html">', '<content type="HTML5">')), /^entry 2 \(.*\): atom:content type="HTML5" is neither text, html, xhtml nor a MIME media type$/);
    });
  });

  describe('links', () => {
    it('rejects a link without href', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, ' href="https://stance.example.org/stances/41"', '')), /^entry 2 \(.*\): link rel="alternate": missing href$/);
    });

    it('rejects an unregistered relation name', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, 'rel="next"', 'rel="nextpage"')), /^feed: link rel="nextpage": rel is neither a registered relation name nor an absolute IRI$/);
    });

    it('accepts an extension relation that is an absolute IRI', () => {
      expect(checkAtomFeed(mutate(VALID_ATOM, 'rel="next"', 'rel="https://stance.example.org/rel/later"'))).toEqual([]);
    });

    it('rejects relative and non-http navigational hrefs', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, `href="${FEED}.atom?page=2"`, 'href="?page=2"')), /^feed: link rel="next": href "\?page=2" is not an absolute http\(s\) URL$/);
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, `href="${FEED}/archive/3.atom"`, 'href="ftp://stance.example.org/3.atom"')), /^feed: link rel="prev-archive": href ".*" is not an absolute http\(s\) URL$/);
      expectOnly(checkAtomFeed(mutate(VALID_ARCHIVE, `<link rel="current" href="${FEED}.atom"/>`, '<link rel="current" href="/feeds/dprk-troops.atom"/>')), /^feed: link rel="current": href ".*" is not an absolute http\(s\) URL$/);
    });

    it('rejects a bad hreflang', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, 'hreflang="ko"', 'hreflang="ko_KR"')), /^feed: link rel="alternate": hreflang "ko_KR" is not a BCP 47 language tag$/);
    });
  });

  describe('xml:lang', () => {
    it('requires xml:lang on the root', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, ' xml:lang="en"', '')), /^feed: the root element has no xml:lang$/);
    });

    it.each(['en_GB', 'e', 'en-', 'en GB', '123', 'en-Latn-Latn'])('rejects xml:lang="%s"', (lang) => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, ' xml:lang="en"', ` xml:lang="${lang}"`)), /^feed: xml:lang=".*" on <feed> is not a BCP 47 language tag$/);
    });

    it('checks xml:lang below the root too', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ATOM, 'xml:lang="en-GB"', 'xml:lang="en_GB"')), /^feed: xml:lang="en_GB" on <content> is not a BCP 47 language tag$/);
    });

    it.each(['zh-Hant-TW', 'sr-Latn-RS', 'es-419', 'de-CH-1901', 'en-US-x-twain', 'i-klingon'])('accepts xml:lang="%s"', (lang) => {
      expect(checkAtomFeed(mutate(VALID_ATOM, ' xml:lang="en"', ` xml:lang="${lang}"`))).toEqual([]);
    });
  });

  describe('feed history (RFC 5005)', () => {
    it('requires rel="current" in an archive document', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ARCHIVE, `<link rel="current" href="${FEED}.atom"/>`, '')), /^feed: an archive document \(fh:archive\) must link to its subscription document with rel="current"/);
    });

    it('rejects fh:archive together with fh:complete', () => {
      expectOnly(checkAtomFeed(mutate(VALID_ARCHIVE, '<fh:archive/>', '<fh:archive/><fh:complete/>')), /^feed: fh:archive and fh:complete must not appear together/);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function validJsonFeed(): Json {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Stance changes: DPRK troops in Russia',
    home_page_url: 'https://stance.example.org/facts/dprk-troops',
    feed_url: `${FEED}.json`,
    next_url: `${FEED}.json?page=2`,
    description: 'Every party’s stated position, as it changes.',
    icon: 'https://stance.example.org/icon-512.png',
    favicon: 'https://stance.example.org/favicon.ico',
    authors: [{ name: 'Stance Monitor', url: 'https://stance.example.org/' }],
    language: 'en',
    expired: false,
    _stance: { about: 'https://stance.example.org/docs/json-feed-extension', fact: 'dprk-troops' },
    items: [
      {
        id: 'tag:stance.example.org,2024-11-05:stance/42',
        url: 'https://stance.example.org/stances/42',
        title: 'Ministry of Defence: "confirmed"',
        content_html: '<p>The ministry <strong>confirmed</strong> the deployment.</p>',
        summary: 'Changed from unverified to confirmed.',
        date_published: '2024-11-05T09:12:47+09:00',
        date_modified: '2024-11-05T09:30:00Z',
        tags: ['confirmed', 'ministry-of-defence'],
        language: 'en-GB',
        authors: [{ name: 'Ministry of Defence' }],
        attachments: [{ url: 'https://stance.example.org/stances/42.pdf', mime_type: 'application/pdf', size_in_bytes: 18042 }],
        _stance: { party: 'mod', previous: 'unverified' },
      },
      {
        id: 'tag:stance.example.org,2024-11-04:stance/41',
        url: 'https://stance.example.org/stances/41',
        content_text: 'Reported not seen.',
        date_published: '2024-11-04T18:00:00.250+01:00',
      },
    ],
  };
}

function withFeed(change: (feed: Json) => void): Json {
  const feed = validJsonFeed();
  change(feed);
  return feed;
}

function withItem(index: number, change: (item: Json) => void): Json {
  return withFeed((feed) => change((feed.items as Json[])[index] as Json));
}

const ITEM_1 = 'item 1 (tag:stance.example.org,2024-11-05:stance/42)';

describe('checkJsonFeed', () => {
  it('accepts a valid JSON Feed 1.1', () => {
    expect(checkJsonFeed(validJsonFeed())).toEqual([]);
  });

  it('accepts the JSON text once parsed, as a client would read it', () => {
    expect(checkJsonFeed(JSON.parse(JSON.stringify(validJsonFeed())))).toEqual([]);
  });

  it('rejects anything but an object', () => {
    expect(checkJsonFeed([validJsonFeed()])).toEqual(['feed: the document is not a JSON object']);
  });

  it.each<[string, (feed: Json) => void, RegExp]>([
    ['version 1.0', (f) => (f.version = 'https://jsonfeed.org/version/1'), /^feed: version must be "https:\/\/jsonfeed.org\/version\/1.1"/],
    ['no version', (f) => delete f.version, /^feed: version must be .*, got nothing$/],
    ['no title', (f) => delete f.title, /^feed: missing title$/],
    ['a numeric title', (f) => (f.title = 42), /^feed: title must be a string, got 42$/],
    ['no feed_url', (f) => delete f.feed_url, /^feed: missing feed_url$/],
    ['a relative home_page_url', (f) => (f.home_page_url = '/facts/dprk-troops'), /^feed: home_page_url must be an absolute http\(s\) URL/],
    ['a relative next_url', (f) => (f.next_url = '?page=2'), /^feed: next_url must be an absolute http\(s\) URL/],
    ['an icon URL with a space', (f) => (f.icon = 'https://stance.example.org/icon 512.png'), /^feed: icon must be an absolute http\(s\) URL/],
    ['a favicon without a host', (f) => (f.favicon = 'https:favicon.ico'), /^feed: favicon must be an absolute http\(s\) URL/],
    ['an empty authors array', (f) => (f.authors = []), /^feed: authors must not be empty$/],
    ['an empty author object', (f) => (f.authors = [{}]), /^feed: authors\[0\] needs at least one of name, url, avatar$/],
    ['a relative avatar', (f) => (f.authors = [{ name: 'x', avatar: 'me.png' }]), /^feed: authors\[0\]: avatar must be an absolute URL/],
    ['only the deprecated author', (f) => { delete f.authors; f.author = { name: 'Stance Monitor' }; }, /^feed: has the deprecated author without authors$/],
    ['an underscore language tag', (f) => (f.language = 'en_GB'), /^feed: language must be a BCP 47 language tag, got "en_GB"$/],
    ['expired as a string', (f) => (f.expired = 'no'), /^feed: expired must be a boolean, got "no"$/],
    ['a hub without a type', (f) => (f.hubs = [{ url: 'https://hub.example.net/' }]), /^feed: hubs\[0\]: missing type$/],
    ['no items', (f) => delete f.items, /^feed: missing items$/],
    ['items as an object', (f) => (f.items = {}), /^feed: items must be an array/],
    ['a misspelt key', (f) => (f.homepage_url = 'https://stance.example.org/'), /^feed: unknown key "homepage_url"$/],
    ['an extension that is not an object', (f) => (f._stance = 'x'), /^feed: extension _stance must be an object/],
    ['an underscore key without a letter', (f) => (f._1 = {}), /^feed: unknown key "_1"$/],
  ])('rejects a feed with %s', (_name, change, pattern) => {
    expectOnly(checkJsonFeed(withFeed(change)), pattern);
  });

  it.each<[string, (item: Json) => void, RegExp]>([
    ['no id', (i) => delete i.id, /^item 1 \(no id\): missing id$/],
    ['a numeric id', (i) => (i.id = 42), /^item 1 \(id 42\): id must be a non-empty string, got 42$/],
    ['an empty id', (i) => (i.id = ''), /^item 1 \(no id\): id must be a non-empty string/],
    ['no content', (i) => delete i.content_html, /needs content_html or content_text$/],
    ['content_html that is not a string', (i) => { i.content_text = 'x'; i.content_html = ['<p>x</p>']; }, /content_html must be a string/],
    ['a relative url', (i) => (i.url = '/stances/42'), /url must be an absolute http\(s\) URL/],
    ['a relative external_url', (i) => (i.external_url = 'www.mod.example/news'), /external_url must be an absolute http\(s\) URL/],
    ['a relative image', (i) => (i.image = 'img/42.png'), /image must be an absolute http\(s\) URL/],
    ['a banner_image with a space', (i) => (i.banner_image = 'https://stance.example.org/banner 42.png'), /banner_image must be an absolute http\(s\) URL/],
    ['a date_published with a space', (i) => (i.date_published = '2024-11-05 09:12:47+09:00'), /date_published must be an RFC 3339 date-time/],
    ['a date_modified without a zone', (i) => (i.date_modified = '2024-11-05T09:30:00'), /date_modified must be an RFC 3339 date-time/],
    ['a date as a number', (i) => (i.date_modified = 1730799000), /date_modified must be an RFC 3339 date-time, got 1730799000$/],
    ['tags as a string', (i) => (i.tags = 'confirmed'), /tags must be an array/],
    ['a numeric tag', (i) => (i.tags = ['confirmed', 7]), /tags\[1\] must be a string/],
    ['an empty author object', (i) => (i.authors = [{}]), /authors\[0\] needs at least one of name, url, avatar$/],
    ['only the deprecated author', (i) => { delete i.authors; i.author = { name: 'MoD' }; }, /has the deprecated author without authors$/],
    ['a non-string language', (i) => (i.language = ['en']), /language must be a BCP 47 language tag/],
    ['an attachment without mime_type', (i) => (i.attachments = [{ url: 'https://stance.example.org/42.pdf' }]), /attachments\[0\]: missing mime_type$/],
    ['an attachment whose mime_type is an extension', (i) => (i.attachments = [{ url: 'https://stance.example.org/42.pdf', mime_type: 'pdf' }]), /attachments\[0\]: mime_type must be a MIME type/],
    ['an author with an email key (a JSON Feed 1.0 habit)', (i) => (i.authors = [{ name: 'MoD', email: 'press@mod.example' }]), /authors\[0\]: unknown key "email"$/],
    ['an attachment without url', (i) => (i.attachments = [{ mime_type: 'application/pdf' }]), /attachments\[0\]: missing url$/],
    ['a negative attachment size', (i) => (i.attachments = [{ url: 'https://stance.example.org/42.pdf', mime_type: 'application/pdf', size_in_bytes: -1 }]), /size_in_bytes must be a non-negative number/],
    ['a misspelt date key', (i) => { i.date_publish = i.date_published; delete i.date_published; }, /unknown key "date_publish"$/],
  ])('rejects an item with %s', (_name, change, pattern) => {
    // Unanchored patterns belong to rows that leave the id alone: the message must name the item by it.
    const located = pattern.source.startsWith('^') ? pattern : new RegExp(`^${escape(ITEM_1)}: .*${pattern.source}`);
    expectOnly(checkJsonFeed(withItem(0, change)), located);
  });

  it('rejects duplicate item ids', () => {
    const duplicate = withItem(1, (i) => (i.id = 'tag:stance.example.org,2024-11-05:stance/42'));
    expect(checkJsonFeed(duplicate)).toEqual([`item 2 (tag:stance.example.org,2024-11-05:stance/42): same id as item 1`]);
  });

  it('accepts content_text alone, lower-case t and z in dates, and a mailto author url', () => {
    const feed = withItem(0, (i) => {
      delete i.content_html;
      i.content_text = 'Confirmed.';
      i.date_modified = '2024-11-05t09:30:00z';
      i.authors = [{ url: 'mailto:press@mod.example' }];
    });
    expect(checkJsonFeed(feed)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// feedparser, as an independent reader
// ---------------------------------------------------------------------------------------------

// Not skipped when missing: a silently skipped outside check is no check at all.
function requireFeedparser(): void {
  if (!feedparserAvailable()) {
    throw new Error(
      'Python feedparser is not importable by /usr/bin/python3: install python3-feedparser ' +
        '(DEBIAN_FRONTEND=noninteractive apt-get install -y python3-feedparser; .ci/run does this)',
    );
  }
}

describe('feedparser', () => {
  it('is installed for /usr/bin/python3', () => {
    requireFeedparser();
  });

  it('reads the valid Atom sample without complaint, as we meant it', async () => {
    requireFeedparser();
    const result = await parseWithFeedparser(VALID_ATOM);
    expect(result.bozo_exception).toBeNull();
    expect(result.bozo).toBe(false);
    expect(result.version).toBe('atom10');
    expect(result.feed.title).toBe('Stance changes: DPRK troops in Russia');
    expect(result.feed.id).toBe('tag:stance.example.org,2024:feed/dprk-troops');
    expect(result.feed.language).toBe('en');
    expect(result.feed.updated_parsed).toBe('2024-11-05T09:30:00Z');
    expect(result.feed.links.map((l) => [l.rel, l.href])).toEqual([
      ['self', `${FEED}.atom`],
      ['alternate', 'https://stance.example.org/facts/dprk-troops'],
      ['alternate', 'https://stance.example.org/ko/facts/dprk-troops'],
      ['next', `${FEED}.atom?page=2`],
      ['prev-archive', `${FEED}/archive/3.atom`],
    ]);
    expect(result.entries.map((e) => [e.id, e.title, e.link])).toEqual([
      ['tag:stance.example.org,2024-11-05:stance/42', 'Ministry of Defence: "confirmed" (was "unverified")', 'https://stance.example.org/stances/42'],
      ['tag:stance.example.org,2024-11-04:stance/41', 'Café owner in Seoul: "not seen"', 'https://stance.example.org/stances/41'],
    ]);
    const [first, second] = result.entries;
    // +09:00 and +01:00 offsets come out in UTC: the zones were understood, not dropped.
    expect(first?.published).toBe('2024-11-05T09:12:47+09:00');
    expect(first?.published_parsed).toBe('2024-11-05T00:12:47Z');
    expect(first?.updated_parsed).toBe('2024-11-05T09:30:00Z');
    expect(second?.updated_parsed).toBe('2024-11-04T17:00:00Z');
    expect(first?.summary).toBe('Changed from unverified to confirmed.');
    expect(first?.content_values).toEqual([expect.stringContaining('<strong>confirmed</strong> the deployment, per AT&amp;T records.')]);
    expect(second?.content_values).toEqual(['<p>Reported <b>not seen</b>.</p>']);
  });

  it('reads the archive sample and its history links', async () => {
    requireFeedparser();
    const result = await parseWithFeedparser(VALID_ARCHIVE);
    expect(result.bozo).toBe(false);
    expect(result.feed.links.map((l) => l.rel)).toEqual(['self', 'current', 'prev-archive', 'next-archive']);
    expect(result.entries.map((e) => e.author)).toEqual(['Stance Monitor']);
  });

  it.each(MALFORMED_XML.filter(([name]) => !NOT_EXPAT_ERRORS.has(name)))('agrees the document with %s is malformed (bozo)', async (_name, document) => {
    requireFeedparser();
    const result = await parseWithFeedparser(document);
    expect(result.bozo).toBe(true);
    expect(result.bozo_exception).toMatch(/SAXParseException|CharacterEncodingOverride|NonXMLContentType|not well-formed/);
  });

  it('refuses JSON, which this feedparser cannot read', async () => {
    requireFeedparser();
    await expect(parseWithFeedparser(JSON.stringify(validJsonFeed()))).rejects.toThrow(/no JSON Feed support/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

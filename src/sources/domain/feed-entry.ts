// What any feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) becomes once parsed.

export type FeedFormat = 'rss-0.9x' | 'rss-1.0' | 'rss-2.0' | 'atom-0.3' | 'atom-1.0' | 'json-feed-1.0' | 'json-feed-1.1';

export interface FeedEntry {
  /** RSS guid (or RSS 1.0 rdf:about), Atom id, JSON Feed id; as written. */
  guid: string | null;
  /** Absolute http(s) URL of the article, resolved against xml:base and the feed URL. */
  link: string | null;
  /** Plain text on one line. */
  title: string | null;
  /** ISO 8601 UTC instants. */
  published: string | null;
  updated: string | null;
  /** The body as plain text: tags stripped, entities decoded, paragraphs on their own lines. */
  contentText: string;
  /** The body as HTML (text bodies are escaped); relative URLs inside are left as written. */
  contentHtml: string;
  /** Canonical BCP 47 tag of the entry, else of the feed; null when neither says or the tag is unknown. */
  language: string | null;
  author: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The website the feed belongs to. */
  siteUrl: string | null;
  language: string | null;
  /** RSS <ttl>: minutes the feed may be cached. */
  ttlMinutes: number | null;
  entries: FeedEntry[];
}

export type FeedParseFailureReason =
  /** Nothing but white space. */
  | 'empty'
  /** A web page, typically a site's home page given instead of its feed. */
  | 'html'
  /** Well-formed, but neither RSS, Atom nor JSON Feed. */
  | 'not-a-feed'
  /** Broken XML or JSON. */
  | 'malformed'
  /** A DOCTYPE declaring entities: the shape of entity-expansion ("billion laughs") and XXE attacks. */
  | 'entity-declaration';

export interface FeedParseFailure {
  reason: FeedParseFailureReason;
  message: string;
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | ({ ok: false } & FeedParseFailure);

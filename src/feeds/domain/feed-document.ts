// A feed document independent of its format: what the Atom and the JSON Feed writers both render.
// Pure.

export interface FeedLink {
  href: string;
  type?: string;
  title?: string;
}

export interface FeedEntry {
  /** Permanent `tag:` URI (RFC 4151) from the event behind the entry. */
  id: string;
  /** Plain text, read at a glance: "Russia: neither → confirm". */
  title: string;
  /** Transaction time of the newest event that shaped the entry: from the data, never "now". */
  updated: Date;
  published: Date;
  /** The source article (or the analyst's source): the entry's alternate link. */
  link: string;
  /** More about the entry: the `why` API, the actor's history. */
  related: FeedLink[];
  /** HTML, every piece of article text in it escaped. */
  contentHtml: string;
  /** Plain text: the quote, by whom, where. */
  summary: string;
  /** Plain-text labels: watch, actor, stance. */
  tags: string[];
  /** Machine-readable facts for JSON Feed readers (`_stance`). */
  data: Record<string, unknown>;
}

/** RFC 5005 links of one page of a feed. */
export interface FeedPaging {
  /** The page of older entries (paged feeds' `next`, archived feeds' `prev-archive`). */
  older: { atom: string; json: string } | null;
  /** Set on an archive page: the subscription document's URLs. */
  current: { atom: string; json: string } | null;
}

export interface FeedDocument {
  id: string;
  title: string;
  subtitle: string;
  /** BCP 47 language of the titles and the text around quotes. */
  language: string;
  updated: Date;
  /** This document in each format (self and its alternate). */
  urls: { atom: string; json: string };
  /** The same data in the JSON API. */
  api: string;
  /** The same data as a page for people: the board, or the actor's page (the HTML alternate). */
  page: string;
  author: { name: string; url: string };
  paging: FeedPaging;
  entries: FeedEntry[];
}

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
  /** The id of an entry this one withdraws or replaces: an RFC 6721 deleted-entry in Atom. */
  deletes: string | null;
}

type FeedUrls = { atom: string; json: string };

/**
 * RFC 5005 archived-feed links of one document. Archive pages have fixed boundaries (page n holds
 * entries (n-1)·size+1 to n·size of the feed, counted from its first), so once full a page and
 * its links never change.
 */
export interface FeedPaging {
  /** The newest full archive page older than this document's entries. */
  prevArchive: FeedUrls | null;
  /** On an archive page: the page after it (its address is fixed before it fills). */
  nextArchive: FeedUrls | null;
  /** On an archive page: the subscription document. */
  current: FeedUrls | null;
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
  /** A square image that stands for the feed (Atom icon, JSON Feed icon and favicon). */
  icon: string;
  author: { name: string; url: string };
  paging: FeedPaging;
  entries: FeedEntry[];
}

import { readAtomFeed } from './atom-reader.js';
import { sniffFeedSyntax, type XmlRoot } from './feed-body.js';
import type { FeedParseFailure, FeedParseResult, ParsedFeed } from './feed-entry.js';
import { readJsonFeed } from './json-feed-reader.js';
import { readRssFeed } from './rss-reader.js';
import { parseXmlFeedDocument } from './xml-feed-document.js';
import { xmlFeedParts } from './xml-feed-parts.js';

export interface ParseFeedOptions {
  /** The URL the feed was fetched from (after redirects): the base for relative links. */
  feedUrl: string;
}

/**
 * Parses a decoded feed body (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) into entries.
 * Never throws: bad input is a failure with a reason and a message for the source's health.
 */
export async function parseFeed(text: string, { feedUrl }: ParseFeedOptions): Promise<FeedParseResult> {
  const sniffed = sniffFeedSyntax(text);
  if ('reason' in sniffed) return { ok: false, ...sniffed };
  let feed: ParsedFeed | FeedParseFailure;
  try {
    feed = sniffed.syntax === 'json' ? readJsonFeed(text, feedUrl) : await readXmlFeed(text, sniffed.root, feedUrl);
  } catch (error) {
    // The readers expect every shape we know of; whatever else a feed holds is this feed's
    // failure, and must not stop the poll of the others.
    return { ok: false, reason: 'malformed', message: `unreadable feed: ${(error as Error).message}` };
  }
  return 'reason' in feed ? { ok: false, ...feed } : { ok: true, feed };
}

/**
 * parseFeed, with the feed's entries given to `onPart` a share at a time: a large XML feed is read
 * in parts of `entriesPerPart` entries (xml-feed-parts.ts), each handed over before the next is
 * parsed; any other feed is read whole and handed over at once. A part that does not parse is
 * judged by reading the whole document, which then decides: its failure (with its own line
 * numbers) is the result, after the parts before were handed over.
 */
export async function parseFeedInParts(
  text: string,
  options: ParseFeedOptions,
  entriesPerPart: number,
  onPart: (feed: ParsedFeed) => void,
): Promise<{ ok: true } | ({ ok: false } & FeedParseFailure)> {
  const sniffed = sniffFeedSyntax(text);
  const parts = 'syntax' in sniffed && sniffed.syntax === 'xml' ? xmlFeedParts(text, sniffed.root, entriesPerPart) : null;
  let handedOver = 0;
  for (const part of parts ?? []) {
    const parsed = await parseFeed(part, options);
    if (!parsed.ok) return handOverTheRest(text, options, handedOver, onPart);
    onPart(parsed.feed);
    handedOver += parsed.feed.entries.length;
  }
  return parts === null ? handOverTheRest(text, options, 0, onPart) : { ok: true };
}

/** Reads the whole feed and hands over its entries after the first `handedOver`. */
async function handOverTheRest(
  text: string,
  options: ParseFeedOptions,
  handedOver: number,
  onPart: (feed: ParsedFeed) => void,
): Promise<{ ok: true } | ({ ok: false } & FeedParseFailure)> {
  const whole = await parseFeed(text, options);
  if (!whole.ok) return whole;
  onPart(handedOver === 0 ? whole.feed : { ...whole.feed, entries: whole.feed.entries.slice(handedOver) });
  return { ok: true };
}

async function readXmlFeed(text: string, root: XmlRoot, feedUrl: string): Promise<ParsedFeed | FeedParseFailure> {
  const document = await parseXmlFeedDocument(text, root);
  if ('reason' in document) return document;
  return document.dialect === 'atom' ? readAtomFeed(document.root, feedUrl) : readRssFeed(document, feedUrl);
}

import { readAtomFeed } from './atom-reader.js';
import { sniffFeedSyntax, type XmlRoot } from './feed-body.js';
import type { FeedParseFailure, FeedParseResult, ParsedFeed } from './feed-entry.js';
import { readJsonFeed } from './json-feed-reader.js';
import { readRssFeed } from './rss-reader.js';
import { parseXmlFeedDocument } from './xml-feed-document.js';

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

async function readXmlFeed(text: string, root: XmlRoot, feedUrl: string): Promise<ParsedFeed | FeedParseFailure> {
  const document = await parseXmlFeedDocument(text, root);
  if ('reason' in document) return document;
  return document.dialect === 'atom' ? readAtomFeed(document.root, feedUrl) : readRssFeed(document, feedUrl);
}

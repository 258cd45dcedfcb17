// A fetched feed body to the documents it holds, in one call: the parse worker decodes, parses and
// builds them, so that none of it holds the main thread (for a 10 MB feed of 20,000 entries:
// decoding and handing over the text took 0.15 s of it, the documents 0.6 s, with /health
// waiting). Pure.
import type { UnlinkedDocument } from './article-document.js';
import { documentFromFeedEntry } from './article-document.js';
import { decodeFeedBody } from './charset.js';
import type { FeedParseFailure, ParsedFeed } from './feed-entry.js';
import { parseFeedInParts } from './parse-feed.js';

export type FeedDocumentsResult =
  | { ok: true; feed: Pick<ParsedFeed, 'format' | 'ttlMinutes'> & { entries: number }; documents: UnlinkedDocument[] }
  | ({ ok: false } & FeedParseFailure);

/** Documents per part handed over: about as many as one transaction stores on a server. */
export const DOCUMENTS_PER_PART = 500;

/**
 * `body`: the bytes as fetched (content coding undone), decoded by `contentType`, a BOM or the XML
 * declaration. With `handOver`, the documents go to it in parts, in feed order, as they are built
 * (the caller stores one part while the next is built), and the result's `documents` is empty. A
 * large XML feed is also parsed in parts, so the first is stored before the last is read; if a
 * later part turns out malformed, the parts before it have been handed over and the result is the
 * feed's failure.
 */
export async function feedDocuments(
  body: Uint8Array,
  { contentType, feedUrl, sourceId, firstSeen }: { contentType: string | null; feedUrl: string; sourceId: string; firstSeen: Date },
  handOver?: (documents: UnlinkedDocument[]) => void,
): Promise<FeedDocumentsResult> {
  const documents: UnlinkedDocument[] = [];
  const deliver = handOver ?? ((part: UnlinkedDocument[]) => void documents.push(...part));
  let summary: Extract<FeedDocumentsResult, { ok: true }>['feed'] | null = null;
  const parsed = await parseFeedInParts(decodeFeedBody(body, contentType).text, { feedUrl }, DOCUMENTS_PER_PART, (feed) => {
    summary ??= { format: feed.format, ttlMinutes: feed.ttlMinutes, entries: 0 };
    summary.entries += feed.entries.length;
    for (let i = 0; i < feed.entries.length; i += DOCUMENTS_PER_PART) {
      deliver(feed.entries.slice(i, i + DOCUMENTS_PER_PART).map((entry) => documentFromFeedEntry(sourceId, feed, entry, firstSeen)));
    }
  });
  if (!parsed.ok) return parsed;
  // A feed that parses hands over at least one part, if only of no entries.
  return { ok: true, feed: summary!, documents };
}

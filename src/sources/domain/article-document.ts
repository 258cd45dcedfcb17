// From a feed entry or a fixture file to the ArticleDocument the log stores, and the identity
// that makes ingestion idempotent:
// - an article is its canonical URL when it has one (so the same article from two feeds is one
//   article), else its entry key within its source (GUID, then content hash);
// - a document is one revision of an article: the article plus the hash of its text. Seeing the
//   same text again (re-poll, restart, a second feed, the fixture folder loaded twice) is a no-op;
//   new text under the same article is a new revision that points at the one it replaces.
import { createHash } from 'node:crypto';
import type { ArticleDocument } from '../../domain/vocabulary.js';
import { canonicalizeUrl } from './article-url.js';
import { contentHash, entryKey } from './entry-identity.js';
import type { FeedEntry, ParsedFeed } from './feed-entry.js';
import type { FixtureArticle } from './fixture-article.js';
import { withStorableText } from './storable-text.js';

export interface DocumentIdentity {
  /** Stream of all revisions of one article. */
  streamId: string;
  documentId: string;
  /** Idempotency key of the DocumentIngested append for this revision. */
  idempotencyKey: string;
}

export function documentIdentity(
  doc: Pick<ArticleDocument, 'sourceId' | 'entryKey' | 'canonicalUrl' | 'contentHash'>,
): DocumentIdentity {
  const articleKey = doc.canonicalUrl ? `url:${doc.canonicalUrl}` : `entry:${doc.sourceId}:${doc.entryKey}`;
  const article = createHash('sha256').update(articleKey).digest('hex').slice(0, 16);
  const documentId = `${article}-${doc.contentHash.slice(0, 12)}`;
  return { streamId: `article:${article}`, documentId, idempotencyKey: `document:${documentId}` };
}

/** A document without the revision link, which only the log can tell. */
export type UnlinkedDocument = Omit<ArticleDocument, 'revisionOf'>;

export function documentFromFeedEntry(
  sourceId: string,
  feed: ParsedFeed,
  entry: FeedEntry,
  firstSeen: Date,
): UnlinkedDocument {
  const title = entry.title ?? '';
  // The headline often carries the claim ("Putin neither confirms nor denies ..."): keep it as the
  // first line of the text that extraction reads, as the fixture articles do.
  const text = title && !entry.contentText.startsWith(title) ? `${title}\n\n${entry.contentText}` : entry.contentText;
  const url = entry.link ?? feed.siteUrl ?? '';
  const published = entry.published ?? entry.updated;
  return withIdentity({
    sourceId,
    entryKey: entryKey(entry),
    url,
    canonicalUrl: (entry.link && canonicalizeUrl(entry.link)) || '',
    outlet: feed.title ?? hostOf(url) ?? sourceId,
    title,
    published: published ?? firstSeen.toISOString(),
    publishedBasis: published ? 'source' : 'first-seen',
    language: entry.language ?? feed.language ?? 'und',
    text,
  });
}

export function documentFromFixture(sourceId: string, fixtureId: string, article: FixtureArticle): UnlinkedDocument {
  return withIdentity({
    sourceId,
    entryKey: `file:${fixtureId}`,
    url: article.url,
    canonicalUrl: canonicalizeUrl(article.url) ?? '',
    outlet: article.outlet,
    title: article.title,
    published: article.published,
    publishedBasis: 'source',
    language: article.language,
    text: article.text,
  });
}

/**
 * Makes every field storable first (domain/storable-text.ts), so the hash and the identity are
 * those of the text the log will hold, then derives them.
 */
function withIdentity(fields: Omit<UnlinkedDocument, 'documentId' | 'contentHash'>): UnlinkedDocument {
  const storable = withStorableText(fields);
  const doc = { ...storable, contentHash: contentHash(storable.text) };
  return { ...doc, documentId: documentIdentity(doc).documentId };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

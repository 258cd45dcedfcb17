import { createHash } from 'node:crypto';
import { canonicalizeUrl } from './article-url.js';

/** sha256 hex of a text, as stored in ArticleDocument.contentHash. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface EntryIdentityFields {
  guid: string | null;
  link: string | null;
  title: string | null;
  contentText: string;
}

/**
 * The identity of an entry within its source (ArticleDocument.entryKey): its GUID (or Atom id,
 * or JSON Feed id) as written, else its canonical link, else a hash of its title and text. The
 * prefix names which one it is, so a GUID that happens to be a URL never equals a link key.
 */
export function entryKey(entry: EntryIdentityFields): string {
  const guid = entry.guid?.trim();
  if (guid) return `guid:${guid}`;
  const link = entry.link ? canonicalizeUrl(entry.link) : null;
  if (link) return `link:${link}`;
  return `sha256:${contentHash(`${entry.title ?? ''}\n${entry.contentText}`)}`;
}

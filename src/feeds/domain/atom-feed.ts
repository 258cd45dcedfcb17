// Atom 1.0 (RFC 4287) from a FeedDocument, written by the `feed` package and completed where it
// falls short. `feed` 6 writes id, title, updated, icon, author, self link, entries with one link,
// content and categories, and escapes text and CDATA; it has no xml:lang, no other feed or entry
// links (alternate per type, related, RFC 5005 prev-archive / next-archive / current), no
// namespace for fh:archive and no RFC 6721 at:deleted-entry. Those are added to its output at fixed anchors that `feed` always writes; the
// anchors are checked, so a change in its output fails loudly instead of writing a broken feed.
// Pure.
import { Feed } from 'feed';
import type { FeedDocument, FeedEntry, FeedLink } from './feed-document.js';
import { cleanText, escapeHtml } from '../../domain/escape.js';

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';
const HISTORY_NS = 'http://purl.org/syndication/history/1.0';
const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';

export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.id,
    // `feed` escapes text elements but passes characters XML forbids.
    title: cleanText(doc.title),
    description: cleanText(doc.subtitle),
    updated: doc.updated,
    generator: 'stance monitor',
    language: doc.language,
    feed: doc.urls.atom,
    favicon: doc.icon,
    author: { name: cleanText(doc.author.name), link: doc.author.url },
  });
  for (const entry of doc.entries) {
    feed.addItem({
      // `feed` marks titles type="html": escaped, so an article's "<" shows as text.
      title: escapeHtml(entry.title),
      id: entry.id,
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: escapeHtml(entry.summary),
      content: entry.contentHtml,
      category: entry.tags.map((term) => ({ term: categoryTerm(term) })),
    });
  }
  return completeAtom(feed.atom1(), doc);
}

/** Adds what `feed` does not write: see the header of this file. */
function completeAtom(xml: string, doc: FeedDocument): string {
  const archive = doc.paging.current !== null;
  const tombstones = doc.entries.some((e) => e.deletes !== null);
  const root = `<feed xmlns="http://www.w3.org/2005/Atom"${archive ? ` xmlns:fh="${HISTORY_NS}"` : ''}${tombstones ? ` xmlns:at="${TOMBSTONES_NS}"` : ''} xml:lang="${escapeHtml(doc.language)}">`;
  const selfLink = `<link rel="self" href="${asFeedWritesIt(doc.urls.atom)}"/>`;
  // No alternate to the JSON Feed: readers (newsboat) take any alternate for the website. The
  // HTML page offers both formats by its discovery links.
  const feedLinks = [
    link('alternate', { href: doc.page, type: 'text/html', title: 'Stance board' }),
    link('related', { href: doc.api, type: 'application/json', title: 'JSON API' }),
    ...(doc.paging.current ? [link('current', { href: doc.paging.current.atom })] : []),
    ...(doc.paging.prevArchive ? [link('prev-archive', { href: doc.paging.prevArchive.atom })] : []),
    ...(doc.paging.nextArchive ? [link('next-archive', { href: doc.paging.nextArchive.atom })] : []),
    ...(archive ? ['<fh:archive/>'] : []),
  ];
  const [head, ...entries] = replaceOnce(replaceOnce(xml, ATOM_ROOT, root), selfLink, [selfLink, ...feedLinks].join('\n    ')).split('<entry>');
  if (entries.length !== doc.entries.length) throw new Error(`feed wrote ${entries.length} entries for ${doc.entries.length}`);
  return (
    head +
    entries
      .map((text, i) => {
        const entry = doc.entries[i]!;
        // RFC 6721: the entry this one withdraws or replaces is gone, said next to the correction.
        const tombstone = entry.deletes === null ? '' : `<at:deleted-entry ref="${attr(entry.deletes)}" when="${entry.updated.toISOString()}"/>\n    `;
        return `${tombstone}<entry>${completeEntry(text, entry)}`;
      })
      .join('')
  );
}

function completeEntry(text: string, entry: FeedEntry): string {
  const alternate = `<link href="${asFeedWritesIt(entry.link)}"/>`;
  return replaceOnce(text, alternate, [
    `<link rel="alternate" type="text/html" href="${attr(entry.link)}"/>`,
    ...entry.related.map((r) => link('related', r)),
  ].join('\n        '));
}

function link(rel: string, { href, type, title }: FeedLink): string {
  return `<link rel="${rel}" href="${attr(href)}"${type ? ` type="${attr(type)}"` : ''}${title ? ` title="${attr(title)}"` : ''}/>`;
}

/** An attribute value we write ourselves. */
function attr(value: string): string {
  return escapeHtml(value);
}

/** A URL as `feed` writes it in an attribute: normalised, then only "&" escaped. */
function asFeedWritesIt(url: string): string {
  return new URL(url).toString().replace(/&/g, '&amp;');
}

function replaceOnce(text: string, anchor: string, replacement: string): string {
  const at = text.indexOf(anchor);
  if (at < 0 || text.indexOf(anchor, at + anchor.length) >= 0) {
    throw new Error(`the feed package's Atom output changed: expected "${anchor}" exactly once`);
  }
  return text.slice(0, at) + replacement + text.slice(at + anchor.length);
}

/** Category terms are slugs (watch and actor ids, stances): `feed` escapes only "&" in them. */
function categoryTerm(term: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(term)) throw new Error(`not a slug category term: ${term}`);
  return term;
}

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from a FeedDocument. Written here: the
// `feed` package writes only version 1 (`author` instead of `authors`, no `language`). Pure.
import type { FeedDocument } from './feed-document.js';
import { cleanText } from '../../domain/escape.js';

export function renderJsonFeed(doc: FeedDocument): string {
  const author = { name: doc.author.name, url: doc.author.url };
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(doc.title),
    home_page_url: doc.page,
    description: cleanText(doc.subtitle),
    feed_url: doc.urls.json,
    // JSON Feed's next_url leads to older items: the previous archive page.
    ...(doc.paging.prevArchive ? { next_url: doc.paging.prevArchive.json } : {}),
    icon: doc.icon,
    favicon: doc.icon,
    language: doc.language,
    authors: [author],
    _stance: {
      id: doc.id,
      api: doc.api,
      atom: doc.urls.atom,
      ...(doc.paging.current ? { current: doc.paging.current.json } : {}),
      ...(doc.paging.nextArchive ? { next_archive: doc.paging.nextArchive.json } : {}),
    },
    items: doc.entries.map((entry) => ({
      id: entry.id,
      url: entry.link,
      title: cleanText(entry.title),
      content_html: entry.contentHtml,
      summary: cleanText(entry.summary),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      tags: entry.tags,
      _stance: { ...entry.data, related: entry.related.map((r) => r.href), ...(entry.deletes ? { replaces: entry.deletes } : {}) },
    })),
  };
  // JSON.stringify escapes what JSON must; cleanText already took out what a reader would choke on.
  return JSON.stringify(feed, null, 2);
}

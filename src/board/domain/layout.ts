// The frame of every board page: the head with its stylesheet, client script and feed discovery
// links, the site header with the live-connection indicator, the aria-live region that announces
// updates, and the footer with the page's feeds. The script swaps only `<main>` when the page is
// refreshed, so what must survive a refresh (the announcer, the indicator) sits outside it. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';

/** Versioned addresses of the stylesheet and the client script (see BoardAssets). */
export interface PageAssets {
  css: string;
  js: string;
  icon: string;
}

/** A feed offered in both formats: `href` without its extension (PublicLinks.feed). */
export interface FeedLink {
  title: string;
  href: string;
}

export interface Page {
  title: string;
  /** Which navigation entry is this page, if any. */
  section: 'board' | 'sources' | null;
  assets: PageAssets;
  links: PublicLinks;
  /** The page's own feeds: discovery links in the head, visible links in the footer. */
  feeds: FeedLink[];
  /** The live stream this page follows, from the log position the page shows. */
  live?: { stream: string; position: number };
  main: string;
}

export function renderPage(page: Page): string {
  const discovery = page.feeds
    .map(
      (feed) =>
        `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(feed.title)} (Atom)" href="${escapeHtml(feed.href)}.atom">\n` +
        `<link rel="alternate" type="application/feed+json" title="${escapeHtml(feed.title)} (JSON Feed)" href="${escapeHtml(feed.href)}.json">`,
    )
    .join('\n');
  const nav = (section: Page['section'], href: string, label: string) =>
    `<a href="${escapeHtml(href)}"${page.section === section ? ' aria-current="page"' : ''}>${label}</a>`;
  const live = page.live ? ` data-stream="${escapeHtml(page.live.stream)}" data-position="${page.live.position}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Stance monitor</title>
<link rel="icon" type="image/svg+xml" href="${escapeHtml(page.assets.icon)}">
<link rel="stylesheet" href="${escapeHtml(page.assets.css)}">
${discovery}
<script src="${escapeHtml(page.assets.js)}" defer></script>
</head>
<body${live}>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="${escapeHtml(page.links.board())}"><span class="brand-mark" aria-hidden="true"></span>Stance monitor</a>
<nav aria-label="Site">${nav('board', page.links.board(), 'Board')}${nav('sources', page.links.sourcesPage(), 'Sources')}</nav>
<p class="live-status" data-live-status data-state="connecting" hidden><span class="live-dot" aria-hidden="true"></span><span class="live-text">connecting</span></p>
</header>
<div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
<main id="main">
${page.main}
</main>
<footer class="site">
${feedList(page.feeds)}
<p class="colophon">Every stance rests on quoted claims you can open; the event log behind them is append-only and hash-chained.</p>
</footer>
</body>
</html>
`;
}

/** Visible subscribe links: "Stance changes: Atom · JSON Feed". */
function feedList(feeds: FeedLink[]): string {
  if (feeds.length === 0) return '';
  const items = feeds
    .map(
      (feed) =>
        `<li>${escapeHtml(feed.title)}: <a href="${escapeHtml(feed.href)}.atom" type="application/atom+xml">Atom</a> · <a href="${escapeHtml(feed.href)}.json" type="application/feed+json">JSON Feed</a></li>`,
    )
    .join('');
  return `<section class="feeds" aria-label="Feeds of this page"><h2 class="feeds-title"><span class="feed-icon" aria-hidden="true"></span>Follow this page</h2><ul>${items}</ul></section>`;
}

/** The legend of the stance colours and of the chart's marks. */
export function legendHtml(): string {
  const mark = (cls: string, inner: string) => `<svg class="legend-mark" viewBox="0 0 20 20" aria-hidden="true">${inner.replace('CLS', cls)}</svg>`;
  return `<ul class="legend" aria-label="Legend">
<li><span class="swatch stance-confirm" aria-hidden="true"></span>confirm</li>
<li><span class="swatch stance-neither" aria-hidden="true"></span>neither confirms nor denies</li>
<li><span class="swatch stance-deny" aria-hidden="true"></span>deny</li>
<li>${mark('claim', '<circle class="CLS legend-claim" cx="10" cy="10" r="4"/>')}a claim (hover for the quote)</li>
<li>${mark('claim', '<circle class="change-ring legend-ring" cx="10" cy="10" r="7"/><circle class="CLS legend-claim" cx="10" cy="10" r="4"/>')}the claim that changed the stance</li>
<li>${mark('claim is-dropped', '<circle class="CLS" cx="10" cy="10" r="4"/>')}rejected or superseded</li>
<li>${mark('whisker', '<line class="CLS" x1="2" y1="10" x2="18" y2="10"/>')}date known only as a span</li>
</ul>`;
}

/** An HTML 404: the page a person sees for a mistyped watch or actor. */
/** The main of an error page (404, 503, ...): what went wrong and the way back. */
export function errorMain(heading: string, message: string, links: PublicLinks): string {
  return `<section class="not-found">
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(links.board())}">Back to the board</a></p>
</section>`;
}

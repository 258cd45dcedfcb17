// The stance board (`/`): per watch, a row per actor with the stance now (colour, symbol and
// word), the day it took effect, the quote that set it with speaker, outlet and a link to the
// article, the actor's timeline on an axis the watch's rows share, and its latest few claims.
// Everything else is a link to the actor's page: the board's size depends on the number of
// actors, never on the number of claims. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import { STANCES, type SaidOn, type Stance } from '../../domain/vocabulary.js';
import { attributionHtml, humanDay, quoteHtml, saidOnHtml, saidOnText, shorten, stanceBadge, type BoardClaim } from './format.js';
import { legendHtml } from './layout.js';
import { chartDomain, stancePeriods, timelineChart, type ChartData } from './timeline-chart.js';

/** How many of an actor's latest claims the board lists under its chart. */
export const BOARD_LATEST_CLAIMS = 3;

/** An actor's row as the stance API answers it (StanceQueries.stances). */
export interface ActorStance {
  actor: string;
  name: string;
  stance: Stance | null;
  since: { from: Stance | null; to: Stance; effectiveOn: SaidOn; claim: BoardClaim } | null;
}

export interface BoardWatch {
  id: string;
  proposition: string;
  stances: ActorStance[];
  /** The said-on span of the watch's claims: the axis its charts share. */
  span: { first: string; last: string } | null;
  /** Each actor's chart, by actor id. */
  charts: Map<string, ChartData>;
  /** Each actor's latest claims, newest first (at most BOARD_LATEST_CLAIMS). */
  latest: Map<string, (BoardClaim & { dropped: boolean })[]>;
}

export function boardMain(watches: readonly BoardWatch[], links: PublicLinks): string {
  const intro = `<div class="intro">
<h1>The stance board</h1>
<p>Who denies, who confirms, and since when. Each stance links to the quote behind it; the page updates by itself when a new claim arrives.</p>
</div>`;
  if (watches.length === 0) return `${intro}<p class="empty-state">No watch is configured (WATCHES_DIR).</p>`;
  return intro + watches.map((watch) => watchSection(watch, links)).join('\n');
}

function watchSection(watch: BoardWatch, links: PublicLinks): string {
  const headingId = `watch-${watch.id}-title`;
  const domain = chartDomain(watch.span);
  const rows = watch.stances.map((row) => actorRow(watch, row, domain, links)).join('\n');
  const watchFeed = links.feed({ kind: 'watch-changes', watchId: watch.id });
  return `<section class="watch" id="watch-${escapeHtml(watch.id)}" aria-labelledby="${escapeHtml(headingId)}" data-watch="${escapeHtml(watch.id)}">
<div class="watch-head">
<p class="eyebrow">Watch <code>${escapeHtml(watch.id)}</code> · <a href="${escapeHtml(watchFeed)}.atom">Atom</a> · <a href="${escapeHtml(watchFeed)}.json">JSON Feed</a></p>
<h2 id="${escapeHtml(headingId)}">“${escapeHtml(watch.proposition)}”</h2>
${tally(watch.stances)}
</div>
${legendHtml()}
<table class="board">
<caption class="visually-hidden">Each actor’s stance on “${escapeHtml(watch.proposition)}”, since when, the quote behind it, and its timeline</caption>
<thead><tr><th scope="col">Actor</th><th scope="col">Stance now</th><th scope="col">The quote behind it</th><th scope="col">Timeline</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/** "3 confirm · 1 neither · 2 deny", in the order of the stance scale, naming only what occurs. */
function tally(stances: readonly ActorStance[]): string {
  const counts = [...STANCES].reverse().map((stance) => [stance, stances.filter((s) => s.stance === stance).length] as const);
  const none = stances.filter((s) => s.stance === null).length;
  const parts = counts.filter(([, count]) => count > 0).map(([stance, count]) => `<li class="count stance-${stance}"><strong>${count}</strong> ${stance}</li>`);
  if (none > 0) parts.push(`<li class="count stance-none"><strong>${none}</strong> no claim yet</li>`);
  return `<ul class="tally" aria-label="Actors by stance">${parts.join('')}</ul>`;
}

function actorRow(watch: BoardWatch, row: ActorStance, domain: ReturnType<typeof chartDomain>, links: PublicLinks): string {
  const page = links.actorPage(watch.id, row.actor);
  const chartData = watch.charts.get(row.actor);
  const claims = chartData?.claims ?? 0;
  const since = row.since
    ? `<p class="since"><span class="since-label">Since</span>${saidOnHtml(row.since.effectiveOn)}<span class="was">${row.since.from === null ? 'its first stance' : `before: ${row.since.from}`}</span></p>`
    : '';
  const evidence = row.since
    ? quoteHtml(row.since.claim) + attributionHtml(row.since.claim, links, page)
    : '<p class="none">No claim recorded yet.</p>';
  const chart =
    chartData && domain && claims > 0
      ? `${timelineChart(chartData, { size: 'compact', domain, id: `tl-${watch.id}-${row.actor}`, links, watchId: watch.id, actorId: row.actor })}${stancePath(chartData)}${latestClaims(watch.latest.get(row.actor) ?? [], links, page)}<a class="chart-link" href="${escapeHtml(page)}">Full history<span class="visually-hidden"> of ${escapeHtml(row.name)}</span> ›</a>`
      : '<span class="none">no claim yet</span>';
  return `<tr data-actor="${escapeHtml(row.actor)}" data-stance="${row.stance ?? 'none'}" data-claims="${claims}">
<th scope="row"><a class="actor" href="${escapeHtml(page)}">${escapeHtml(row.name)}</a><span class="claim-count">${claims} claim${claims === 1 ? '' : 's'}</span></th>
<td class="cell-stance" data-label="Stance now">${stanceBadge(row.stance)}${since}</td>
<td class="cell-evidence" data-label="The quote behind it">${evidence}</td>
<td class="cell-chart" data-label="Timeline">${chart}</td>
</tr>`;
}

/** The latest few claims, in words, each linking to its article: the chart's quotes without hovering. */
function latestClaims(claims: readonly (BoardClaim & { dropped: boolean })[], links: PublicLinks, page: string): string {
  if (claims.length === 0) return '';
  const items = claims.map(
    (c) =>
      `<li class="stance-${c.stance}${c.dropped ? ' is-dropped' : ''}"><span class="swatch" aria-hidden="true"></span><span class="latest-when">${escapeHtml(saidOnText(c.saidOn))}, ${c.stance}${c.dropped ? ' (no longer counted)' : ''}:</span> <a href="${escapeHtml(links.article(c, page))}">“${escapeHtml(shorten(c.quote, 110))}”</a></li>`,
  );
  return `<details class="latest" open><summary>Latest claims</summary><ol class="latest-list">${items.join('')}</ol></details>`;
}

/** The chart's periods in words, under it: "deny 22 Oct 2024 → neither 24 Oct 2024 → confirm 26 Apr 2025". */
function stancePath(chart: ChartData): string {
  const steps = stancePeriods(chart).map(
    (p) => `<li class="stance-${p.stance}"><span class="swatch" aria-hidden="true"></span>${p.stance} <time datetime="${escapeHtml(p.from)}">${humanDay(p.from)}</time></li>`,
  );
  return `<ol class="path" aria-label="Stance changes">${steps.join('')}</ol>`;
}

// An actor's page (`/watches/:watch/actors/:actor`): the stance now, the timeline drawn large,
// the `why` chain (the claim that set the stance, the later ones that repeat it, the earlier
// ones it overrides, the ones no longer counted and why), and one page of its claims with their
// quote, speaker, outlet and link, the ones that changed the stance marked, with links to the
// neighbouring pages. Every list is bounded by its page size. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { attributionHtml, quoteHtml, saidOnHtml, stanceBadge, type BoardClaim, type BoardDrop } from './format.js';
import { legendHtml } from './layout.js';
import { chartDomain, timelineChart, type ChartData } from './timeline-chart.js';

/** One page of StanceQueries.history, its page links made addresses of this page. */
export interface ActorHistory {
  actor: string;
  name: string;
  stance: Stance | null;
  counts: { claims: number; changes: number };
  /** The stance changes the claims of this page made. */
  changes: { from: Stance | null; to: Stance; effectiveOn: SaidOn; knownAtPosition: number; claim: BoardClaim }[];
  claims: (BoardClaim & { status: 'active' | 'rejected' | 'superseded'; drops: BoardDrop[] })[];
  page: { next: string | null; prev: string | null };
}

/** StanceQueries.why's answer, its `more` links made addresses of this page. */
export interface ActorWhy {
  stance: Stance | null;
  producedBy: BoardClaim | null;
  reaffirmedBy: BoardClaim[];
  overrode: BoardClaim[];
  dropped: (BoardClaim & { drops: BoardDrop[] })[];
  counts: { reaffirmedBy: number; overrode: number; dropped: number };
  more: { reaffirmedBy: string | null; overrode: string | null; dropped: string | null };
  /** The change that set the stance now, when there is one. */
  since: { from: Stance | null; effectiveOn: SaidOn } | null;
}

export interface ActorPage {
  watch: { id: string; proposition: string };
  history: ActorHistory;
  why: ActorWhy;
  chart: ChartData;
  span: { first: string; last: string } | null;
}

export function actorMain({ watch, history, why, chart: chartData, span }: ActorPage, links: PublicLinks): string {
  const page = links.actorPage(watch.id, history.actor);
  const now = why.since
    ? `${stanceBadge(why.stance)} since ${saidOnHtml(why.since.effectiveOn)} <span class="was">${why.since.from === null ? '(its first stance)' : `(before: ${why.since.from})`}</span>`
    : stanceBadge(why.stance);
  const domain = chartDomain(span);
  const chart = domain
    ? `<figure class="chart-large">
<div class="chart-scroll">${timelineChart(chartData, { size: 'large', domain, id: `tl-${history.actor}`, links, watchId: watch.id, actorId: history.actor })}</div>
<figcaption>${legendHtml()}</figcaption>
</figure>`
    : '';
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="${escapeHtml(links.board())}">Board</a> <span aria-hidden="true">›</span> <span>${escapeHtml(watch.id)}</span></nav>
<div class="actor-head" data-actor="${escapeHtml(history.actor)}" data-stance="${why.stance ?? 'none'}" data-claims="${chartData.claims}">
<h1>${escapeHtml(history.name)}</h1>
<p class="proposition">on “${escapeHtml(watch.proposition)}”</p>
<p class="now">Now: ${now}</p>
</div>
${chart}
${whySection(history, why, links, page)}
${claimsSection(history, links, page)}`;
}

function whySection(history: ActorHistory, why: ActorWhy, links: PublicLinks, page: string): string {
  const heading = why.stance ? `Why ${escapeHtml(history.name)} is at ${why.stance}` : `Why ${escapeHtml(history.name)} has no stance`;
  const produced = why.producedBy
    ? `<p>The stance comes from this claim, the first of the latest run of ${why.stance}:</p>${claimCard(why.producedBy, links, page)}`
    : '<p>No claim counts for this actor yet.</p>';
  const group = (title: string, claims: (BoardClaim & { drops?: BoardDrop[] })[], total: number, more: string | null, moreLabel: string) =>
    claims.length === 0
      ? ''
      : `<details class="why-group"><summary>${title} (${total})</summary><ol class="claim-list">${claims.map((c) => `<li>${claimCard(c, links, page)}</li>`).join('')}</ol>${
          more ? `<p class="more"><a href="${escapeHtml(more)}">${moreLabel} (${total - claims.length} more)</a></p>` : ''
        }</details>`;
  return `<section class="why" aria-labelledby="why-title">
<h2 id="why-title">${heading}</h2>
${produced}
${group('Later claims that repeat it', why.reaffirmedBy, why.counts.reaffirmedBy, why.more.reaffirmedBy, 'Later ones')}
${group('Earlier claims it overrides', why.overrode, why.counts.overrode, why.more.overrode, 'Earlier ones')}
${group('Claims no longer counted', why.dropped, why.counts.dropped, why.more.dropped, 'More of them')}
</section>`;
}

function claimsSection(history: ActorHistory, links: PublicLinks, page: string): string {
  const changes = new Map(history.changes.map((c) => [c.claim.claimId, c]));
  const items = history.claims.map((c) => `<li>${claimCard(c, links, page, changes.get(c.claimId))}</li>`).join('\n');
  const nav = (where: string) =>
    history.page.prev || history.page.next
      ? `<nav class="pager" aria-label="Pages of claims${where}">${history.page.prev ? `<a rel="prev" href="${escapeHtml(history.page.prev)}">‹ Earlier claims</a>` : ''}${history.page.next ? `<a rel="next" href="${escapeHtml(history.page.next)}">Later claims ›</a>` : ''}</nav>`
      : '';
  return `<section class="history" id="claims" aria-labelledby="history-title">
<h2 id="history-title">Claims (${history.counts.claims})</h2>
<p class="hint">In the order they count: by the day they were said, then how precisely, then when they were reported. ${history.claims.length < history.counts.claims ? `This page shows ${history.claims.length}.` : ''}</p>
${nav(', top')}
${history.claims.length === 0 ? '<p class="none">No claim recorded yet.</p>' : `<ol class="claim-list">\n${items}\n</ol>`}
${nav(', bottom')}
</section>`;
}

/** One claim: its day and stance, the quote, who said it where, and why it no longer counts. */
function claimCard(claim: BoardClaim & { drops?: BoardDrop[] }, links: PublicLinks, page: string, change?: { from: Stance | null; to: Stance }): string {
  const drops = claim.drops ?? [];
  const status =
    drops.length > 0
      ? `<span class="status status-dropped">${escapeHtml(drops[0]!.kind)}</span>`
      : '';
  const reasons =
    drops.length > 0
      ? `<ul class="drops">${drops.map((d) => `<li>${escapeHtml(d.kind)} by ${escapeHtml(d.by)}: ${escapeHtml(d.reason)}</li>`).join('')}</ul>`
      : '';
  const changed = change ? `<span class="status status-change">changed the stance: ${change.from ?? 'none'} → ${change.to}</span>` : '';
  return `<article class="claim-card${drops.length > 0 ? ' is-dropped' : ''}" data-claim-id="${escapeHtml(claim.claimId)}">
<p class="claim-meta">${saidOnHtml(claim.saidOn)} ${stanceBadge(claim.stance)} ${status}${changed}</p>
${quoteHtml(claim)}${attributionHtml(claim, links, page)}${reasons}${revisionHtml(claim)}
</article>`;
}

/**
 * Which watch file and language packs produced the claim (their content hashes), so an analyst
 * can tell claims read before an edit of the watch from those read after. Nothing for an
 * analyst's claim or one recorded before revisions were kept.
 */
function revisionHtml(claim: BoardClaim): string {
  if (!claim.watchRevision || !claim.packsRevision) return '';
  return `<p class="revision">read with watch revision <code>${escapeHtml(claim.watchRevision)}</code>, language packs <code>${escapeHtml(claim.packsRevision)}</code></p>`;
}

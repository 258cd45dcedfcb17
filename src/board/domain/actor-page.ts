// An actor's page (`/watches/:watch/actors/:actor`): the stance now, the timeline drawn large,
// the `why` chain (the claim that set the stance, the later ones that repeat it, the earlier
// ones it overrides, the ones no longer counted and why), the stance changes, and every claim
// with its quote, speaker, outlet and link. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { attributionHtml, quoteHtml, saidOnHtml, stanceBadge, type BoardClaim, type BoardDrop } from './format.js';
import { legendHtml } from './layout.js';
import { chartDomain, timelineChart, type ChartHistory } from './timeline-chart.js';

export interface ActorHistory extends ChartHistory {
  actor: string;
  stance: Stance | null;
  changes: { from: Stance | null; to: Stance; effectiveOn: SaidOn; knownAtPosition: number; claim: BoardClaim }[];
}

/** StanceQueries.why's answer. */
export interface ActorWhy {
  stance: Stance | null;
  producedBy: BoardClaim | null;
  reaffirmedBy: BoardClaim[];
  overrode: BoardClaim[];
  dropped: (BoardClaim & { drops: BoardDrop[] })[];
}

export function actorMain(watch: { id: string; proposition: string }, history: ActorHistory, why: ActorWhy, links: PublicLinks): string {
  const page = links.actorPage(watch.id, history.actor);
  const current = history.changes.at(-1);
  const now = current
    ? `${stanceBadge(history.stance)} since ${saidOnHtml(current.effectiveOn)} <span class="was">${current.from === null ? '(its first stance)' : `(before: ${current.from})`}</span>`
    : stanceBadge(null);
  const domain = chartDomain([history]);
  const chart = domain
    ? `<figure class="chart-large">
<div class="chart-scroll">${timelineChart(history, { size: 'large', domain, id: `tl-${history.actor}`, links, fallback: page })}</div>
<figcaption>${legendHtml()}</figcaption>
</figure>`
    : '';
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="${escapeHtml(links.board())}">Board</a> <span aria-hidden="true">›</span> <span>${escapeHtml(watch.id)}</span></nav>
<div class="actor-head" data-actor="${escapeHtml(history.actor)}" data-stance="${history.stance ?? 'none'}" data-claims="${history.claims.length}">
<h1>${escapeHtml(history.name)}</h1>
<p class="proposition">on “${escapeHtml(watch.proposition)}”</p>
<p class="now">Now: ${now}</p>
</div>
${chart}
${whySection(history, why, links, page)}
${changesSection(history, links, page)}
${claimsSection(history, links, page)}`;
}

function whySection(history: ActorHistory, why: ActorWhy, links: PublicLinks, page: string): string {
  const heading = why.stance ? `Why ${escapeHtml(history.name)} is at ${why.stance}` : `Why ${escapeHtml(history.name)} has no stance`;
  const produced = why.producedBy
    ? `<p>The stance comes from this claim, the first of the latest run of ${why.stance}:</p>${claimCard(why.producedBy, links, page)}`
    : '<p>No claim counts for this actor yet.</p>';
  const group = (title: string, claims: (BoardClaim & { drops?: BoardDrop[] })[]) =>
    claims.length === 0
      ? ''
      : `<details class="why-group"><summary>${title} (${claims.length})</summary><ol class="claim-list">${claims.map((c) => `<li>${claimCard(c, links, page)}</li>`).join('')}</ol></details>`;
  return `<section class="why" aria-labelledby="why-title">
<h2 id="why-title">${heading}</h2>
${produced}
${group('Later claims that repeat it', why.reaffirmedBy)}
${group('Earlier claims it overrides', why.overrode)}
${group('Claims no longer counted', why.dropped)}
</section>`;
}

function changesSection(history: ActorHistory, links: PublicLinks, page: string): string {
  if (history.changes.length === 0) return '';
  const items = history.changes
    .map(
      (c) => `<li class="change-item">
<p class="change-line">${c.from === null ? stanceBadge(null) : stanceBadge(c.from)} <span class="arrow" aria-label="to">→</span> ${stanceBadge(c.to)} ${saidOnHtml(c.effectiveOn)}</p>
${quoteHtml(c.claim)}${attributionHtml(c.claim, links, page)}
</li>`,
    )
    .join('\n');
  return `<section class="changes" aria-labelledby="changes-title">
<h2 id="changes-title">Stance changes</h2>
<ol class="change-list">
${items}
</ol>
</section>`;
}

function claimsSection(history: ActorHistory, links: PublicLinks, page: string): string {
  const items = history.claims.map((c) => `<li>${claimCard(c, links, page)}</li>`).join('\n');
  return `<section class="history" aria-labelledby="history-title">
<h2 id="history-title">Every claim (${history.claims.length})</h2>
<p class="hint">In the order they count: by the day they were said, then how precisely, then when they were reported.</p>
${history.claims.length === 0 ? '<p class="none">No claim recorded yet.</p>' : `<ol class="claim-list">\n${items}\n</ol>`}
</section>`;
}

/** One claim: its day and stance, the quote, who said it where, and why it no longer counts. */
function claimCard(claim: BoardClaim & { drops?: BoardDrop[] }, links: PublicLinks, page: string): string {
  const drops = claim.drops ?? [];
  const status =
    drops.length > 0
      ? `<span class="status status-dropped">${escapeHtml(drops[0]!.kind)}</span>`
      : '';
  const reasons =
    drops.length > 0
      ? `<ul class="drops">${drops.map((d) => `<li>${escapeHtml(d.kind)} by ${escapeHtml(d.by)}: ${escapeHtml(d.reason)}</li>`).join('')}</ul>`
      : '';
  return `<article class="claim-card${drops.length > 0 ? ' is-dropped' : ''}" data-claim-id="${escapeHtml(claim.claimId)}">
<p class="claim-meta">${saidOnHtml(claim.saidOn)} ${stanceBadge(claim.stance)} ${status}</p>
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

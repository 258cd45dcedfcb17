// The page of a stored document (`/documents/:id`), in the board's frame: the article text
// exactly as ingested, each claim's sentence marked with the stance read from it. Feed entries
// and the board link here when the article has no address a reader can open (fixtures use the
// reserved `.invalid` domain), and always as "stored copy": the evidence behind a stance, as the
// service read it. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { TimelineEntry } from '../../stance/domain/claim-order.js';
import type { StoredDocument } from '../../stance/domain/document-page.js';
import { instantHtml } from './format.js';

export function documentMain(doc: StoredDocument, claims: readonly TimelineEntry[], actorName: (c: TimelineEntry) => string, links: PublicLinks): string {
  // Each claim marks the first place its sentence occurs, not already marked by another claim.
  const marks: { start: number; end: number; claims: TimelineEntry[] }[] = [];
  for (const claim of claims) {
    const start = doc.text.indexOf(claim.quote);
    if (claim.quote.length === 0 || start < 0) continue;
    const same = marks.find((m) => m.start === start);
    if (same) same.claims.push(claim);
    else if (!marks.some((m) => start < m.end && m.start < start + claim.quote.length)) marks.push({ start, end: start + claim.quote.length, claims: [claim] });
  }
  marks.sort((a, b) => a.start - b.start);
  let body = '';
  let at = 0;
  for (const mark of marks) {
    const label = mark.claims.map((c) => `${actorName(c)}: ${c.stance}`).join('; ');
    const stance = mark.claims[0]!.stance;
    body += escapeHtml(doc.text.slice(at, mark.start));
    body += `<mark class="stance-${stance}">${escapeHtml(doc.text.slice(mark.start, mark.end))}</mark><sup class="mark-label" lang="en">[${escapeHtml(label)}]</sup>`;
    at = mark.end;
  }
  body += escapeHtml(doc.text.slice(at));
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const published = Number.isNaN(Date.parse(doc.published)) ? escapeHtml(doc.published) : instantHtml(doc.published);
  return `<nav class="crumbs" aria-label="Breadcrumb"><a href="${escapeHtml(links.board())}">Board</a> <span aria-hidden="true">›</span> <span>Stored copy</span></nav>
<div class="document-head">
<h1 lang="${escapeHtml(doc.language)}">${escapeHtml(doc.title)}</h1>
<p class="document-meta">${escapeHtml(doc.outlet)}, published ${published}. The text as stance monitor stored it (document <code>${escapeHtml(doc.documentId)}</code>); marked sentences are the claims read from it.</p>
<p class="document-meta">Source: <span class="location">${escapeHtml(doc.url)}</span></p>
</div>
<article class="stored-text" lang="${escapeHtml(doc.language)}">
${paragraphs}
</article>`;
}

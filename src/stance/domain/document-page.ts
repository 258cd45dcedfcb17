// The page of a stored document: the article text exactly as ingested, each claim's sentence
// marked with the stance read from it. Feed entries link here when the article has no address a
// reader can open (fixtures use the reserved `.invalid` domain), and always as "stored copy":
// the evidence behind a stance, as the service read it. Pure.
import { escapeHtml } from '../../domain/escape.js';
import type { TimelineEntry } from './claim-order.js';

/** An ingested document as the projection keeps it (stance_documents). */
export interface DocumentRef {
  documentId: string;
  url: string;
  outlet: string;
  title: string;
  published: string;
  language: string;
}

export interface StoredDocument extends DocumentRef {
  text: string;
}

export function renderDocumentPage(doc: StoredDocument, claims: readonly TimelineEntry[], actorName: (c: TimelineEntry) => string): string {
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
    body += escapeHtml(doc.text.slice(at, mark.start));
    body += `<mark title="${escapeHtml(label)}">${escapeHtml(doc.text.slice(mark.start, mark.end))}</mark><sup>[${escapeHtml(label)}]</sup>`;
    at = mark.end;
  }
  body += escapeHtml(doc.text.slice(at));
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(doc.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}: stored copy</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}mark{background:#fde68a}sup{color:#92400e;font-size:.7em}header p{color:#555}</style>
</head>
<body>
<header lang="en">
<h1 lang="${escapeHtml(doc.language)}">${escapeHtml(doc.title)}</h1>
<p>${escapeHtml(doc.outlet)}, published ${escapeHtml(doc.published)}. The text as stance monitor stored it (document ${escapeHtml(doc.documentId)}); marked sentences are the claims read from it. Source: ${escapeHtml(doc.url)}</p>
</header>
<article>
${paragraphs}
</article>
</body>
</html>
`;
}

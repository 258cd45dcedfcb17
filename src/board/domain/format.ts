// The pieces every board page shows the same way: a stance as a word beside its colour, a said-on
// day with its precision, a claim's quote with who said it and where, and the link to the evidence.
// Pure; every piece of article or analyst text is escaped here.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import type { ClaimView } from '../../stance/domain/stance-views.js';

/**
 * A claim as the stance API answers it (its publication time is not shown; the revisions of the
 * configuration that produced it only where a page shows them, the actor page's claim cards).
 */
export type BoardClaim = Omit<ClaimView, 'reportedAt' | 'watchRevision' | 'packsRevision'> &
  Partial<Pick<ClaimView, 'watchRevision' | 'packsRevision'>>;

/** Why a claim no longer counts (history's drops). */
export interface BoardDrop {
  kind: 'rejected' | 'superseded';
  reason: string;
  by: string;
}

/** Words that carry the stance without its colour, and a mark that reads in greyscale. */
const STANCE_SYMBOL: Record<Stance, string> = { deny: '✕', neither: '–', confirm: '✓' };

/** The stance as a coloured badge with its symbol and word; `null` is "no claim yet". */
export function stanceBadge(stance: Stance | null): string {
  if (stance === null) return '<span class="stance stance-none"><span class="stance-symbol" aria-hidden="true">·</span>no claim yet</span>';
  return `<span class="stance stance-${stance}"><span class="stance-symbol" aria-hidden="true">${STANCE_SYMBOL[stance]}</span>${stance}</span>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-10-24` as "24 Oct 2024" (said-on days are calendar days, no time zone). */
export function humanDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** `2024-10` as "Oct 2024". */
export function humanMonth(isoDay: string): string {
  const [year, month] = isoDay.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

function dayElement(isoDay: string): string {
  return `<time datetime="${escapeHtml(isoDay)}">${humanDay(isoDay)}</time>`;
}

/**
 * When a claim was said, as precisely as the text fixed it: "24 Oct 2024", "on or before
 * 24 Oct 2024", "between 21 and 27 Apr 2025", "in Apr 2025". Plain text (for tooltips).
 */
export function saidOnText(saidOn: SaidOn): string {
  switch (saidOn.precision) {
    case 'day':
      return humanDay(saidOn.to);
    case 'before':
      return `on or before ${humanDay(saidOn.to)}`;
    case 'month':
      return `in ${humanMonth(saidOn.to)}`;
    case 'year':
      return `in ${saidOn.to.slice(0, 4)}`;
    case 'range':
      return saidOn.from ? `between ${humanDay(saidOn.from)} and ${humanDay(saidOn.to)}` : `on or before ${humanDay(saidOn.to)}`;
  }
}

/** saidOnText with machine-readable `<time>` elements and the words that fixed the date. */
export function saidOnHtml(saidOn: SaidOn): string {
  let when: string;
  switch (saidOn.precision) {
    case 'day':
      when = dayElement(saidOn.to);
      break;
    case 'before':
      when = `on or before ${dayElement(saidOn.to)}`;
      break;
    case 'month':
      when = `in <time datetime="${escapeHtml(saidOn.to.slice(0, 7))}">${humanMonth(saidOn.to)}</time>`;
      break;
    case 'year':
      when = `in <time datetime="${escapeHtml(saidOn.to.slice(0, 4))}">${escapeHtml(saidOn.to.slice(0, 4))}</time>`;
      break;
    case 'range':
      when = saidOn.from ? `between ${dayElement(saidOn.from)} and ${dayElement(saidOn.to)}` : `on or before ${dayElement(saidOn.to)}`;
  }
  const basis = saidOn.basis ? ` <span class="basis" title="what fixed the date">(${escapeHtml(saidOn.basis)})</span>` : '';
  return `<span class="said-on">${when}</span>${basis}`;
}

/** An instant (ISO 8601) as "22 Nov 2026, 06:32 UTC", or a dash when there is none. */
export function instantHtml(value: string | Date | null): string {
  if (value === null) return '<span class="none">–</span>';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return escapeHtml(String(value));
  const iso = date.toISOString();
  return `<time datetime="${iso}">${humanDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC</time>`;
}

/** Where a claim comes from, in words: the outlet, else the host of its URL. */
export function claimOutlet(claim: BoardClaim): string {
  if (claim.document) return claim.document.outlet;
  try {
    return new URL(claim.url).hostname;
  } catch {
    return 'an analyst';
  }
}

/** The quote as a blockquote in the article's language. */
export function quoteHtml(claim: BoardClaim): string {
  const lang = claim.document?.language;
  return `<blockquote class="quote"${lang ? ` lang="${escapeHtml(lang)}"` : ''}>${escapeHtml(claim.quote)}</blockquote>`;
}

/** "Putin, in Tribunnews · Read the article": who said it, where, and the link to the evidence. */
export function attributionHtml(claim: BoardClaim, links: PublicLinks, fallback: string): string {
  const speaker = claim.speaker ? `<span class="speaker">${escapeHtml(claim.speaker)}</span>, ` : '';
  const href = links.article(claim, fallback);
  const stored = claim.documentId !== null && href === links.document(claim.documentId);
  const label = claim.document ? (stored ? 'Read the article (stored copy)' : 'Read the article') : 'Open the source';
  return `<p class="attribution">${speaker}in <cite>${escapeHtml(claimOutlet(claim))}</cite> · <a class="evidence" href="${escapeHtml(href)}">${label}</a></p>`;
}

/** `…` past `max` characters, for tooltips; the page always has the full quote too. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

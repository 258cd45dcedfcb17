// Feed entries from the projection's rows: a stance change ("Russia: neither → confirm") or a
// recorded claim, each with the quote, the outlet and a link to the article, the said-on date, the
// previous stance and a link to the `why` API. Every piece of article text is escaped here. Pure.
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { changeTitle } from '../../stance/domain/alerts.js';
import type { FeedEntry } from './feed-document.js';
import { escapeHtml } from '../../domain/escape.js';

export interface ArticleRecord {
  url: string;
  outlet: string;
  title: string;
  published: string;
  language: string;
}

/** A claim as the feeds need it: the event behind it and when the log recorded it. */
export interface ClaimRecord {
  claimId: string;
  documentId: string | null;
  /** Id of the ClaimRecorded event: the permanent part of the entry id. */
  eventId: string;
  watchId: string;
  actorId: string;
  stance: Stance;
  saidOn: SaidOn;
  speaker: string | null;
  quote: string;
  url: string;
  origin: string;
  recordedBy: string;
  position: number;
  recordedAt: Date;
  document: ArticleRecord | null;
}

export interface ChangeRecord {
  from: Stance | null;
  to: Stance;
  knownAtPosition: number;
  /** When the log recorded the event at knownAtPosition. */
  knownAt: Date;
  claim: ClaimRecord;
}

export interface ClaimFeedRecord extends ClaimRecord {
  /** The drop that took the claim out of the stance, if one did. */
  drop: { kind: 'rejected' | 'superseded'; reason: string; by: string; position: number; recordedAt: Date } | null;
}

export interface EntryContext {
  /** RFC 4151 tagging entity, e.g. `example.org,2026`. */
  idAuthority: string;
  links: PublicLinks;
  proposition(watchId: string): string;
  actorName(watchId: string, actorId: string): string;
}

export function changeEntry(change: ChangeRecord, ctx: EntryContext): FeedEntry {
  const { claim } = change;
  const proposition = withoutFinalStop(ctx.proposition(claim.watchId));
  const actor = ctx.actorName(claim.watchId, claim.actorId);
  const why = ctx.links.why(claim.watchId, claim.actorId);
  const article = articleLink(claim, ctx, why);
  const content = [
    `<p><strong>${escapeHtml(actor)}</strong> moved from <em>${change.from ?? 'no stance'}</em> to <em>${change.to}</em> on “${escapeHtml(proposition)}”.</p>`,
    quoteHtml(claim),
    `<p>Said ${escapeHtml(describeSaidOn(claim.saidOn))}${sourceHtml(claim)}.</p>`,
    `<p>Previous stance: ${change.from ?? 'none recorded'}.</p>`,
    `<p><a href="${escapeHtml(article)}">Read the ${claim.document ? 'article' : 'source'}</a> · <a href="${escapeHtml(why)}">Why is ${escapeHtml(actor)} at ${change.to}?</a></p>`,
  ].join('\n');
  return {
    id: tagId(ctx, 'change', claim.eventId),
    title: changeTitle(actor, change.from, change.to),
    updated: change.knownAt,
    published: claim.recordedAt,
    link: article,
    related: relatedLinks(claim, actor, change.to, ctx),
    contentHtml: content,
    summary: summaryOf(claim, actor),
    tags: [claim.watchId, claim.actorId, change.to],
    data: {
      watch: claim.watchId,
      actor: claim.actorId,
      actor_name: actor,
      from: change.from,
      to: change.to,
      said_on: claim.saidOn,
      claim_id: claim.claimId,
      known_at_position: change.knownAtPosition,
      why_url: why,
    },
  };
}

export function claimEntry(claim: ClaimFeedRecord, ctx: EntryContext): FeedEntry {
  const actor = ctx.actorName(claim.watchId, claim.actorId);
  const why = ctx.links.why(claim.watchId, claim.actorId);
  const article = articleLink(claim, ctx, why);
  const source = claim.document?.outlet ?? (claim.origin === 'analyst' ? `analyst ${claim.recordedBy}` : null);
  const dropped = claim.drop ? ` [${claim.drop.kind}]` : '';
  const proposition = withoutFinalStop(ctx.proposition(claim.watchId));
  const content = [
    `<p><strong>${escapeHtml(actor)}</strong>: <em>${claim.stance}</em> on “${escapeHtml(proposition)}”.</p>`,
    quoteHtml(claim),
    `<p>Said ${escapeHtml(describeSaidOn(claim.saidOn))}${sourceHtml(claim)}.</p>`,
    ...(claim.drop
      ? [`<p>No longer counted: ${claim.drop.kind} by ${escapeHtml(claim.drop.by)}: ${escapeHtml(claim.drop.reason)}.</p>`]
      : []),
    `<p><a href="${escapeHtml(article)}">Read the ${claim.document ? 'article' : 'source'}</a> · <a href="${escapeHtml(why)}">Why is ${escapeHtml(actor)} where it is?</a></p>`,
  ].join('\n');
  return {
    id: tagId(ctx, 'claim', claim.eventId),
    title: `${actor}: ${claim.stance}${source ? ` (${source})` : ''}${dropped}`,
    updated: claim.drop?.recordedAt ?? claim.recordedAt,
    published: claim.recordedAt,
    link: article,
    related: relatedLinks(claim, actor, null, ctx),
    contentHtml: content,
    summary: summaryOf(claim, actor),
    tags: [claim.watchId, claim.actorId, claim.stance],
    data: {
      watch: claim.watchId,
      actor: claim.actorId,
      actor_name: actor,
      stance: claim.stance,
      said_on: claim.saidOn,
      claim_id: claim.claimId,
      position: claim.position,
      origin: claim.origin,
      dropped: claim.drop && { kind: claim.drop.kind, reason: claim.drop.reason, by: claim.drop.by, position: claim.drop.position },
      why_url: why,
    },
  };
}

/** "on 2025-04-26 (“Sabtu (26/4)”)": the interval in the words of its precision, and its basis. */
export function describeSaidOn(saidOn: SaidOn): string {
  const basis = saidOn.basis ? ` (“${saidOn.basis}”)` : '';
  switch (saidOn.precision) {
    case 'day':
      return `on ${saidOn.to}${basis}`;
    case 'before':
      return `on or before ${saidOn.to}${basis}`;
    case 'month':
      return `in ${saidOn.to.slice(0, 7)}${basis}`;
    case 'year':
      return `in ${saidOn.to.slice(0, 4)}${basis}`;
    case 'range':
      return `between ${saidOn.from ?? '…'} and ${saidOn.to}${basis}`;
  }
}

/** `tag:<authority>:<kind>/<event id>`: permanent, since the event id never changes. */
export function tagId(ctx: Pick<EntryContext, 'idAuthority'>, kind: string, eventId: string): string {
  return `tag:${ctx.idAuthority}:${kind}/${eventId}`;
}

/** A proposition is a sentence; inside quotation marks in ours, its full stop goes. */
function withoutFinalStop(text: string): string {
  return text.replace(/[.。]\s*$/, '');
}

function quoteHtml(claim: ClaimRecord): string {
  const lang = claim.document?.language;
  return `<blockquote${lang ? ` lang="${escapeHtml(lang)}"` : ''}><p>${escapeHtml(claim.quote)}</p></blockquote>`;
}

function sourceHtml(claim: ClaimRecord): string {
  const by = claim.speaker ? ` by ${escapeHtml(claim.speaker)}` : '';
  const doc = claim.document;
  if (!doc) return `${by}, recorded by ${claim.origin === 'analyst' ? 'analyst ' : ''}${escapeHtml(claim.recordedBy)}`;
  return `${by}, reported by ${escapeHtml(doc.outlet)} in “${escapeHtml(doc.title)}” (published ${escapeHtml(doc.published)})`;
}

function summaryOf(claim: ClaimRecord, actor: string): string {
  const outlet = claim.document ? ` (${claim.document.outlet})` : '';
  return `${claim.speaker ?? actor}${outlet}: “${claim.quote}”`;
}

function relatedLinks(claim: ClaimRecord, actor: string, stance: Stance | null, ctx: EntryContext) {
  return [
    ...(claim.documentId ? [{ href: ctx.links.document(claim.documentId), type: 'text/html', title: 'Stored copy, claims marked' }] : []),
    { href: ctx.links.why(claim.watchId, claim.actorId), type: 'application/json', title: stance ? `Why is ${actor} at ${stance}?` : `Why is ${actor} where it is?` },
    { href: ctx.links.history(claim.watchId, claim.actorId), type: 'application/json', title: `${actor}'s history` },
  ];
}

/** Where "read the article" goes (PublicLinks.article), or the `why` API for a claim with neither. */
function articleLink(claim: ClaimRecord, ctx: EntryContext, fallback: string): string {
  return ctx.links.article({ url: claim.url, documentId: claim.document ? claim.documentId : null }, fallback);
}

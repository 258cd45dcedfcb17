// Feed entries from the announcement log: a stance change ("Russia: neither → confirm"), a
// correction or withdrawal of one announced earlier, a recorded or dropped claim; each with the
// quote, who said it and when (said-on, with its precision), when the service learned it, whether
// it moved the actor's current stance and what that is, and links to the article and the `why`
// API. Backdated history says so in its title. Every piece of article text is escaped here. Pure.
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { changeTitle } from '../../stance/domain/alerts.js';
import type { FeedEntry } from './feed-document.js';
import { escapeHtml } from '../../domain/escape.js';
import { humanDay, saidOnText } from '../../board/domain/format.js';

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

/** The change an announcement is about: the alert behind it. */
export interface AnnouncedChange {
  from: Stance | null;
  to: Stance;
}

/** The entry a correction or withdrawal corrects, as it was announced. */
export interface CorrectedEntry {
  /** Its permanent id (the entry's atom:id). */
  id: string;
  title: string;
  announcedAt: Date;
  change: AnnouncedChange;
}

/** One row of the announcement log (migrations/0010) with everything its entry shows. */
export interface AnnouncementRecord {
  announcementId: number;
  kind: 'change' | 'correction' | 'withdrawal' | 'claim' | 'claim-dropped';
  /** The entry's `updated`: unique and increasing over the log. */
  announcedAt: Date;
  /** The claim behind the entry became the actor's current stance. */
  changedCurrent: boolean;
  /** The actor's stance right after the announcement. */
  currentStance: Stance | null;
  /** The alert of a change, correction or withdrawal; its id names those entries. */
  alertId: number | null;
  change: AnnouncedChange | null;
  corrects: CorrectedEntry | null;
  /** A claim-dropped entry: the rejection or superseding, and its event's id. */
  drop: { kind: 'rejected' | 'superseded'; reason: string; by: string; eventId: string } | null;
  claim: ClaimRecord;
}

export interface EntryContext {
  /** RFC 4151 tagging entity, e.g. `example.org,2026`. */
  idAuthority: string;
  links: PublicLinks;
  proposition(watchId: string): string;
  actorName(watchId: string, actorId: string): string;
}

/** A statement reported this long after it was said is history, not news, whatever it changed. */
const BACKDATED_AFTER_DAYS = 7;

/** The permanent id of an announcement's entry: from the claim event (change, claim) or the alert or drop. */
export function announcementEntryId(ctx: Pick<EntryContext, 'idAuthority'>, record: Pick<AnnouncementRecord, 'kind' | 'alertId' | 'drop' | 'claim'>): string {
  switch (record.kind) {
    case 'change':
      return tagId(ctx, 'change', record.claim.eventId);
    case 'claim':
      return tagId(ctx, 'claim', record.claim.eventId);
    case 'claim-dropped':
      return tagId(ctx, 'claim-dropped', record.drop!.eventId);
    case 'correction':
    case 'withdrawal':
      return tagId(ctx, record.kind, String(record.alertId));
  }
}

/** The title of a change, correction or withdrawal entry, without any history label. */
export function announcedChangeTitle(kind: 'change' | 'correction' | 'withdrawal', actor: string, change: AnnouncedChange, corrects: AnnouncedChange | null): string {
  const title = changeTitle(actor, change.from, change.to);
  if (kind === 'withdrawal') return `Withdrawn: ${title}`;
  if (kind === 'change') return title;
  if (corrects && (corrects.from !== change.from || corrects.to !== change.to)) return `Correction: ${title} (announced as ${corrects.from ?? 'no stance'} → ${corrects.to})`;
  return `Correction: ${title}, now on other evidence`;
}

export function announcementEntry(record: AnnouncementRecord, ctx: EntryContext): FeedEntry {
  const { claim } = record;
  const actor = ctx.actorName(claim.watchId, claim.actorId);
  const proposition = withoutFinalStop(ctx.proposition(claim.watchId));
  const why = ctx.links.why(claim.watchId, claim.actorId);
  const article = articleLink(claim, ctx, why);
  const history = isHistory(record);
  const now = record.currentStance ?? 'no stance';
  const historyLabel = history ? ` (history: said ${saidOnText(claim.saidOn)}; now ${now})` : '';
  let title: string;
  let lead: string;
  if (record.kind === 'claim' || record.kind === 'claim-dropped') {
    const source = claim.document?.outlet ?? (claim.origin === 'analyst' ? `analyst ${claim.recordedBy.replace(/^analyst:/, '')}` : null);
    const base = `${actor}: ${claim.stance}${source ? ` (${source})` : ''}`;
    title = record.kind === 'claim-dropped' ? `${record.drop!.kind === 'rejected' ? 'Rejected' : 'Superseded'}: ${base}` : `${base}${historyLabel}`;
    lead = record.kind === 'claim-dropped'
      ? `<p>This claim no longer counts: ${record.drop!.kind} by ${escapeHtml(record.drop!.by.replace(/^analyst:/, ''))}: ${escapeHtml(record.drop!.reason)}.</p>`
      : `<p><strong>${escapeHtml(actor)}</strong>: <em>${claim.stance}</em> on “${escapeHtml(proposition)}”.</p>`;
  } else {
    const change = record.change!;
    title = `${announcedChangeTitle(record.kind, actor, change, record.corrects?.change ?? null)}${record.kind === 'withdrawal' ? '' : historyLabel}`;
    lead = record.kind === 'withdrawal'
      ? `<p>The change of <strong>${escapeHtml(actor)}</strong> from <em>${change.from ?? 'no stance'}</em> to <em>${change.to}</em> on “${escapeHtml(proposition)}” no longer holds: the claim it rested on was rejected, superseded or outweighed.</p>`
      : `<p><strong>${escapeHtml(actor)}</strong> moved from <em>${change.from ?? 'no stance'}</em> to <em>${change.to}</em> on “${escapeHtml(proposition)}”.</p>`;
  }
  const corrects = record.corrects
    ? [`<p>This corrects the entry “${escapeHtml(record.corrects.title)}” of ${humanInstant(record.corrects.announcedAt)} (<code>${escapeHtml(record.corrects.id)}</code>).</p>`]
    : [];
  const content = [
    lead,
    ...corrects,
    quoteHtml(claim),
    `<p>Said ${escapeHtml(saidOnText(claim.saidOn))}${claim.saidOn.basis ? ` (“${escapeHtml(claim.saidOn.basis)}”)` : ''}${sourceHtml(claim)}. The service learned it on ${humanInstant(claim.recordedAt)}.</p>`,
    `<p>${currentHtml(record, actor)}</p>`,
    `<p><a href="${escapeHtml(article)}">Read the ${claim.document ? 'article' : 'source'}</a> · <a href="${escapeHtml(why)}">Why is ${escapeHtml(actor)} where it is?</a></p>`,
  ].join('\n');
  const stanceTag = record.change?.to ?? claim.stance;
  return {
    id: announcementEntryId(ctx, record),
    title,
    updated: record.announcedAt,
    published: record.announcedAt,
    link: article,
    related: relatedLinks(claim, actor, record.change?.to ?? null, ctx),
    contentHtml: content,
    summary: summaryOf(claim, actor),
    tags: [claim.watchId, claim.actorId, stanceTag],
    deletes: record.kind === 'withdrawal' || (record.kind === 'correction' && record.corrects) ? record.corrects?.id ?? null : null,
    data: {
      kind: record.kind,
      watch: claim.watchId,
      actor: claim.actorId,
      actor_name: actor,
      ...(record.change ? { from: record.change.from, to: record.change.to } : { stance: claim.stance }),
      said_on: claim.saidOn,
      recorded_at: claim.recordedAt.toISOString(),
      changed_current_stance: record.changedCurrent,
      current_stance: record.currentStance,
      history,
      corrects: record.corrects?.id ?? null,
      claim_id: claim.claimId,
      position: claim.position,
      origin: claim.origin,
      dropped: record.drop && { kind: record.drop.kind, reason: record.drop.reason, by: record.drop.by },
      why_url: why,
    },
  };
}

/**
 * Backdated history: a statement that did not move the actor's current stance, or one said well
 * before the service learned it. Withdrawals and drops are news about the log, never history.
 */
export function isHistory(record: Pick<AnnouncementRecord, 'kind' | 'changedCurrent' | 'claim'>): boolean {
  if (record.kind === 'withdrawal' || record.kind === 'claim-dropped') return false;
  const saidBy = Date.parse(`${record.claim.saidOn.to}T23:59:59Z`);
  return !record.changedCurrent || record.claim.recordedAt.getTime() - saidBy > BACKDATED_AFTER_DAYS * 86_400_000;
}

function currentHtml(record: AnnouncementRecord, actor: string): string {
  const now = record.currentStance ?? 'no stance';
  if (record.kind === 'withdrawal' || record.kind === 'claim-dropped') return `${escapeHtml(actor)}’s current stance is now <em>${now}</em>.`;
  if (record.changedCurrent) return `This set ${escapeHtml(actor)}’s current stance: <em>${now}</em>.`;
  return `This is history: it did not change ${escapeHtml(actor)}’s current stance, which is <em>${now}</em>.`;
}

/** "3 Dec 2026, 09:12 UTC": a transaction time as a person reads it. */
export function humanInstant(at: Date): string {
  return `${humanDay(at.toISOString().slice(0, 10))}, ${at.toISOString().slice(11, 16)} UTC`;
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
  return `${by}, reported by ${escapeHtml(doc.outlet)} in “${escapeHtml(doc.title)}” (published ${escapeHtml(/^\d{4}-\d{2}-\d{2}/.test(doc.published) ? humanDay(doc.published.slice(0, 10)) : doc.published)})`;
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

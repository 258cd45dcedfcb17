// A claim entered by an analyst (POST /api/admin/claims): validated field by field and turned
// into the same ClaimRecorded event the extractor writes, with who entered it. Pure.
import { createHash } from 'node:crypto';
import { isIsoDay } from '../../domain/iso-time.js';
import { STANCES, type ClaimRecorded, type SaidOn, type Stance } from '../../domain/vocabulary.js';

export class ClaimInputError extends Error {}

export interface WatchActors {
  id: string;
  actors: { id: string }[];
}

/** `body` as posted; `analyst` is who enters it; `now` is when (the claim's reportedAt). */
export function analystClaim(body: unknown, watch: WatchActors, now: Date): ClaimRecorded {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (name: string, { optional = false, max = 5000 } = {}): string | null => {
    const value = input[name];
    if (value === undefined || value === null) {
      if (optional) return null;
      throw new ClaimInputError(`${name} is required`);
    }
    if (typeof value !== 'string' || value.trim() === '') throw new ClaimInputError(`${name} must be a non-empty string`);
    if (value.length > max) throw new ClaimInputError(`${name} is longer than ${max} characters`);
    return value.trim();
  };

  const actorId = text('actor')!;
  if (!watch.actors.some((a) => a.id === actorId)) {
    throw new ClaimInputError(`actor must be one of the watch's actors (${watch.actors.map((a) => a.id).join(', ')}), got "${actorId}"`);
  }
  const stance = text('stance')!;
  if (!(STANCES as readonly string[]).includes(stance)) throw new ClaimInputError(`stance must be one of ${STANCES.join(', ')}, got "${stance}"`);
  const saidOn = saidOnOf(input.saidOn);
  const quote = text('quote')!;
  const url = text('url', { max: 2000 })!;
  if (!isWebUrl(url)) throw new ClaimInputError(`url must be an http(s) URL, got "${url}"`);
  const analyst = text('analyst', { max: 100 })!;
  const speaker = text('speaker', { optional: true, max: 200 });

  const claimId = `claim-${createHash('sha256')
    .update(['analyst', watch.id, actorId, stance, saidOn.from, saidOn.to, quote, url, analyst].join('|'))
    .digest('hex')
    .slice(0, 20)}`;
  return {
    type: 'ClaimRecorded',
    data: {
      claimId,
      watchId: watch.id,
      actorId,
      speaker,
      stance: stance as Stance,
      saidOn,
      evidence: { sentence: quote, start: 0, end: quote.length, cues: [] },
      documentId: null,
      url,
      origin: 'analyst',
      recordedBy: `analyst:${analyst}`,
      reportedAt: now.toISOString(),
    },
  };
}

/** `"2024-10-24"`, or `{ "from"?: day, "to": day }` (no `from`: said some time up to `to`). */
function saidOnOf(value: unknown): SaidOn {
  if (typeof value === 'string') {
    if (!isIsoDay(value)) throw new ClaimInputError(`saidOn must be a day (YYYY-MM-DD) or {"from", "to"}, got "${value}"`);
    return { from: value, to: value, precision: 'day', basis: 'entered by an analyst' };
  }
  if (typeof value === 'object' && value !== null) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if (typeof to !== 'string' || !isIsoDay(to)) throw new ClaimInputError('saidOn.to must be a day (YYYY-MM-DD)');
    if (from === undefined || from === null) return { from: null, to, precision: 'before', basis: 'entered by an analyst' };
    if (typeof from !== 'string' || !isIsoDay(from)) throw new ClaimInputError('saidOn.from must be a day (YYYY-MM-DD) or absent');
    if (from > to) throw new ClaimInputError(`saidOn.from (${from}) is after saidOn.to (${to})`);
    return { from, to, precision: from === to ? 'day' : 'range', basis: 'entered by an analyst' };
  }
  throw new ClaimInputError('saidOn is required: a day (YYYY-MM-DD) or {"from", "to"}');
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A rejection's reason and who gives it. */
export function rejectionOf(body: unknown): { reason: string; analyst: string } {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { reason, analyst } = input;
  if (typeof reason !== 'string' || reason.trim() === '') throw new ClaimInputError('reason is required: say why the claim is wrong');
  if (reason.length > 2000) throw new ClaimInputError('reason is longer than 2000 characters');
  if (typeof analyst !== 'string' || analyst.trim() === '') throw new ClaimInputError('analyst is required: who rejects the claim');
  if (analyst.length > 100) throw new ClaimInputError('analyst is longer than 100 characters');
  return { reason: reason.trim(), analyst: analyst.trim() };
}

// A long claim history for the benchmarks, appended through the event store's own append
// (trigger: positions, hash chain), as the extractor would have left it after years of news.
//
// Each timeline's story is drawn in valid time (said-on order) and each claim keeps the actor's
// previous stance with probability 0.9, otherwise switches: that is what news looks like (an actor
// repeats its line for months, then changes it), and it is what makes most claims "no change".
// Said-on days spread over two years with day / range / before precisions. The log order is the
// order the reports arrived: said-on day plus a reporting lag, mostly a day or two, sometimes
// weeks, now and then months (late-arriving old claims), so the said-on days are not sorted along
// the log and the fold has to insert into the middle of a timeline. About 0.5 % of the claims are
// rejected by an analyst a little later.
import { randomUUID } from 'node:crypto';
import type { Stance } from '../src/domain/vocabulary.js';
import type { NewEvent } from '../src/event-store/domain/event.js';
import type { EventStoreRepository } from '../src/event-store/event-store.repository.js';

/** One (watch, actor) whose claims the log holds. */
export interface Timeline {
  watchId: string;
  actorId: string;
}

/** Said-on days: DAY0 plus 0..729. */
const DAYS = 730;
const DAY0 = Date.UTC(2023, 0, 1);
const KEEP_STANCE = 0.9;
const REJECTED = 0.005;
/** Events per append call (one stream each): one round trip and one transaction per batch. */
const FILL_BATCH = 5000;

const STANCE_OF: readonly Stance[] = ['deny', 'neither', 'confirm'];
const PRECISIONS = ['day', 'range', 'before'] as const;

/** `watches` x `actors` timelines with made-up ids (watch-00/actor-00 …). */
export function syntheticTimelines(watches: number, actors: number): Timeline[] {
  return Array.from({ length: watches * actors }, (_, t) => ({
    watchId: `watch-${String(Math.floor(t / actors)).padStart(2, '0')}`,
    actorId: `actor-${String(t % actors).padStart(2, '0')}`,
  }));
}

/** Appends `claims` ClaimRecorded events (and the rejections) over `timelines`. */
export async function fillClaimLog(repository: EventStoreRepository, claims: number, timelines: readonly Timeline[]): Promise<{ rejections: number }> {
  const plan = planClaims(claims, timelines.length);
  let rejections = 0;
  let pendingRejections: string[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  let documentId = randomUUID();
  for (let at = 0; at < claims; at += FILL_BATCH) {
    const events: NewEvent[] = [];
    // Rejections of claims logged in the previous batch: an analyst catching them a little later.
    for (const claimId of pendingRejections) {
      events.push({ type: 'ClaimRejected', data: { claimId, reason: 'not a statement by the actor', by: 'analyst:bench' } });
    }
    rejections += pendingRejections.length;
    pendingRejections = [];
    for (let k = at; k < Math.min(at + FILL_BATCH, claims); k++) {
      // Two or three claims per report on average.
      if (Math.random() < 0.4) documentId = randomUUID();
      const data = claimPayload(plan, timelines, plan.logOrder[k]!, documentId);
      events.push({ type: 'ClaimRecorded', data });
      if (Math.random() < REJECTED) pendingRejections.push(data.claimId);
    }
    // The next batch is built while this one is written; appends stay in order.
    await inFlight;
    inFlight = repository.append(`bench-claims-${randomUUID()}`, events);
  }
  await inFlight;
  if (pendingRejections.length > 0) {
    await repository.append(
      `bench-claims-${randomUUID()}`,
      pendingRejections.map((claimId) => ({ type: 'ClaimRejected', data: { claimId, reason: 'not a statement by the actor', by: 'analyst:bench' } })),
    );
    rejections += pendingRejections.length;
  }
  return { rejections };
}

interface ClaimPlan {
  timeline: Uint16Array;
  /** Said-on upper bound, days since DAY0. */
  day: Uint16Array;
  /** 0 day, 1 range, 2 before. */
  precision: Uint8Array;
  /** Days between the said-on lower bound and the upper one, for ranges. */
  span: Uint8Array;
  stance: Uint8Array;
  /** Report time, days since DAY0 (fractional). */
  reported: Float64Array;
  /** Claim indexes in log (arrival) order. */
  logOrder: Uint32Array;
}

/** Draws every claim as a few numbers (typed arrays, ~20 bytes a claim); payloads come per batch. */
function planClaims(claims: number, timelines: number): ClaimPlan {
  const plan: ClaimPlan = {
    timeline: new Uint16Array(claims),
    day: new Uint16Array(claims),
    precision: new Uint8Array(claims),
    span: new Uint8Array(claims),
    stance: new Uint8Array(claims),
    reported: new Float64Array(claims),
    logOrder: new Uint32Array(claims),
  };
  const perTimeline = Math.floor(claims / timelines);
  let c = 0;
  for (let t = 0; t < timelines; t++) {
    const n = perTimeline + (t < claims - perTimeline * timelines ? 1 : 0);
    // The timeline's story in valid time: sorted said-on days, stance mostly repeated.
    const days = Uint16Array.from({ length: n }, () => Math.floor(Math.random() * DAYS)).sort();
    let stance = Math.floor(Math.random() * 3);
    for (let i = 0; i < n; i++, c++) {
      if (i > 0 && Math.random() >= KEEP_STANCE) stance = (stance + 1 + Math.floor(Math.random() * 2)) % 3;
      const r = Math.random();
      plan.timeline[c] = t;
      plan.day[c] = days[i]!;
      plan.precision[c] = r < 0.6 ? 0 : r < 0.85 ? 1 : 2;
      plan.span[c] = 1 + Math.floor(Math.random() * 6);
      plan.stance[c] = stance;
      // Reporting lag: mostly a day or two, sometimes weeks, now and then months.
      const l = Math.random();
      const lag = l < 0.85 ? Math.random() * 3 : l < 0.97 ? 3 + Math.random() * 27 : 30 + Math.random() * 335;
      plan.reported[c] = days[i]! + lag;
    }
  }
  const reported = plan.reported;
  plan.logOrder = Uint32Array.from({ length: claims }, (_, i) => i).sort((a, b) => reported[a]! - reported[b]!);
  return plan;
}

function claimPayload(plan: ClaimPlan, timelines: readonly Timeline[], c: number, documentId: string) {
  const { watchId, actorId } = timelines[plan.timeline[c]!]!;
  const stance = STANCE_OF[plan.stance[c]!]!;
  const to = isoDay(plan.day[c]!);
  const precision = PRECISIONS[plan.precision[c]!]!;
  const saidOn =
    precision === 'day'
      ? { from: to, to, precision, basis: 'pada hari Kamis' }
      : precision === 'range'
        ? { from: isoDay(Math.max(0, plan.day[c]! - plan.span[c]!)), to, precision, basis: 'pekan lalu' }
        : { from: null, to, precision, basis: 'sebelumnya' };
  const sentence =
    `Juru bicara ${actorId} pada ${to} ${VERBS[stance]} laporan bahwa pasukan asing dikerahkan ke garis depan, ` +
    `kata sumber yang dikutip kantor berita (${c}).`;
  const start = 200 + (c % 5000);
  return {
    claimId: randomUUID(),
    watchId,
    actorId,
    speaker: `Juru bicara ${actorId}`,
    stance,
    saidOn,
    evidence: { sentence, start, end: start + sentence.length, cues: [CUES[stance]] },
    documentId,
    url: `https://news.example/articles/${documentId}`,
    origin: 'extractor' as const,
    recordedBy: 'rules-1',
    reportedAt: new Date(DAY0 + plan.reported[c]! * 86_400_000).toISOString(),
  };
}

const VERBS: Record<Stance, string> = { deny: 'membantah keras', neither: 'enggan mengomentari', confirm: 'membenarkan' };
const CUES: Record<Stance, string> = { deny: 'membantah', neither: 'enggan mengomentari', confirm: 'membenarkan' };

const isoDays: string[] = [];
function isoDay(day: number): string {
  return (isoDays[day] ??= new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10));
}


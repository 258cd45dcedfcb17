import { describe, expect, it } from '@jest/globals';
import { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { bucketStart, bucketUnitFor, type BucketUnit } from '../../stance/domain/claim-buckets.js';
import { axisTicks, CHART_BUCKETS, chartDomain, dayNumber, describeTimeline, stancePeriods, timelineChart, type ChartData, type ChartMark } from './timeline-chart.js';

const links = new PublicLinks('');
const day = (d: string): SaidOn => ({ from: d, to: d, precision: 'day', basis: d });

type ClaimInput = { id: string; stance: Stance; saidOn: SaidOn; status?: 'active' | 'rejected'; quote?: string; speaker?: string | null };

/**
 * A chart as the repository's reads give it: claims counted per bucket and stance, and per
 * bucket the stance its last change ends with (changes at each active claim whose stance differs
 * from the one before, claims given in claim order).
 */
function chartOf(claims: ClaimInput[], unit: BucketUnit = 'day'): ChartData {
  const changed = new Set<string>();
  let stance: Stance | null = null;
  const periodEnds = new Map<string, ChartData['periodEnds'][number]>();
  for (const c of claims.filter((c) => c.status !== 'rejected')) {
    if (c.stance !== stance) {
      changed.add(c.id);
      const bucket = bucketStart(c.saidOn.to, unit);
      periodEnds.set(bucket, { bucket, stance: c.stance, day: c.saidOn.to, changes: (periodEnds.get(bucket)?.changes ?? 0) + 1 });
    }
    stance = c.stance;
  }
  const marks = new Map<string, ChartMark & { ids: string[] }>();
  for (const c of claims) {
    const bucket = bucketStart(c.saidOn.to, unit);
    const key = `${bucket}/${c.stance}`;
    const mark = marks.get(key) ?? { bucket, stance: c.stance, claims: 0, dropped: 0, changes: 0, firstDay: c.saidOn.to, lastDay: c.saidOn.to, claim: null, ids: [] };
    mark.claims += 1;
    mark.dropped += c.status === 'rejected' ? 1 : 0;
    mark.changes += changed.has(c.id) ? 1 : 0;
    mark.lastDay = c.saidOn.to > mark.lastDay ? c.saidOn.to : mark.lastDay;
    mark.firstDay = c.saidOn.to < mark.firstDay ? c.saidOn.to : mark.firstDay;
    mark.ids.push(c.id);
    marks.set(key, mark);
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  return {
    name: 'Russia',
    unit,
    claims: claims.length,
    periodEnds: [...periodEnds.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)),
    marks: [...marks.values()].map(({ ids, ...mark }) => {
      const c = mark.claims === 1 ? byId.get(ids[0]!)! : null;
      return {
        ...mark,
        claim: c && {
          claimId: c.id,
          stance: c.stance,
          speaker: c.speaker === undefined ? 'Peskov' : c.speaker,
          quote: c.quote ?? `quote ${c.id}`,
          saidOn: c.saidOn,
          url: `https://fixtures.example.invalid/${c.id}`,
          documentId: `doc-${c.id}`,
          document: { outlet: 'RT', title: 't', published: c.saidOn.to, language: 'id', url: `https://example.org/${c.id}` },
          position: 1,
        },
      };
    }),
  };
}

const russiaClaims: ClaimInput[] = [
  { id: 'a', stance: 'deny', saidOn: day('2024-10-22') },
  { id: 'b', stance: 'deny', saidOn: { from: null, to: '2024-10-24', precision: 'before', basis: 'earlier' } },
  { id: 'c', stance: 'neither', saidOn: day('2024-10-24') },
  { id: 'd', stance: 'confirm', saidOn: day('2024-11-02'), status: 'rejected' },
  { id: 'e', stance: 'neither', saidOn: day('2024-12-01') },
  { id: 'f', stance: 'confirm', saidOn: day('2025-04-26') },
  { id: 'g', stance: 'confirm', saidOn: { from: '2025-04-21', to: '2025-04-27', precision: 'range', basis: 'last week' } },
];
const russia = chartOf(russiaClaims);
const SPAN = { first: '2024-10-22', last: '2025-04-27' };

function chart(c: ChartData, size: 'compact' | 'large' = 'compact'): string {
  return timelineChart(c, { size, domain: chartDomain(SPAN)!, id: 'tl-russia', links, watchId: 'w', actorId: 'russia' });
}

const attr = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]);

describe('stancePeriods', () => {
  it('starts a period at each change and ends it at the next one', () => {
    const periods = stancePeriods(russia);
    expect(periods.map((p) => p.stance)).toEqual(['deny', 'neither', 'confirm']);
    expect(periods.map((p) => p.from)).toEqual(['2024-10-22', '2024-10-24', '2025-04-26']);
    expect(periods.map((p) => p.until)).toEqual(['2024-10-24', '2025-04-26', null]);
  });
});

describe('timelineChart', () => {
  it('draws one segment per stance period, in order, in its stance', () => {
    for (const size of ['compact', 'large'] as const) {
      const svg = chart(russia, size);
      expect(attr(svg, /<rect class="segment [^"]*" data-stance="(\w+)"/g)).toEqual(['deny', 'neither', 'confirm']);
      expect(svg).toContain('data-periods="3"');
    }
  });

  it('draws one mark per bucket and stance, each a link to the list of its claims, labelled in words', () => {
    const svg = chart(russia);
    expect((svg.match(/<a class="claim-mark"/g) ?? []).length).toBe(russia.marks.length);
    expect(attr(svg, /<a class="claim-mark" href="([^"]+)"/g)).toEqual(russia.marks.map((m) => links.actorClaimsFrom('w', 'russia', m.firstDay).replace(/&/g, '&amp;')));
    // A single claim's mark carries its quote, for keyboards, screen readers and touch.
    expect(svg).toMatch(/aria-label="[^"]*quote f[^"]*"/);
    const dropped = russia.marks.filter((m) => m.dropped === m.claims).length;
    expect((svg.match(/class="claim [^"]*is-dropped/g) ?? []).length).toBe(dropped);
  });

  it('puts no link inside an image role (axe: nested-interactive)', () => {
    const svg = chart(russia);
    expect(svg).not.toContain('role="img"');
    expect(svg).not.toContain('tabindex="-1"');
  });

  it('rings the marks holding a change and rules each change between its lanes', () => {
    const svg = chart(russia);
    expect((svg.match(/class="change-ring /g) ?? []).length).toBe(russia.marks.filter((m) => m.changes > 0).length);
    expect(attr(svg, /<line class="change-rule stance-(\w+)"/g)).toEqual(['neither', 'confirm']);
  });

  it('places marks left to right by said-on day', () => {
    const svg = chart(russia);
    const xs = attr(svg, /<circle class="claim [^"]*" cx="([\d.]+)"/g).map(Number);
    const byDay = russia.marks.map((m) => dayNumber(m.claim!.saidOn.to));
    for (let i = 1; i < xs.length; i++) expect(Math.sign(xs[i]! - xs[i - 1]!)).toBe(Math.sign(byDay[i]! - byDay[i - 1]!));
  });

  it('shows a span or an upper bound of a single claim as a whisker, and a day as none', () => {
    const svg = chart(russia);
    expect((svg.match(/<line class="whisker/g) ?? []).length).toBe(russiaClaims.filter((c) => c.saidOn.from !== c.saidOn.to).length);
    expect((svg.match(/<line class="whisker whisker-open"/g) ?? []).length).toBe(russiaClaims.filter((c) => c.saidOn.from === null).length);
  });

  it('has a text alternative naming each period', () => {
    const svg = chart(russia);
    const desc = /<desc id="tl-russia-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toBe(describeTimeline(russia));
    for (const period of stancePeriods(russia)) expect(desc).toContain(period.stance);
    expect(svg).toContain('aria-labelledby="tl-russia-title tl-russia-desc"');
  });

  it('escapes hostile quotes and speakers in the labels and attributes', () => {
    const hostile = chartOf([
      { id: 'x"><script>alert(1)</script>', stance: 'deny', saidOn: day('2025-01-02'), quote: '<script>alert("q")</script> & \'more\'', speaker: '<img src=x onerror=alert(2)>' },
    ]);
    const svg = chart(hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
    expect(svg).toContain('data-claim-id="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('says so when the actor has no claim', () => {
    const none = chartOf([]);
    const svg = timelineChart(none, { size: 'compact', domain: { start: 0, end: 30 }, id: 'n', links, watchId: 'w', actorId: 'a' });
    expect(svg).toContain('no claim yet');
    expect(svg).not.toContain('class="segment ');
    expect(describeTimeline(none)).toBe('Russia has no claim yet.');
  });

  it('stays the same size however many claims: marks per bucket, periods per bucket', () => {
    const stances: Stance[] = ['deny', 'neither', 'confirm'];
    const many = (count: number) => {
      const claims: ClaimInput[] = [];
      for (let i = 0; i < count; i++) {
        const d = new Date(Date.UTC(2023, 0, 1) + Math.floor((i * 730) / count) * 86_400_000).toISOString().slice(0, 10);
        claims.push({ id: `c${i}`, stance: stances[(i * 7) % 3]!, saidOn: day(d), quote: 'A quote of some length that an article would carry, repeated for size.' });
      }
      const unit = bucketUnitFor(730, CHART_BUCKETS.compact);
      return timelineChart(chartOf(claims, unit), { size: 'compact', domain: chartDomain({ first: '2023-01-01', last: '2024-12-31' })!, id: 'm', links, watchId: 'w', actorId: 'a' });
    };
    const small = many(2_000);
    const large = many(20_000);
    expect((large.match(/<a class="claim-mark"/g) ?? []).length).toBeLessThanOrEqual(CHART_BUCKETS.compact * 3);
    expect(large.length).toBeLessThan(small.length * 1.1);
    expect(large.length).toBeLessThan(64 * 1024);
    // Marks of one lane never overlap: the bucket count follows the marks' width.
    const rings = [...large.matchAll(/<circle class="change-ring stance-(\w+)" cx="([\d.]+)" cy="[\d.]+" r="([\d.]+)"/g)];
    expect(rings.length).toBeGreaterThan(3);
    for (const stance of stances) {
      const lane = rings.filter((m) => m[1] === stance).map((m) => ({ cx: Number(m[2]), r: Number(m[3]) })).sort((a, b) => a.cx - b.cx);
      for (let i = 1; i < lane.length; i++) expect(lane[i]!.cx - lane[i - 1]!.cx).toBeGreaterThanOrEqual(lane[i]!.r + lane[i - 1]!.r - 0.2);
    }
  });
});

describe('buckets', () => {
  it('chooses the finest unit that fits the span', () => {
    expect(bucketUnitFor(10, 32)).toBe('day');
    expect(bucketUnitFor(120, 32)).toBe('week');
    expect(bucketUnitFor(730, 32)).toBe('month');
    expect(bucketUnitFor(3650, 32)).toBe('year');
    expect(bucketStart('2025-04-26', 'week')).toBe('2025-04-21');
    expect(bucketStart('2025-04-26', 'quarter')).toBe('2025-04-01');
  });
});

describe('chartDomain and axisTicks', () => {
  it('spans the said-on span with a margin', () => {
    const domain = chartDomain({ first: '2024-01-10', last: '2025-04-27' })!;
    expect(domain.start).toBeLessThan(dayNumber('2024-01-10'));
    expect(domain.end).toBeGreaterThan(dayNumber('2025-04-27'));
    expect(chartDomain(null)).toBeNull();
  });

  it('puts at most the asked number of ticks on month boundaries inside the span', () => {
    const domain = chartDomain(SPAN)!;
    const ticks = axisTicks(domain, 4);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(4);
    for (const tick of ticks) {
      expect(tick.day).toBeGreaterThanOrEqual(domain.start);
      expect(tick.day).toBeLessThanOrEqual(domain.end);
      expect(new Date(tick.day * 86_400_000).getUTCDate()).toBe(1);
    }
  });

  it('uses day ticks on a short span', () => {
    const domain = { start: dayNumber('2025-04-20'), end: dayNumber('2025-04-30') };
    const ticks = axisTicks(domain, 6);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every((t) => /^\d{1,2} [A-Z][a-z]{2}$/.test(t.label))).toBe(true);
  });
});

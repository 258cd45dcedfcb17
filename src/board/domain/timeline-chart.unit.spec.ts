import { describe, expect, it } from '@jest/globals';
import { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { axisTicks, chartDomain, dayNumber, describeTimeline, stancePeriods, timelineChart, type ChartHistory } from './timeline-chart.js';

const links = new PublicLinks('');
const day = (d: string): SaidOn => ({ from: d, to: d, precision: 'day', basis: d });

type ClaimInput = { id: string; stance: Stance; saidOn: SaidOn; status?: 'active' | 'rejected' | 'superseded'; quote?: string; speaker?: string | null };

/** A history the way the stance API answers it: changes at each active claim whose stance differs from the one before. */
function history(claims: ClaimInput[]): ChartHistory {
  const full = claims.map((c, i) => ({
    claimId: c.id,
    stance: c.stance,
    speaker: c.speaker === undefined ? 'Peskov' : c.speaker,
    quote: c.quote ?? `quote ${c.id}`,
    saidOn: c.saidOn,
    url: `https://fixtures.example.invalid/${c.id}`,
    documentId: `doc-${c.id}`,
    document: { outlet: 'RT', title: 't', published: c.saidOn.to, language: 'id', url: `https://example.org/${c.id}` },
    position: i + 1,
    status: c.status ?? 'active',
    drops: c.status && c.status !== 'active' ? [{ kind: c.status, reason: 'garbled', by: 'analyst:ana' }] : [],
  }));
  const changes: ChartHistory['changes'] = [];
  let stance: Stance | null = null;
  for (const claim of full.filter((c) => c.status === 'active')) {
    if (claim.stance !== stance) changes.push({ from: stance, to: claim.stance, effectiveOn: claim.saidOn, claim: { claimId: claim.claimId } });
    stance = claim.stance;
  }
  return { name: 'Russia', changes, claims: full };
}

const russia = history([
  { id: 'a', stance: 'deny', saidOn: day('2024-10-22') },
  { id: 'b', stance: 'deny', saidOn: { from: null, to: '2024-10-24', precision: 'before', basis: 'earlier' } },
  { id: 'c', stance: 'neither', saidOn: day('2024-10-24') },
  { id: 'd', stance: 'confirm', saidOn: day('2024-11-02'), status: 'rejected' },
  { id: 'e', stance: 'neither', saidOn: day('2024-12-01') },
  { id: 'f', stance: 'confirm', saidOn: day('2025-04-26') },
  { id: 'g', stance: 'confirm', saidOn: { from: '2025-04-21', to: '2025-04-27', precision: 'range', basis: 'last week' } },
]);

function chart(h: ChartHistory, size: 'compact' | 'large' = 'compact'): string {
  return timelineChart(h, { size, domain: chartDomain([h])!, id: 'tl-russia', links, fallback: '/watches/w/actors/russia' });
}

const attr = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]);

describe('stancePeriods', () => {
  it('starts a period at each change and ends it at the next one', () => {
    const periods = stancePeriods(russia);
    expect(periods.map((p) => p.stance)).toEqual(russia.changes.map((c) => c.to));
    expect(periods.map((p) => p.from)).toEqual(russia.changes.map((c) => c.effectiveOn.to));
    expect(periods.map((p) => p.until)).toEqual([...russia.changes.slice(1).map((c) => c.effectiveOn.to), null]);
  });
});

describe('timelineChart', () => {
  it('draws one segment per stance period, in order, in its stance', () => {
    for (const size of ['compact', 'large'] as const) {
      const svg = chart(russia, size);
      expect(attr(svg, /<rect class="segment [^"]*" data-stance="(\w+)"/g)).toEqual(russia.changes.map((c) => c.to));
      expect(svg).toContain(`data-periods="${russia.changes.length}"`);
    }
  });

  it('draws one mark per claim, dropped ones marked as such, each linking to its evidence', () => {
    const svg = chart(russia);
    expect(attr(svg, /data-claim-id="([^"]+)"/g)).toEqual(russia.claims.map((c) => c.claimId));
    const dropped = russia.claims.filter((c) => c.status !== 'active').length;
    expect((svg.match(/class="claim [^"]*is-dropped/g) ?? []).length).toBe(dropped);
    // The fixture URLs are unreadable (.invalid): marks link to the stored copy.
    expect(attr(svg, /<a class="claim-mark" href="([^"]+)"/g)).toEqual(russia.claims.map((c) => links.document(c.documentId!)));
  });

  it('rings the claims that changed the stance and rules each change between its lanes', () => {
    const svg = chart(russia);
    expect((svg.match(/class="change-ring /g) ?? []).length).toBe(russia.changes.length);
    // Every change but the first (from no stance) has a vertical rule, in the colour of its new stance.
    expect(attr(svg, /<line class="change-rule stance-(\w+)"/g)).toEqual(russia.changes.filter((c) => c.from !== null).map((c) => c.to));
    const changed = new Set(russia.changes.map((c) => c.claim.claimId));
    for (const claim of russia.claims) {
      const mark = svg.slice(svg.indexOf(`data-claim-id="${claim.claimId}"`)).split('</a>')[0]!;
      expect(mark.includes('is-change')).toBe(changed.has(claim.claimId));
    }
  });

  it('places marks left to right by said-on day', () => {
    const svg = chart(russia);
    const xs = attr(svg, /<circle class="claim [^"]*" cx="([\d.]+)"/g).map(Number);
    const byDay = russia.claims.map((c) => dayNumber(c.saidOn.to));
    for (let i = 1; i < xs.length; i++) expect(Math.sign(xs[i]! - xs[i - 1]!)).toBe(Math.sign(byDay[i]! - byDay[i - 1]!));
  });

  it('shows a span or an upper bound as a whisker, and a day as none', () => {
    const svg = chart(russia);
    const imprecise = russia.claims.filter((c) => c.saidOn.from !== c.saidOn.to).length;
    expect((svg.match(/<line class="whisker/g) ?? []).length).toBe(imprecise);
    expect((svg.match(/<line class="whisker whisker-open"/g) ?? []).length).toBe(russia.claims.filter((c) => c.saidOn.from === null).length);
  });

  it('has a text alternative naming each period', () => {
    const svg = chart(russia);
    const desc = /<desc id="tl-russia-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toBe(describeTimeline(russia));
    for (const period of stancePeriods(russia)) expect(desc).toContain(period.stance);
    expect(svg).toContain('aria-labelledby="tl-russia-title tl-russia-desc"');
  });

  it('escapes hostile quotes and speakers in the tooltips and attributes', () => {
    const hostile = history([
      { id: 'x"><script>alert(1)</script>', stance: 'deny', saidOn: day('2025-01-02'), quote: '<script>alert("q")</script> & \'more\'', speaker: '<img src=x onerror=alert(2)>' },
    ]);
    const svg = chart(hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
    expect(svg).toContain('data-claim-id="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('says so when the actor has no claim', () => {
    const none = history([]);
    const svg = timelineChart(none, { size: 'compact', domain: { start: 0, end: 30 }, id: 'n', links, fallback: '/' });
    expect(svg).toContain('no claim yet');
    expect(svg).not.toContain('class="segment ');
    expect(describeTimeline(none)).toBe('Russia has no claim yet.');
  });
});

describe('chartDomain and axisTicks', () => {
  it('spans every claim of every history with a margin', () => {
    const other = history([{ id: 'z', stance: 'deny', saidOn: { from: '2024-01-10', to: '2024-02-01', precision: 'range', basis: '' } }]);
    const domain = chartDomain([russia, other])!;
    expect(domain.start).toBeLessThan(dayNumber('2024-01-10'));
    expect(domain.end).toBeGreaterThan(dayNumber('2025-04-27'));
    expect(chartDomain([history([])])).toBeNull();
  });

  it('puts at most the asked number of ticks on month boundaries inside the span', () => {
    const domain = chartDomain([russia])!;
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

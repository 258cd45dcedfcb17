// An actor's stance over valid time as an SVG step chart: three lanes (confirm, neither, deny),
// one bar per stance period in the lane and colour of its stance, a vertical rule where the
// stance changed, and one mark per claim at its said-on day (a whisker over the interval when the
// text fixed only a span or an upper bound; hollow when the claim no longer counts). The lanes
// are labelled with the stance words, so the colour is never the only signal, and the chart has a
// text alternative (`<desc>`). Pure: it draws what the stance API answered and computes nothing
// about stances itself.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { humanDay, humanMonth, saidOnText, shorten, type BoardClaim, type BoardDrop } from './format.js';

/** An actor's history as the stance API answers it (changes and claims in claim order). */
export interface ChartHistory {
  name: string;
  changes: { from: Stance | null; to: Stance; effectiveOn: SaidOn; claim: { claimId: string } }[];
  claims: (BoardClaim & { status: 'active' | 'rejected' | 'superseded'; drops: BoardDrop[] })[];
}

/** Days since 1970-01-01 (UTC) of a said-on calendar day. */
export function dayNumber(isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function isoDayOf(dayNo: number): string {
  return new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
}

/** The valid-time span a chart shows, in day numbers. */
export interface DayRange {
  start: number;
  end: number;
}

/**
 * The span that holds every claim of these histories, with a margin, so the charts of one watch
 * share an axis and can be compared row by row. Null when no actor has a claim.
 */
export function chartDomain(histories: readonly ChartHistory[]): DayRange | null {
  const days = histories.flatMap((h) => h.claims.flatMap((c) => [dayNumber(c.saidOn.from ?? c.saidOn.to), dayNumber(c.saidOn.to)]));
  if (days.length === 0) return null;
  const first = Math.min(...days);
  const last = Math.max(...days);
  const margin = Math.max(3, Math.round((last - first) * 0.04));
  return { start: first - margin, end: last + margin };
}

/** A stretch of valid time with one stance: from the change's said-on day to the next change's. */
export interface StancePeriod {
  stance: Stance;
  from: string;
  /** null: still the stance. */
  until: string | null;
  claimId: string;
}

/** The periods the changes make, in order (a change takes effect on its said-on upper bound). */
export function stancePeriods(history: Pick<ChartHistory, 'changes'>): StancePeriod[] {
  return history.changes.map((change, i) => ({
    stance: change.to,
    from: change.effectiveOn.to,
    until: history.changes[i + 1]?.effectiveOn.to ?? null,
    claimId: change.claim.claimId,
  }));
}

export interface AxisTick {
  day: number;
  label: string;
}

const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

/** Tick marks on day or month boundaries: the finest step that gives at most `maxTicks`. */
export function axisTicks(domain: DayRange, maxTicks: number): AxisTick[] {
  const candidates: AxisTick[][] = [];
  if (domain.end - domain.start <= 60) {
    for (const step of DAY_STEPS) {
      const ticks: AxisTick[] = [];
      for (let day = Math.ceil(domain.start); day <= domain.end; day++) {
        if (day % step === 0) ticks.push({ day, label: humanDay(isoDayOf(day)).replace(/ \d{4}$/, '') });
      }
      candidates.push(ticks);
    }
  }
  for (const step of MONTH_STEPS) {
    const ticks: AxisTick[] = [];
    const startDate = new Date(domain.start * 86_400_000);
    let year = startDate.getUTCFullYear();
    let month = startDate.getUTCMonth();
    for (;;) {
      const day = Date.UTC(year, month, 1) / 86_400_000;
      if (day > domain.end) break;
      if (day >= domain.start && month % step === 0) {
        const iso = isoDayOf(day);
        ticks.push({ day, label: step === 12 ? iso.slice(0, 4) : humanMonth(iso) });
      }
      month += 1;
      if (month === 12) [year, month] = [year + 1, 0];
    }
    candidates.push(ticks);
  }
  return candidates.find((t) => t.length >= 2 && t.length <= maxTicks) ?? candidates.find((t) => t.length <= maxTicks) ?? [];
}

interface Geometry {
  width: number;
  left: number;
  right: number;
  top: number;
  laneHeight: number;
  barHeight: number;
  markRadius: number;
  maxTicks: number;
  /** Length of the dashed whisker of a claim known only to be "on or before" a day. */
  openWhisker: number;
  changeLabels: boolean;
}

const GEOMETRY: Record<'compact' | 'large', Geometry> = {
  compact: { width: 360, left: 58, right: 14, top: 4, laneHeight: 22, barHeight: 8, markRadius: 3.5, maxTicks: 4, openWhisker: 10, changeLabels: false },
  large: { width: 960, left: 84, right: 30, top: 44, laneHeight: 40, barHeight: 12, markRadius: 5.5, maxTicks: 8, openWhisker: 28, changeLabels: true },
};

/** Top to bottom: the lanes read as a step chart, confirm above neither above deny. */
const LANES: Stance[] = ['confirm', 'neither', 'deny'];

export interface ChartOptions {
  size: 'compact' | 'large';
  /** The valid-time span to draw (chartDomain of the histories shown together). */
  domain: DayRange;
  /** Unique on the page: prefixes the ids the text alternative is referenced by. */
  id: string;
  links: PublicLinks;
  /** Where a claim without a readable source links (the actor's page). */
  fallback: string;
}

export function timelineChart(history: ChartHistory, options: ChartOptions): string {
  const g = GEOMETRY[options.size];
  const { domain } = options;
  const plotRight = g.width - g.right;
  const bottom = g.top + LANES.length * g.laneHeight;
  const height = bottom + (options.size === 'large' ? 28 : 18);
  const span = Math.max(domain.end - domain.start, 1);
  const x = (isoDay: string) => g.left + ((dayNumber(isoDay) - domain.start) / span) * (plotRight - g.left);
  const laneTop = (stance: Stance) => g.top + LANES.indexOf(stance) * g.laneHeight;
  const laneMiddle = (stance: Stance) => laneTop(stance) + g.laneHeight / 2;
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const n = (value: number) => String(Math.round(value * 10) / 10);

  const lanes = LANES.map(
    (stance) =>
      `<rect class="lane lane-${stance}" x="${g.left}" y="${laneTop(stance)}" width="${plotRight - g.left}" height="${g.laneHeight}"/>` +
      `<text class="lane-label" x="${g.left - 8}" y="${n(laneMiddle(stance))}" text-anchor="end" dominant-baseline="central">${stance}</text>`,
  ).join('');

  const ticks = axisTicks(domain, g.maxTicks);
  const axis =
    `<line class="axis" x1="${g.left}" y1="${bottom}" x2="${plotRight}" y2="${bottom}"/>` +
    ticks
      .map((tick) => {
        const tx = g.left + ((tick.day - domain.start) / span) * (plotRight - g.left);
        const anchor = tx - g.left < 24 ? 'start' : plotRight - tx < 24 ? 'end' : 'middle';
        return (
          `<line class="grid" x1="${n(tx)}" y1="${g.top}" x2="${n(tx)}" y2="${bottom + 4}"/>` +
          `<text class="tick-label" x="${n(tx)}" y="${bottom + (options.size === 'large' ? 20 : 14)}" text-anchor="${anchor}">${escapeHtml(tick.label)}</text>`
        );
      })
      .join('');

  const periods = stancePeriods(history);
  const segments = periods
    .map((period) => {
      const x1 = x(period.from);
      const x2 = period.until === null ? plotRight : x(period.until);
      const y = laneTop(period.stance) + (g.laneHeight - g.barHeight) / 2;
      const words = `${period.stance} from ${humanDay(period.from)}${period.until === null ? ', still current' : ` until ${humanDay(period.until)}`}`;
      const arrow =
        period.until === null
          ? `<polygon class="segment-end stance-${period.stance}" points="${n(plotRight)},${n(y - 3)} ${n(plotRight + 8)},${n(y + g.barHeight / 2)} ${n(plotRight)},${n(y + g.barHeight + 3)}"/>`
          : '';
      return `<rect class="segment stance-${period.stance}" data-stance="${period.stance}" x="${n(x1)}" y="${n(y)}" width="${n(Math.max(x2 - x1, g.barHeight))}" height="${g.barHeight}" rx="${g.barHeight / 2}"><title>${words}</title></rect>${arrow}`;
    })
    .join('');

  const changeLabelRows: number[][] = [[], []];
  const changes = history.changes
    .map((change) => {
      const cx = x(change.effectiveOn.to);
      const rule =
        change.from === null
          ? ''
          : `<line class="change-rule stance-${change.to}" x1="${n(cx)}" y1="${n(laneMiddle(change.from))}" x2="${n(cx)}" y2="${n(laneMiddle(change.to))}"/>`;
      if (!g.changeLabels) return rule;
      // Date labels above the plot, on the first of two rows with room for them.
      const label = humanDay(change.effectiveOn.to);
      const half = label.length * 3.4;
      const row = changeLabelRows.findIndex((placed) => placed.every((px) => Math.abs(px - cx) > 2 * half + 6));
      const guide = `<line class="change-guide" x1="${n(cx)}" y1="${row === 1 ? 26 : 14}" x2="${n(cx)}" y2="${bottom}"/>`;
      if (row < 0) return guide + rule;
      changeLabelRows[row]!.push(cx);
      const lx = Math.min(Math.max(cx, g.left + half), plotRight - half);
      return `${guide}${rule}<text class="change-label" x="${n(lx)}" y="${row === 0 ? 10 : 22}" text-anchor="middle">${label}</text>`;
    })
    .join('');

  const changeIds = new Set(history.changes.map((c) => c.claim.claimId));
  const placed = new Map<string, { x: number; slot: number }[]>();
  const marks = history.claims
    .map((claim) => {
      const cx = x(claim.saidOn.to);
      // Claims a few days apart would hide each other: step aside within the lane.
      const inLane = placed.get(claim.stance) ?? [];
      placed.set(claim.stance, inLane);
      const slots = options.size === 'large' ? [0, -1, 1, -2, 2] : [0, -1, 1];
      const slot = slots.find((s) => inLane.every((p) => p.slot !== s || Math.abs(p.x - cx) > 2 * g.markRadius + 1)) ?? 0;
      inLane.push({ x: cx, slot });
      const cy = laneMiddle(claim.stance) + slot * (g.markRadius * 1.5);
      const dropped = claim.status !== 'active';
      const change = changeIds.has(claim.claimId);
      const classes = ['claim', `stance-${claim.stance}`, ...(change ? ['is-change'] : []), ...(dropped ? ['is-dropped'] : [])].join(' ');
      const whisker = claim.saidOn.from === null
        ? `<line class="whisker whisker-open" x1="${n(cx - g.openWhisker)}" y1="${n(cy)}" x2="${n(cx)}" y2="${n(cy)}"/>`
        : claim.saidOn.from !== claim.saidOn.to
          ? `<line class="whisker" x1="${n(x(claim.saidOn.from))}" y1="${n(cy)}" x2="${n(cx)}" y2="${n(cy)}"/>`
          : '';
      const ring = change ? `<circle class="change-ring stance-${claim.stance}" cx="${n(cx)}" cy="${n(cy)}" r="${g.markRadius + 3}"/>` : '';
      const status = dropped ? ` (${claim.status}: ${claim.drops[0]?.reason ?? ''}; no longer counted)` : change ? ' (stance change)' : '';
      const tooltip = `${saidOnText(claim.saidOn)} · ${claim.stance}${status}\n${claim.speaker ?? history.name}, in ${claim.document?.outlet ?? 'an analyst’s entry'}:\n“${shorten(claim.quote, 240)}”`;
      const href = options.links.article(claim, options.fallback);
      return `<a class="claim-mark" href="${escapeHtml(href)}" tabindex="-1" data-claim-id="${escapeHtml(claim.claimId)}"><title>${escapeHtml(tooltip)}</title>${whisker}${ring}<circle class="${classes}" cx="${n(cx)}" cy="${n(cy)}" r="${g.markRadius}"/></a>`;
    })
    .join('');

  const empty = history.claims.length === 0 ? `<text class="empty" x="${n((g.left + plotRight) / 2)}" y="${n(g.top + g.laneHeight * 1.5)}" text-anchor="middle" dominant-baseline="central">no claim yet</text>` : '';
  return (
    `<svg class="timeline timeline-${options.size}" viewBox="0 0 ${g.width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-periods="${periods.length}">` +
    `<title id="${id}-title">${escapeHtml(history.name)}: stance over time</title>` +
    `<desc id="${id}-desc">${escapeHtml(describeTimeline(history))}</desc>` +
    `<g class="lanes">${lanes}</g><g class="axis-ticks">${axis}</g><g class="segments">${segments}</g><g class="changes">${changes}</g><g class="claims">${marks}</g>${empty}</svg>`
  );
}

/** The chart in words: the text alternative. */
export function describeTimeline(history: ChartHistory): string {
  const periods = stancePeriods(history);
  if (periods.length === 0) return `${history.name} has no claim yet.`;
  const steps = periods.map((p) => `${p.stance} from ${humanDay(p.from)}${p.until === null ? ' (current)' : ''}`).join('; ');
  const dropped = history.claims.filter((c) => c.status !== 'active').length;
  const claims = `${history.claims.length} claim${history.claims.length === 1 ? '' : 's'}${dropped > 0 ? `, ${dropped} no longer counted` : ''}`;
  return `${history.name}: no claim before ${humanDay(periods[0]!.from)}; ${steps}. ${claims}.`;
}

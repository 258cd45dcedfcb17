// An actor's stance over valid time as an SVG step chart: three lanes (confirm, neither, deny),
// one bar per stance period in the lane and colour of its stance, a vertical rule where the
// stance changed, and the claims as marks at their said-on day. However long the history, the
// chart has a bounded number of marks: claims are counted per bucket (day, week, month, quarter or
// year, the finest the span allows: claim-buckets.ts) and stance, one mark each, and several
// changes in one bucket draw as the stance the bucket ends with. A mark for one claim carries its
// quote; a mark for several says how many and which stances, and links to the page listing them.
// Every mark is a link, reachable by keyboard and touch, labelled in words; the lanes are
// labelled with the stance words, so the colour is never the only signal, and the chart has a
// text alternative (`<desc>`). Pure: it draws what the stance reads answered.
import { escapeHtml } from '../../domain/escape.js';
import type { PublicLinks } from '../../domain/public-links.js';
import type { Stance } from '../../domain/vocabulary.js';
import { bucketEnd, type BucketClaims, type BucketUnit } from '../../stance/domain/claim-buckets.js';
import { humanDay, humanMonth, saidOnText, shorten, type BoardClaim } from './format.js';

/** The claims of one bucket with one stance, and the claim when it stands for one. */
export interface ChartMark extends BucketClaims {
  claim: BoardClaim | null;
}

/** The stance a bucket holding a change ends with, and the day of that change. */
export interface ChartPeriodEnd {
  bucket: string;
  stance: Stance;
  day: string;
  changes: number;
}

/** What a chart draws of an actor's history: bounded by the number of buckets, not of claims. */
export interface ChartData {
  name: string;
  unit: BucketUnit;
  marks: ChartMark[];
  /** In bucket order. */
  periodEnds: ChartPeriodEnd[];
  /** Claims in the whole history. */
  claims: number;
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
 * The span that holds every claim of a watch (its said-on span), with a margin, so the charts of
 * one watch share an axis and can be compared row by row. Null when no actor has a claim.
 */
export function chartDomain(span: { first: string; last: string } | null): DayRange | null {
  if (!span) return null;
  const first = dayNumber(span.first);
  const last = dayNumber(span.last);
  const margin = Math.max(3, Math.round((last - first) * 0.04));
  return { start: first - margin, end: last + margin };
}

/** A stretch of valid time with one stance: from the change's said-on day to the next change's. */
export interface StancePeriod {
  stance: Stance;
  from: string;
  /** null: still the stance. */
  until: string | null;
}

/** The periods the changes make, in order; buckets ending with the stance they began with add none. */
export function stancePeriods(chart: Pick<ChartData, 'periodEnds'>): StancePeriod[] {
  const periods: StancePeriod[] = [];
  for (const end of chart.periodEnds) {
    const last = periods.at(-1);
    if (last?.stance === end.stance) continue;
    if (last) last.until = end.day;
    periods.push({ stance: end.stance, from: end.day, until: null });
  }
  return periods;
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

/** A mark for several claims is drawn larger than one for a single claim, by this factor. */
const GROUP_MARK_SCALE = 1.35;
/** The ring around a mark that changed the stance, this far outside the mark. */
const CHANGE_RING_GAP = 3;

/**
 * How many marks fit side by side in a lane of each chart size without overlapping: the plot's
 * width over the widest mark (a group mark with its change ring). The bucket unit is chosen so
 * that a chart has at most this many buckets, which also bounds the page: 18 on the board, 40 on
 * an actor's page.
 */
export const CHART_BUCKETS: Record<'compact' | 'large', number> = {
  compact: marksThatFit(GEOMETRY.compact),
  large: marksThatFit(GEOMETRY.large),
};

function marksThatFit(g: Geometry): number {
  return Math.floor((g.width - g.left - g.right) / (2 * (g.markRadius * GROUP_MARK_SCALE + CHANGE_RING_GAP)));
}

/** Top to bottom: the lanes read as a step chart, confirm above neither above deny. */
const LANES: Stance[] = ['confirm', 'neither', 'deny'];

export interface ChartOptions {
  size: 'compact' | 'large';
  /** The valid-time span to draw (chartDomain of the histories shown together). */
  domain: DayRange;
  /** Unique on the page: prefixes the ids the text alternative is referenced by. */
  id: string;
  links: PublicLinks;
  /** Whose chart: marks link to the list of this actor's claims. */
  watchId: string;
  actorId: string;
}

export function timelineChart(chart: ChartData, options: ChartOptions): string {
  const g = GEOMETRY[options.size];
  const { domain } = options;
  const plotRight = g.width - g.right;
  const bottom = g.top + LANES.length * g.laneHeight;
  const height = bottom + (options.size === 'large' ? 28 : 18);
  const span = Math.max(domain.end - domain.start, 1);
  const xOfDay = (dayNo: number) => g.left + ((Math.min(Math.max(dayNo, domain.start), domain.end) - domain.start) / span) * (plotRight - g.left);
  const x = (isoDay: string) => xOfDay(dayNumber(isoDay));
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
        const tx = xOfDay(tick.day);
        const anchor = tx - g.left < 24 ? 'start' : plotRight - tx < 24 ? 'end' : 'middle';
        return (
          `<line class="grid" x1="${n(tx)}" y1="${g.top}" x2="${n(tx)}" y2="${bottom + 4}"/>` +
          `<text class="tick-label" x="${n(tx)}" y="${bottom + (options.size === 'large' ? 20 : 14)}" text-anchor="${anchor}">${escapeHtml(tick.label)}</text>`
        );
      })
      .join('');

  const periods = stancePeriods(chart);
  const segments = periods
    .map((period) => {
      const x1 = x(period.from);
      const x2 = period.until === null ? plotRight : x(period.until);
      const y = laneTop(period.stance) + (g.laneHeight - g.barHeight) / 2;
      const arrow =
        period.until === null
          ? `<polygon class="segment-end stance-${period.stance}" points="${n(plotRight)},${n(y - 3)} ${n(plotRight + 8)},${n(y + g.barHeight / 2)} ${n(plotRight)},${n(y + g.barHeight + 3)}"/>`
          : '';
      return `<rect class="segment stance-${period.stance}" data-stance="${period.stance}" x="${n(x1)}" y="${n(y)}" width="${n(Math.max(x2 - x1, g.barHeight))}" height="${g.barHeight}" rx="${g.barHeight / 2}"/>${arrow}`;
    })
    .join('');

  const changeLabelRows: number[][] = [[], []];
  const changes = periods
    .map((period, i) => {
      const cx = x(period.from);
      const before = periods[i - 1];
      const rule = before ? `<line class="change-rule stance-${period.stance}" x1="${n(cx)}" y1="${n(laneMiddle(before.stance))}" x2="${n(cx)}" y2="${n(laneMiddle(period.stance))}"/>` : '';
      if (!g.changeLabels) return rule;
      // Date labels above the plot, on the first of two rows with room for them.
      const label = humanDay(period.from);
      const half = label.length * 3.4;
      const row = changeLabelRows.findIndex((placed) => placed.every((px) => Math.abs(px - cx) > 2 * half + 6));
      const guide = `<line class="change-guide" x1="${n(cx)}" y1="${row === 1 ? 26 : 14}" x2="${n(cx)}" y2="${bottom}"/>`;
      if (row < 0) return guide + rule;
      changeLabelRows[row]!.push(cx);
      const lx = Math.min(Math.max(cx, g.left + half), plotRight - half);
      return `${guide}${rule}<text class="change-label" x="${n(lx)}" y="${row === 0 ? 10 : 22}" text-anchor="middle">${label}</text>`;
    })
    .join('');

  const stancesInBucket = new Map<string, ChartMark[]>();
  for (const mark of chart.marks) stancesInBucket.set(mark.bucket, [...(stancesInBucket.get(mark.bucket) ?? []), mark]);
  const marks = chart.marks
    .map((mark) => {
      const single = mark.claim;
      // One claim sits on its day; several on the middle of their bucket.
      const cx = single ? x(single.saidOn.to) : xOfDay((dayNumber(mark.bucket) + dayNumber(bucketEnd(mark.bucket, chart.unit))) / 2);
      const cy = laneMiddle(mark.stance);
      const r = single ? g.markRadius : g.markRadius * GROUP_MARK_SCALE;
      const dropped = mark.dropped === mark.claims;
      const classes = ['claim', `stance-${mark.stance}`, ...(mark.changes > 0 ? ['is-change'] : []), ...(dropped ? ['is-dropped'] : []), ...(single ? [] : ['is-group'])].join(' ');
      const whisker = !single
        ? ''
        : single.saidOn.from === null
          ? `<line class="whisker whisker-open" x1="${n(cx - g.openWhisker)}" y1="${n(cy)}" x2="${n(cx)}" y2="${n(cy)}"/>`
          : single.saidOn.from !== single.saidOn.to
            ? `<line class="whisker" x1="${n(x(single.saidOn.from))}" y1="${n(cy)}" x2="${n(cx)}" y2="${n(cy)}"/>`
            : '';
      const ring = mark.changes > 0 ? `<circle class="change-ring stance-${mark.stance}" cx="${n(cx)}" cy="${n(cy)}" r="${n(r + CHANGE_RING_GAP)}"/>` : '';
      const count = !single && options.size === 'large' ? `<text class="mark-count" x="${n(cx)}" y="${n(cy)}" text-anchor="middle" dominant-baseline="central">${mark.claims > 99 ? '99+' : mark.claims}</text>` : '';
      const words = markWords(chart, mark, stancesInBucket.get(mark.bucket) ?? []);
      const href = options.links.actorClaimsFrom(options.watchId, options.actorId, mark.firstDay);
      return `<a class="claim-mark" href="${escapeHtml(href)}" aria-label="${escapeHtml(words)}"${single ? ` data-claim-id="${escapeHtml(single.claimId)}"` : ` data-claims="${mark.claims}"`}>${whisker}${ring}<circle class="${classes}" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}"/>${count}</a>`;
    })
    .join('');

  const empty = chart.claims === 0 ? `<text class="empty" x="${n((g.left + plotRight) / 2)}" y="${n(g.top + g.laneHeight * 1.5)}" text-anchor="middle" dominant-baseline="central">no claim yet</text>` : '';
  // A group, not an image: the marks inside are links, which an image's children cannot be.
  return (
    `<svg class="timeline timeline-${options.size}" viewBox="0 0 ${g.width} ${height}" role="group" aria-labelledby="${id}-title ${id}-desc" data-periods="${periods.length}" data-unit="${chart.unit}">` +
    `<title id="${id}-title">${escapeHtml(chart.name)}: stance over time</title>` +
    `<desc id="${id}-desc">${escapeHtml(describeTimeline(chart))}</desc>` +
    `<g class="lanes" aria-hidden="true">${lanes}</g><g class="axis-ticks" aria-hidden="true">${axis}</g><g class="segments" aria-hidden="true">${segments}</g><g class="changes" aria-hidden="true">${changes}</g><g class="claims">${marks}</g>${empty}</svg>`
  );
}

const UNIT_WORDS: Record<BucketUnit, (start: string) => string> = {
  day: (start) => `on ${humanDay(start)}`,
  week: (start) => `in the week of ${humanDay(start)}`,
  month: (start) => `in ${humanMonth(start)}`,
  quarter: (start) => `in the quarter from ${humanMonth(start)}`,
  year: (start) => `in ${start.slice(0, 4)}`,
};

/** A mark in words: the quote of one claim, or how many claims of which stances a bucket holds. */
function markWords(chart: ChartData, mark: ChartMark, bucket: readonly ChartMark[]): string {
  if (mark.claim) {
    const c = mark.claim;
    const status = mark.dropped > 0 ? ' (no longer counted)' : mark.changes > 0 ? ' (stance change)' : '';
    return `${saidOnText(c.saidOn)} · ${c.stance}${status}. ${c.speaker ?? chart.name}, in ${c.document?.outlet ?? 'an analyst’s entry'}: “${shorten(c.quote, 240)}”`;
  }
  const others = bucket.filter((m) => m !== mark).map((m) => `${m.claims} ${m.stance}`);
  const notes = [
    ...(mark.changes > 0 ? [`${mark.changes} changed the stance`] : []),
    ...(mark.dropped > 0 ? [`${mark.dropped} no longer counted`] : []),
  ];
  return `${mark.claims} ${mark.stance} claims ${UNIT_WORDS[chart.unit](mark.bucket)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}${others.length > 0 ? `; also ${others.join(', ')}` : ''}. Open the list of them.`;
}

/** The chart in words: the text alternative. */
export function describeTimeline(chart: ChartData): string {
  const periods = stancePeriods(chart);
  if (periods.length === 0) return `${chart.name} has no claim yet.`;
  const steps = periods.map((p) => `${p.stance} from ${humanDay(p.from)}${p.until === null ? ' (current)' : ''}`).join('; ');
  const dropped = chart.marks.reduce((sum, m) => sum + m.dropped, 0);
  const claims = `${chart.claims} claim${chart.claims === 1 ? '' : 's'}${dropped > 0 ? `, ${dropped} no longer counted` : ''}`;
  return `${chart.name}: no claim before ${humanDay(periods[0]!.from)}; ${steps}. ${claims}.`;
}

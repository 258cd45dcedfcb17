// One line per figure: readable by default, JSON lines with --json, so later benchmarks
// (extraction, projection, feeds) add figures in the same shape.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** What the figure must reach, as a ratio of the baseline or an absolute bound, for the report. */
  target?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  constructor(private readonly json: boolean) {}

  add(figure: Figure): void {
    if (figure.baseline !== undefined && figure.ratio === undefined) {
      figure.ratio = round(figure.value / figure.baseline, 3);
    }
    figure.value = round(figure.value, 2);
    if (figure.baseline !== undefined) figure.baseline = round(figure.baseline, 2);
    this.figures.push(figure);
    if (this.json) {
      const { target: _target, ...line } = figure;
      console.log(JSON.stringify(line));
    } else {
      const baseline = figure.baseline !== undefined ? `   baseline ${figure.baseline} ${figure.unit}   ratio ${figure.ratio}` : '';
      const target = figure.target ? `   (target ${figure.target})` : '';
      console.log(`${figure.name.padEnd(28)} ${String(figure.value).padStart(12)} ${figure.unit}${baseline}${target}`);
    }
  }

  note(text: string): void {
    if (!this.json) console.log(text);
    else console.error(text);
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

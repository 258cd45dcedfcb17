// Progress of a long command (export, replay) on one redrawn terminal line. Only a terminal gets
// it: in a pipe or a log file the redraws would be thousands of lines of noise, so there it
// writes nothing at all.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  label: string;
  /** How many events the run will handle, when known: adds the time left. */
  total: number | null;
  stream?: ProgressStream;
  /** Milliseconds; passed in so tests can drive the clock. */
  now?: () => number;
  /** Redraw at most this often: a redraw per page of a fast run would cost more than the run. */
  intervalMs?: number;
}

export interface Progress {
  advance(count: number): void;
  /** Prints the final line (with the elapsed time) and ends it. */
  done(): void;
}

const CLEAR_LINE = '\r\x1b[2K';
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return { advance: () => undefined, done: () => undefined };

  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 250;
  const startedAt = now();
  let lastDrawnAt = startedAt;
  let handled = 0;

  const counted = () =>
    options.total === null
      ? `${numbers.format(handled)} events`
      : `${numbers.format(handled)} / ${numbers.format(options.total)} events`;
  const perSecond = (elapsedMs: number) => (elapsedMs > 0 ? (handled * 1000) / elapsedMs : null);

  return {
    advance(count) {
      handled += count;
      const at = now();
      if (at - lastDrawnAt < intervalMs) return;
      lastDrawnAt = at;
      const rate = perSecond(at - startedAt);
      const parts = [counted()];
      if (rate !== null) parts.push(`${numbers.format(rate)} events/s`);
      if (rate && options.total !== null) {
        // Rounded up, so a run that is nearly finished never claims `0:00 left`.
        parts.push(`~${formatDuration(Math.ceil(Math.max(0, options.total - handled) / rate))} left`);
      }
      stream.write(`${CLEAR_LINE}${options.label}: ${parts.join(' · ')}`);
    },
    done() {
      const elapsedMs = now() - startedAt;
      const rate = perSecond(elapsedMs);
      const parts = [`${numbers.format(handled)} events`];
      if (rate !== null) parts.push(`${numbers.format(rate)} events/s`);
      parts.push(`done in ${formatDuration(Math.round(elapsedMs / 1000))}`);
      stream.write(`${CLEAR_LINE}${options.label}: ${parts.join(' · ')}\n`);
    },
  };
}

/** `0:21`, `12:05`, `1:02:03`. */
function formatDuration(wholeSeconds: number): string {
  const h = Math.floor(wholeSeconds / 3600);
  const m = Math.floor((wholeSeconds % 3600) / 60);
  const s = String(wholeSeconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

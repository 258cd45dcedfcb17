// HTTP load from wrk (Debian's `wrk`), an external load generator in C: a node client on the same
// two cores spends more CPU per request than the servers it measures, and then reports its own
// limit instead of theirs (a node generator had the feed at 1.1 of bare node; wrk, at 0.4).
// The bench installs wrk with apt-get when it is missing.
import { execFileSync, spawn } from 'node:child_process';

/** Makes sure `wrk` is on the PATH, installing Debian's package if need be. */
export function ensureWrk(): void {
  if (hasWrk()) return;
  const install = () => execFileSync('apt-get', ['install', '-y', '-q', 'wrk'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    install();
  }
  if (!hasWrk()) throw new Error('wrk is not installed and `apt-get install wrk` did not install it');
}

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its usage: it exists.
    return (error as { status?: number }).status === 1;
  }
}

export interface WrkRun {
  url: string;
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Latency percentiles in ms, from wrk's --latency distribution. */
  p50: number;
  p99: number;
  max: number;
  /** Responses whose status was not 2xx or 3xx, and connect/read/write/timeout errors. */
  badStatus: number;
  socketErrors: number;
}

/** One wrk run with a single thread (it needs less than a core here) and `connections` keep-alive connections. */
export async function runWrk({ url, connections, durationMs, headers = {} }: WrkRun): Promise<WrkResult> {
  const seconds = Math.max(1, Math.round(durationMs / 1000));
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return parseWrkOutput(await run('wrk', args));
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`wrk printed a duration it is not known to print: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

/** Reads wrk's summary (the --latency format of wrk 4). */
export function parseWrkOutput(output: string): WrkResult {
  const line = (pattern: RegExp) => pattern.exec(output);
  const total = line(/(\d+) requests in ([\d.]+)(us|ms|s|m|h)/);
  if (!total) throw new Error(`wrk printed no request count:\n${output}`);
  const requests = Number(total[1]);
  const seconds = durationMs(`${total[2]}${total[3]}`) / 1000;
  const percentile = (p: string) => {
    const found = line(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm'));
    if (!found) throw new Error(`wrk printed no ${p}% latency:\n${output}`);
    return durationMs(found[1]!);
  };
  const latency = line(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m);
  const bad = line(/Non-2xx or 3xx responses: (\d+)/);
  const socket = line(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50: percentile('50'),
    p99: percentile('99'),
    max: latency ? durationMs(latency[1]!) : NaN,
    badStatus: bad ? Number(bad[1]) : 0,
    socketErrors: socket ? socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

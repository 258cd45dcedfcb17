// Runs a pure, CPU-heavy function in a worker thread so that the event loop keeps serving HTTP
// while it works (a 10 MB feed takes 1.5 s to parse). One worker per function, started at the
// first call and stopped after IDLE_MS without one; it keeps the process alive only while a call
// waits for its answer, and it dies with the process.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { packageRoot } from './package-root.js';

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  /** Handed over before the answer (see serveOnThread): the caller can start on it while the worker goes on. */
  | { id: number; part: unknown };

/** A worker is stopped when it has had nothing to do for this long: its heap (a parsed 10 MB feed leaves 100 MB or more) is the process's memory until then, and feeds are polled minutes apart. */
const IDLE_MS = 10_000;

interface Running {
  worker: Worker;
  pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void; onPart?(part: unknown): void }>;
  idle: NodeJS.Timeout | null;
}

export class OffThread<A extends unknown[], R, P = never> {
  private running: Running | null = null;
  private nextId = 1;

  /** `script`: the worker module's URL beside the caller (`new URL('./x.worker.js', import.meta.url)`). */
  constructor(
    private readonly script: URL,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether a worker is up (it is stopped after `idleMs` without a call). */
  get started(): boolean {
    return this.running !== null;
  }

  /**
   * Starts the worker now when a call is about to follow, so that its start (loading the modules
   * it runs, about 0.1 s) overlaps what comes before the call. Unused, it stops after `idleMs`.
   */
  warmUp(): void {
    if (this.running) return;
    const running = this.start();
    running.idle = setTimeout(() => this.stop(running), this.idleMs).unref();
  }

  run(...args: A): Promise<R> {
    return this.call(args);
  }

  /** Like run, and each part the function hands over before it answers goes to `onPart` as it arrives. */
  runInParts(args: A, onPart: (part: P) => void): Promise<R> {
    return this.call(args, onPart as (part: unknown) => void);
  }

  private call(args: A, onPart?: (part: unknown) => void): Promise<R> {
    const running = this.running ?? this.start();
    if (running.idle) clearTimeout(running.idle);
    running.idle = null;
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      if (running.pending.size === 0) running.worker.ref();
      running.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onPart });
      running.worker.postMessage({ id, args, inParts: onPart !== undefined });
    });
  }

  private start(): Running {
    const worker = new Worker(compiledScript(this.script));
    const running: Running = { worker, pending: new Map(), idle: null };
    worker.on('message', (reply: Reply) => {
      if ('part' in reply) return running.pending.get(reply.id)?.onPart?.(reply.part);
      const waiting = running.pending.get(reply.id);
      running.pending.delete(reply.id);
      if (running.pending.size === 0) {
        worker.unref();
        running.idle = setTimeout(() => this.stop(running), this.idleMs).unref();
      }
      if (reply.ok) waiting?.resolve(reply.result);
      else waiting?.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      if (this.running === running) this.running = null; // the next call starts a new one
      for (const waiting of running.pending.values()) waiting.reject(error);
      running.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker ${this.script.pathname} exited (code ${code})`)));
    // After the listeners: adding a 'message' listener refs the worker's port again, and a port
    // left referenced kept every process that had parsed a feed from ever exiting on its own.
    worker.unref();
    this.running = running;
    return running;
  }

  /** Stops an idle worker; a call after it starts a new one. */
  private stop(running: Running): void {
    if (running.pending.size > 0) return;
    if (this.running === running) this.running = null;
    void running.worker.terminate();
  }
}

/**
 * The worker side: answers each call with `fn`'s result. A call made with runInParts also gets a
 * `handOver` function after its arguments, which sends a part of the answer at once.
 */
export function serveOnThread<A extends unknown[], R, P = never>(fn: (...args: [...A, handOver?: (part: P) => void]) => R | Promise<R>): void {
  const port = parentPort!;
  port.on('message', ({ id, args, inParts }: { id: number; args: A; inParts: boolean }) => {
    const handOver = inParts ? (part: P) => port.postMessage({ id, part } satisfies Reply) : undefined;
    Promise.resolve()
      .then(() => fn(...args, handOver))
      .then(
        (result) => port.postMessage({ id, ok: true, result } satisfies Reply),
        (error: unknown) => port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply),
      );
  });
}

/**
 * A worker runs compiled JavaScript: beside the caller in dist/, or, when the caller is a
 * TypeScript source under the tests (which build first), the same path under dist/.
 */
export function compiledScript(script: URL): string {
  const path = fileURLToPath(script);
  if (existsSync(path)) return path;
  const root = packageRoot();
  return join(root, 'dist', relative(root, path));
}

// Runs a pure, CPU-heavy function in a worker thread so that the event loop keeps serving HTTP
// while it works (a 10 MB feed takes 1.5 s to parse). One long-lived worker per function, started
// at the first call; it keeps the process alive only while a call waits for its answer, and it
// dies with the process.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { packageRoot } from '../database/migrations.js';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

export class OffThread<A extends unknown[], R> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: R): void; reject(error: Error): void }>();

  /** `script`: the worker module's URL beside the caller (`new URL('./x.worker.js', import.meta.url)`). */
  constructor(private readonly script: URL) {}

  run(...args: A): Promise<R> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, args });
    });
  }

  private start(): Worker {
    const worker = new Worker(compiledScript(this.script));
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting?.resolve(reply.result as R);
      else waiting?.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      this.worker = null; // the next call starts a new one
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker ${this.script.pathname} exited (code ${code})`)));
    // After the listeners: adding a 'message' listener refs the worker's port again, and a port
    // left referenced kept every process that had parsed a feed from ever exiting on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** The worker side: answers each call with `fn`'s result. */
export function serveOnThread<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>): void {
  const port = parentPort!;
  port.on('message', ({ id, args }: { id: number; args: A }) => {
    Promise.resolve()
      .then(() => fn(...args))
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

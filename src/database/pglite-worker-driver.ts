// A Kysely dialect for PGlite running in a worker thread. PGlite is Postgres compiled to
// WebAssembly: on the main thread every query is synchronous CPU work, and ingesting one large
// feed left /health unanswered for 25 s. In a worker the main thread only posts messages and
// waits, so HTTP keeps being served while the database works.
//
// Kysely hands out a connection per query or per transaction; each gets a session number, and
// the worker runs a session's queries inside that session's open transaction. PGlite has one
// connection, so a transaction excludes every other query until it ends, as it does on the main
// thread (a query from outside waits; it never runs inside someone else's transaction).
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { compiledScript } from '../common/off-thread.js';
import type { WorkerQueryResult, WorkerReply, WorkerRequest, WorkerStart } from './pglite-worker-protocol.js';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** The worker and the requests waiting for its answers. */
class PGliteWorker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the PGlite worker exited (code ${code})`)));
  }

  static async start(dataDir: string): Promise<PGliteWorker> {
    const worker = new Worker(compiledScript(new URL('./pglite-worker.js', import.meta.url)), { workerData: { dataDir } satisfies WorkerStart });
    const started = new PGliteWorker(worker);
    await new Promise<unknown>((resolve, reject) => started.pending.set(0, { resolve, reject }));
    return started;
  }

  call(request: RequestBody): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Closes PGlite (its files flushed), then ends the thread. */
  async close(): Promise<void> {
    if (this.exited) return;
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(Object.assign(new Error(String(reply.error.message)), reply.error));
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

class WorkerConnection implements DatabaseConnection {
  constructor(
    private readonly worker: PGliteWorker,
    readonly session: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = (await this.worker.call({
      op: 'query',
      session: this.session,
      sql: query.sql,
      params: query.parameters,
    })) as WorkerQueryResult;
    return { rows: rows as R[], numAffectedRows: affectedRows == null ? undefined : BigInt(affectedRows) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

class PGliteWorkerDriver implements Driver {
  private worker: PGliteWorker | null = null;
  private nextSession = 1;

  constructor(private readonly dataDir: string) {}

  async init(): Promise<void> {
    this.worker = await PGliteWorker.start(this.dataDir);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new WorkerConnection(this.worker!, this.nextSession++);
  }

  async beginTransaction(connection: WorkerConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) {
      throw new Error('PGlite runs one transaction at a time: isolation level and access mode do not apply');
    }
    await this.worker!.call({ op: 'begin', session: connection.session });
  }

  async commitTransaction(connection: WorkerConnection): Promise<void> {
    await this.worker!.call({ op: 'commit', session: connection.session });
  }

  async rollbackTransaction(connection: WorkerConnection): Promise<void> {
    await this.worker!.call({ op: 'rollback', session: connection.session });
  }

  async savepoint(connection: WorkerConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async rollbackToSavepoint(connection: WorkerConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
  }

  async releaseSavepoint(connection: WorkerConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  async releaseConnection(): Promise<void> {
    // A connection is only a session number; the worker forgets a session with its transaction.
  }

  async destroy(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}

/** PGlite in a worker thread, opened on `dataDir` (a folder, or `memory://`). */
export class PGliteWorkerDialect implements Dialect {
  constructor(private readonly dataDir: string) {}

  createAdapter() {
    return new PGliteAdapter();
  }

  createDriver(): Driver {
    return new PGliteWorkerDriver(this.dataDir);
  }

  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

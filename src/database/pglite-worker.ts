// The worker thread that owns an embedded PGlite database (see pglite-worker-driver.ts for why).
// It runs the queries the main thread sends, one message each, and keeps each open transaction
// apart: a query naming a session with an open transaction runs in that transaction, any other
// query waits on PGlite's own transaction lock, as a second connection to a server would.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest, WorkerStart } from './pglite-worker-protocol.js';

const port = parentPort!;
const { dataDir } = workerData as WorkerStart;

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  /** Settles when PGlite has committed or rolled back. */
  closed: Promise<void>;
}

const transactions = new Map<number, OpenTransaction>();

/** Thrown inside PGlite's transaction callback to make it roll back. */
class RollbackRequested extends Error {}

async function begin(session: number): Promise<void> {
  if (transactions.has(session)) throw new Error(`session ${session} already has an open transaction`);
  await new Promise<void>((begun, failedToBegin) => {
    let finish: (commit: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((resolve) => (finish = resolve));
    const closed = pglite
      .transaction(async (tx) => {
        transactions.set(session, { tx, finish, closed });
        begun();
        if (!(await decided)) throw new RollbackRequested();
      })
      .then(() => undefined);
    closed.catch(failedToBegin); // only matters if it fails before begun(); later callers await it
  });
}

async function end(session: number, commit: boolean): Promise<void> {
  const open = transactions.get(session);
  if (!open) throw new Error(`session ${session} has no open transaction`);
  open.finish(commit);
  try {
    await open.closed;
  } catch (error) {
    if (!(error instanceof RollbackRequested)) throw error;
  } finally {
    transactions.delete(session);
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const target = (request.session !== undefined && transactions.get(request.session)?.tx) || pglite;
      const { rows, affectedRows } = await target.query(request.sql, [...request.params], { rowMode: 'object' });
      return { rows, affectedRows };
    }
    case 'begin':
      return begin(request.session);
    case 'commit':
      return end(request.session, true);
    case 'rollback':
      return end(request.session, false);
    case 'close':
      // Flushes the data folder; the main thread ends the worker once this answers.
      if (!pglite.closed) await pglite.close();
      return undefined;
  }
}

/** What survives postMessage of a PGlite error: its message and Postgres's fields (code, detail…). */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

let pglite: PGlite;
try {
  pglite = await PGlite.create(dataDir);
  port.postMessage({ id: 0, ok: true } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: serializeError(error) } satisfies WorkerReply);
  process.exit(1);
}

port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) } satisfies WorkerReply),
  );
});

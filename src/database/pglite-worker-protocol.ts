// The messages between the main thread and the PGlite worker (pglite-worker.ts).

export interface WorkerStart {
  dataDir: string;
}

/** `session` is the Kysely connection that sent it: a transaction belongs to one session. */
export type WorkerRequest =
  | { id: number; op: 'query'; session?: number; sql: string; params: readonly unknown[] }
  | { id: number; op: 'begin' | 'commit' | 'rollback'; session: number }
  | { id: number; op: 'close' };

/** Id 0 answers the start: PGlite is open (or failed to open). */
export type WorkerReply =
  | { id: number; ok: true; result?: unknown }
  | { id: number; ok: false; error: Record<string, unknown> };

export interface WorkerQueryResult {
  rows: Record<string, unknown>[];
  affectedRows?: number;
}

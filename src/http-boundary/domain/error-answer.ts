// What an error becomes on the wire: its status, a message for the client, and for an
// unreachable database a Retry-After. Nest's HttpExceptions keep their own status; errors from the
// database driver are sorted by what they mean for the client. Pure.

export interface ErrorAnswer {
  status: number;
  /** Safe to show: never a stack, a query or a connection string. */
  message: string;
  /** Seconds, for a 503. */
  retryAfterSeconds?: number;
}

/** A client may try again this long after a 503: about one reconnect of the pool. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNREACHABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLSTATE: 08 connection exception; 57P01-57P03 shutdown or not yet started; 53300 too many connections.
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /is not currently accepting connections/i, // ALTER DATABASE ... ALLOW_CONNECTIONS false
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /PGlite is closed/i,
  /driver has already been destroyed/i, // Kysely after close(): a request that arrived during shutdown
  /database did not answer/i,
];

/** True when the error says the database could not be reached, not that the request was wrong. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_NODE_CODES.has(code) || UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnreachable)) return true;
  return UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * SQLSTATE class 22 (data exception: a value the column type refuses) and 54000 (a value too
 * large for an index): the input was wrong, whatever reader let it through.
 */
function isRefusedValue(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(code);
}

/** For an error that is not an HttpException. */
export function answerForError(error: unknown): ErrorAnswer {
  if (isDatabaseUnreachable(error)) {
    return { status: 503, message: 'the database is unreachable; try again shortly', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  }
  if (isRefusedValue(error)) return { status: 400, message: 'a value in the request cannot be stored or compared (out of range or not valid text)' };
  return { status: 500, message: 'internal error' };
}

// One access-log line per finished request. Only the path is logged: a query string may carry
// what does not belong in logs (tokens in links, personal search terms).

export interface FinishedRequest {
  reqId: string;
  method: string;
  /** The request target without its query string. */
  path: string;
  /** The status sent, or null when the connection closed before any response. */
  status: number | null;
  durationMs: number;
  /** Bytes written to the connection for this response, headers included. */
  bytes: number;
  /** False when the connection closed before the whole response was sent. */
  completed: boolean;
}

export function requestPath(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** Server errors are errors; everything else only at LOG_LEVEL=debug, so `npm start` stays quiet. */
export function accessLogLevel(request: Pick<FinishedRequest, 'status'>): 'error' | 'debug' {
  return request.status !== null && request.status >= 500 ? 'error' : 'debug';
}

export function accessLogLine(request: FinishedRequest): { message: string; fields: Record<string, unknown> } {
  const { reqId, method, path, status, bytes, completed } = request;
  const durationMs = Math.round(request.durationMs * 10) / 10;
  return {
    message: `${method} ${path} ${status ?? '-'} ${durationMs} ms${completed ? '' : ' (closed early)'}`,
    fields: { reqId, method, path, status, durationMs, bytes, ...(completed ? {} : { closedEarly: true }) },
  };
}

// Wraps the server's request listener (node:http level, so it covers the feed handler that runs
// ahead of Express as well as Express): each request runs under its request id, which the
// response echoes in X-Request-Id, and is reported once its connection is done with it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { requestPath, type FinishedRequest } from './domain/access-log.js';
import { acceptedRequestId, REQUEST_ID_HEADER } from './domain/request-id.js';
import { runInRequest } from './request-context.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Answers a request synchronously when it can, sending `extraHeaders` (the request id) with it;
 * false leaves the request to the listener. Nothing it runs may log: it runs outside the request's
 * context.
 */
export type AnswerAtOnce = (req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[]) => boolean;

export function traceRequests(
  listener: RequestListener,
  onFinished: (request: FinishedRequest) => void,
  answerAtOnce: AnswerAtOnce = () => false,
): RequestListener {
  return (req, res) => {
    const reqId = acceptedRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    const started = performance.now();
    const socket = req.socket;
    const bytesBefore = socket.bytesWritten;
    // 'close' comes after 'finish' for a complete response, and alone for one cut short (a
    // client gone, an event stream ended by its reader).
    res.once('close', () =>
      onFinished({
        reqId,
        method: req.method ?? '',
        path: requestPath(req.url),
        status: res.headersSent ? res.statusCode : null,
        durationMs: performance.now() - started,
        bytes: socket.bytesWritten - bytesBefore,
        completed: res.writableFinished,
      }),
    );
    // The request context (AsyncLocalStorage) is what costs most on a cached feed hit: on Node 20
    // it turns on promise hooks. An answer that is sent at once needs none.
    if (answerAtOnce(req, res, [REQUEST_ID_HEADER, reqId])) return;
    res.setHeader(REQUEST_ID_HEADER, reqId);
    runInRequest(reqId, () => listener(req, res));
  };
}

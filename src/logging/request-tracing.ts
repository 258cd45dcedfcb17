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

export function traceRequests(listener: RequestListener, onFinished: (request: FinishedRequest) => void): RequestListener {
  return (req, res) => {
    const reqId = acceptedRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    res.setHeader(REQUEST_ID_HEADER, reqId);
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
    runInRequest(reqId, () => listener(req, res));
  };
}

import { describe, expect, it } from '@jest/globals';
import { accessLogLevel, accessLogLine, requestPath, type FinishedRequest } from './access-log.js';

const request: FinishedRequest = { reqId: 'r-1', method: 'GET', path: '/api/watches', status: 200, durationMs: 12.345, bytes: 512, completed: true };

describe('the access log', () => {
  it('keeps the path and drops the query string', () => {
    expect(requestPath('/feeds/changes.atom?before=40&token=secret')).toBe('/feeds/changes.atom');
    expect(requestPath('/api/watches')).toBe('/api/watches');
    expect(requestPath(undefined)).toBe('/');
  });

  it('logs server errors as errors and the rest at debug', () => {
    expect(accessLogLevel({ status: 500 })).toBe('error');
    expect(accessLogLevel({ status: 503 })).toBe('error');
    for (const status of [200, 204, 304, 401, 404, 429, null]) expect(accessLogLevel({ status })).toBe('debug');
  });

  it('says method, path, status, duration and bytes, and whether the response was cut short', () => {
    expect(accessLogLine(request)).toEqual({
      message: 'GET /api/watches 200 12.3 ms',
      fields: { reqId: 'r-1', method: 'GET', path: '/api/watches', status: 200, durationMs: 12.3, bytes: 512 },
    });
    const cut = accessLogLine({ ...request, status: null, completed: false });
    expect(cut.message).toBe('GET /api/watches - 12.3 ms (closed early)');
    expect(cut.fields).toMatchObject({ status: null, closedEarly: true });
  });
});

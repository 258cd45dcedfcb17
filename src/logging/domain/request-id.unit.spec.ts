import { describe, expect, it } from '@jest/globals';
import { acceptedRequestId } from './request-id.js';

describe('the request id a caller sends', () => {
  it('is kept when it is one token of safe characters', () => {
    for (const id of ['abc-123', '9f1c2a7e-5b0d-4c3e-8f6a-1d2e3f4a5b6c', 'Root=1-67891233-abcdef012345678912345678', 'trace:span.1_2', 'YWJj+/==']) {
      expect(acceptedRequestId(id)).toBe(id);
    }
    expect(acceptedRequestId('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('is refused when it could break a header or a log line, or is too long', () => {
    for (const id of ['', ' abc', 'abc 123', 'abc\r\nX-Injected: 1', 'a"b', 'a\\b', '<script>', 'ünïcode', '-leading-dash', 'a'.repeat(129), 'a,b']) {
      expect([id, acceptedRequestId(id)]).toEqual([id, null]);
    }
    expect(acceptedRequestId(undefined)).toBeNull();
    expect(acceptedRequestId(['abc', 'def'])).toBeNull();
  });
});

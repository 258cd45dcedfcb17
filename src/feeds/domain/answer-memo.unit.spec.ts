import { describe, expect, it } from '@jest/globals';
import { AnswerMemo, MEMOIZED_ANSWERS, type AnswerKey } from './answer-memo.js';

const key = (over: Partial<AnswerKey> = {}): AnswerKey => ({
  url: '/feeds/changes.atom',
  acceptEncoding: undefined,
  ifNoneMatch: undefined,
  ifModifiedSince: undefined,
  ...over,
});

describe('AnswerMemo', () => {
  it('gives back an answer only for exactly the same request, headers flattened with the body length', () => {
    const memo = new AnswerMemo();
    const body = Buffer.from('<feed/>');
    memo.set(key(), 200, { etag: '"p1-a"', 'content-type': 'application/atom+xml' }, body);
    expect(memo.get(key())).toEqual({ status: 200, headers: ['etag', '"p1-a"', 'content-type', 'application/atom+xml', 'content-length', String(body.length)], body });
    expect(memo.get(key({ url: '/feeds/changes.json' }))).toBeUndefined();
    expect(memo.get(key({ acceptEncoding: 'gzip' }))).toBeUndefined();
    expect(memo.get(key({ ifNoneMatch: '"p1-a"' }))).toBeUndefined();
    expect(memo.get(key({ ifModifiedSince: 'Tue, 01 Oct 2024 00:00:00 GMT' }))).toBeUndefined();
  });

  it('tells an empty header from an absent one (an empty If-None-Match hides If-Modified-Since)', () => {
    const memo = new AnswerMemo();
    const since = 'Tue, 01 Oct 2024 00:00:00 GMT';
    memo.set(key({ ifModifiedSince: since }), 304, { etag: '"p1-a"' }, null);
    expect(memo.get(key({ ifNoneMatch: '', ifModifiedSince: since }))).toBeUndefined();
    expect(memo.get(key({ ifModifiedSince: since }))?.status).toBe(304);
  });

  it('keeps 304s without a content length, and never grows past its bound', () => {
    const memo = new AnswerMemo();
    expect(memo.set(key({ ifNoneMatch: '"x"' }), 304, { etag: '"x"' }, null).headers).toEqual(['etag', '"x"']);
    for (let i = 0; i < MEMOIZED_ANSWERS * 2; i++) memo.set(key({ url: `/feeds/changes.atom?junk=${i}` }), 200, {}, Buffer.alloc(1));
    expect(memo.size).toBeLessThanOrEqual(MEMOIZED_ANSWERS);
    memo.clear();
    expect(memo.size).toBe(0);
  });
});

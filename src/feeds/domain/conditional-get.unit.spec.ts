import { describe, expect, it } from '@jest/globals';
import { acceptsGzip, etagOf, isNotModified } from './conditional-get.js';

const validators = { position: 42, lastModified: new Date('2026-01-02T03:04:05.678Z') };

describe('conditional GET', () => {
  it('makes a strong ETag of the position, the settings digest and the content coding', () => {
    expect(etagOf(validators, 'abc', false)).toBe('"p42-abc"');
    expect(etagOf(validators, 'abc', true)).toBe('"p42-abc-gz"');
    expect(etagOf({ ...validators, position: 43 }, 'abc', false)).not.toBe(etagOf(validators, 'abc', false));
  });

  it('matches If-None-Match by weak comparison, in a list, with * and across content codings', () => {
    const etag = '"p42-abc"';
    expect(isNotModified({ ifNoneMatch: '"p42-abc"' }, etag, validators.lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: 'W/"p42-abc"' }, etag, validators.lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"x", "p42-abc-gz"' }, etag, validators.lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, validators.lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"p41-abc"' }, etag, validators.lastModified)).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"p42-abd"' }, etag, validators.lastModified)).toBe(false);
  });

  it('uses If-Modified-Since only without If-None-Match, at whole seconds', () => {
    const etag = '"p42-abc"';
    const httpDate = validators.lastModified.toUTCString(); // drops the milliseconds
    expect(isNotModified({ ifModifiedSince: httpDate }, etag, validators.lastModified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Fri, 02 Jan 2026 03:04:04 GMT' }, etag, validators.lastModified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, validators.lastModified)).toBe(false);
    // A stale ETag wins over a date that would say "not modified".
    expect(isNotModified({ ifNoneMatch: '"p1-abc"', ifModifiedSince: httpDate }, etag, validators.lastModified)).toBe(false);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

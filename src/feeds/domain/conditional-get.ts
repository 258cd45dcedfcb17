// Conditional GET for feeds (RFC 9110 §13): a strong ETag from the newest log position behind the
// feed, Last-Modified from when the log recorded it, and the 304 decision. Feed readers re-poll
// every few minutes; a 304 costs them and us almost nothing. Pure.

export interface Validators {
  /** The newest log position behind the feed: nothing it shows can change without it growing. */
  position: number;
  /** When the log recorded that position (the epoch for an empty feed). */
  lastModified: Date;
}

/**
 * Strong ETag: the position, a digest of everything else the bytes depend on (configuration,
 * page, format version), and the content coding: gzip bytes are another representation.
 */
export function etagOf(validators: Validators, digest: string, gzip: boolean): string {
  return `"p${validators.position}-${digest}${gzip ? '-gz' : ''}"`;
}

export interface ConditionalHeaders {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/**
 * True when the client's copy is current. If-None-Match wins over If-Modified-Since (RFC 9110
 * §13.2.2); its comparison is weak, and a tag of the other content coding names the same content,
 * so a client that switches Accept-Encoding is not sent the feed again.
 */
export function isNotModified(headers: ConditionalHeaders, etag: string, lastModified: Date): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const mine = opaque(etag);
    return headers.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag.trim()) === mine);
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    // HTTP dates have whole seconds: compare at that precision.
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

function opaque(tag: string): string {
  return tag.replace(/^W\//, '').replace(/-gz"$/, '"');
}

/** Whether Accept-Encoding allows gzip (a `q=0` refuses it; `*` allows it). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') gzip = weight;
    if (coding.trim() === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

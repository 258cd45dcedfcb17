// The feeds' answers as they were last sent, by request, for one projection position: a reader
// asking the same thing again gets the same status, headers and bytes at once, with no promise and
// no query. Feed readers poll the same few URLs with the same validators, so a handful of entries
// serve nearly every request. Pure: the caller clears it when the projection moves.

/** What decides a feed's answer, besides the data: the URL and the headers it depends on, as sent. */
export interface AnswerKey {
  url: string;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

export interface MemoizedAnswer {
  status: 200 | 304;
  /** Flat [name, value, …] with content-length: what writeHead takes fastest. */
  headers: string[];
  body: Buffer | null;
}

/** Bounded: a client that varies its validators or query strings cannot grow it past this. */
export const MEMOIZED_ANSWERS = 1024;

export class AnswerMemo {
  private readonly answers = new Map<string, MemoizedAnswer>();

  get size(): number {
    return this.answers.size;
  }

  get(key: AnswerKey): MemoizedAnswer | undefined {
    return this.answers.get(keyOf(key));
  }

  /** `always`: flat [name, value, …] headers every answer at this address carries (the security headers). */
  set(key: AnswerKey, status: 200 | 304, headers: Record<string, string>, body: Buffer | null, always: readonly string[] = []): MemoizedAnswer {
    const flat: string[] = [...always];
    for (const [name, value] of Object.entries(headers)) flat.push(name, value);
    if (body) flat.push('content-length', String(body.length));
    const answer = { status, headers: flat, body };
    if (this.answers.size >= MEMOIZED_ANSWERS) this.answers.clear();
    this.answers.set(keyOf(key), answer);
    return answer;
  }

  clear(): void {
    this.answers.clear();
  }
}

function keyOf({ url, acceptEncoding, ifNoneMatch, ifModifiedSince }: AnswerKey): string {
  // Newlines cannot occur in a request target or a header value: the parts cannot run together.
  // An empty If-None-Match is not an absent one (it hides If-Modified-Since): they differ here too.
  return `${url}\n${header(acceptEncoding)}\n${header(ifNoneMatch)}\n${header(ifModifiedSince)}`;
}

function header(value: string | undefined): string {
  return value === undefined ? '-' : `=${value}`;
}

// A request's id: the caller's X-Request-Id when it is a sane token (a proxy or a client that
// traces its own calls), else one of ours. It goes into every log line and back in the response,
// so an id that could break a header or a log line, or fill either, is replaced, not trusted.

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}$/;

/** The caller's id when it is one token of at most 128 safe characters; null otherwise. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : null;
}

// A source's location as anyone but the poller may see it: a feed URL can carry credentials
// (`https://user:password@host/feed?api_key=...`), and /api/sources, /sources, the logs and
// error texts are read by people who must not get them. The full location stays in the sources
// table, for the poller only. Pure.

const REDACTED = '***';

/**
 * Query parameter names that carry secrets: key, api_key, apikey, token, access_token, secret,
 * client_secret, password, passwd, pwd, sig, signature, auth, authorization, credentials,
 * session, sid, ... compared without case, `-` or `_`.
 */
const SECRET_NAME = /(key|token|secret|passw(or)?d|pwd|pass|sig|signature|auth|authorization|credentials?|session|sessionid|sid|jwt|bearer|hash|hmac|otp|code)$/;
const SECRET_ANYWHERE = /(token|secret|password|apikey|credential)/;

export function isSecretParameter(name: string): boolean {
  const plain = name.toLowerCase().replace(/[-_.\s[\]]/g, '');
  return SECRET_NAME.test(plain) || SECRET_ANYWHERE.test(plain);
}

/**
 * The location with its user name and password replaced, and the values of secret-looking
 * query parameters replaced, by `***`. Anything that is not an http(s) URL (a fixture folder)
 * is returned as it is.
 */
export function redactLocation(location: string): string {
  if (!/^https?:\/\//i.test(location)) return location;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return redactUnparsable(location);
  }
  if (url.username) url.username = REDACTED;
  if (url.password) url.password = REDACTED;
  if (url.search) {
    const params = [...url.searchParams].map(([name, value]) => [name, isSecretParameter(name) ? REDACTED : value] as [string, string]);
    url.search = new URLSearchParams(params).toString();
  }
  // A fragment never reaches the server but may still hold a token (OAuth implicit flows).
  if (url.hash) url.hash = REDACTED;
  return url.toString();
}

/** A malformed address (quoted in an error) is still redacted, by its shape alone. */
function redactUnparsable(location: string): string {
  return location
    .replace(/^(https?:\/\/)[^/?#]*@/i, `$1${REDACTED}@`)
    .replace(/([?&;])([^=&;#]+)=([^&;#]*)/g, (whole, separator: string, name: string) => (isSecretParameter(name) ? `${separator}${name}=${REDACTED}` : whole));
}

/** Free text (an error message, a status line) with every http(s) URL in it redacted. */
export function redactLocationsIn(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>`]+/gi, (url) => {
    // A sentence's closing punctuation is not part of the URL.
    const trailing = /[).,;:!?]+$/.exec(url)?.[0] ?? '';
    return redactLocation(url.slice(0, url.length - trailing.length)) + trailing;
  });
}

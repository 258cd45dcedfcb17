const WEB_PROTOCOLS = new Set(['http:', 'https:']);

// Parameters that only say how a reader arrived (campaign and click trackers), never which page.
const TRACKING_PARAMETER = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;

function parseWebUrl(reference: string, base?: string | null): URL | null {
  // An empty reference resolves to the base itself, which is never the link a feed meant.
  if (reference.trim() === '') return null;
  try {
    const url = new URL(reference.trim(), base ?? undefined);
    return WEB_PROTOCOLS.has(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * An absolute http(s) URL for a link as a feed wrote it, resolved against `base` (the feed's
 * URL or its xml:base); null for a blank reference and for anything but http(s), so
 * `javascript:` and `mailto:` never become article links.
 */
export function resolveWebUrl(reference: string, base?: string | null): string | null {
  return parseWebUrl(reference, base)?.href ?? null;
}

/**
 * The form of an article URL used to recognise the same article reached by different links:
 * lower-case host without a trailing dot, no default port, no credentials, no fragment, no
 * tracking parameters, and the query sorted by parameter name (stable, so repeated names keep
 * their order). Parameters are kept as encoded: `a=b%20c` stays, it is not rewritten to `a=b+c`.
 * Null when the input is not an absolute http(s) URL.
 */
export function canonicalizeUrl(url: string): string | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  parsed.hostname = parsed.hostname.replace(/\.$/, '');
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const parameters = parsed.search
    .slice(1)
    .split('&')
    .filter((parameter) => parameter !== '' && !TRACKING_PARAMETER.test(parameterName(parameter)))
    .sort((left, right) => compareStrings(parameterName(left), parameterName(right)));
  parsed.search = parameters.join('&');
  return parsed.href;
}

function parameterName(parameter: string): string {
  const name = parameter.split('=', 1)[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a stray `%` is still a name we can compare
  }
}

function compareStrings(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

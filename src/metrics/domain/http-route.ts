// The route label of the HTTP metrics: the template a path belongs to, never the path itself,
// so that ids in paths (and scanners' junk) cannot grow the number of time series without bound.

/** Every route the service answers; `:name` is one path segment (`:actor.atom`: one ending in .atom). */
export const ROUTE_TEMPLATES: readonly string[] = [
  '/',
  '/health',
  '/metrics',
  '/sources',
  '/watches/:watch/actors/:actor',
  '/assets/:name',
  '/documents/:id',
  '/feeds/changes.atom',
  '/feeds/changes.json',
  '/feeds/watches/:watch/changes.atom',
  '/feeds/watches/:watch/changes.json',
  '/feeds/watches/:watch/claims.atom',
  '/feeds/watches/:watch/claims.json',
  '/feeds/watches/:watch/actors/:actor.atom',
  '/feeds/watches/:watch/actors/:actor.json',
  '/api/docs',
  '/api/docs-json',
  '/api/docs/:asset',
  '/api/watches',
  '/api/watches/:watch/stances',
  '/api/watches/:watch/actors/:actor/history',
  '/api/watches/:watch/actors/:actor/why',
  '/api/documents/:id',
  '/api/sources',
  '/api/stream',
  '/api/admin/sources',
  '/api/admin/sources/:id',
  '/api/admin/sources/:id/pause',
  '/api/admin/sources/:id/resume',
  '/api/admin/claims',
  '/api/admin/claims/:id/reject',
  '/api/admin/webhooks',
  '/api/admin/webhooks/:id',
  '/api/admin/webhooks/:id/deliveries',
  '/api/admin/webhooks/:id/deliveries/:alertId/retry',
];

export const OTHER_ROUTE = 'other';

const MATCHERS = ROUTE_TEMPLATES.map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`),
}));

/** Paths seen lately and their templates: readers poll the same few feed paths thousands of times. */
const KNOWN_PATHS = new Map<string, string>();
const KNOWN_PATHS_LIMIT = 4096;

/** The template of a request path (without its query string); `other` for any path not listed. */
export function routeTemplate(path: string): string {
  let template = KNOWN_PATHS.get(path);
  if (template === undefined) {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    template = MATCHERS.find(({ pattern }) => pattern.test(trimmed))?.template ?? OTHER_ROUTE;
    // Scanners send endless distinct paths: start over rather than grow.
    if (KNOWN_PATHS.size >= KNOWN_PATHS_LIMIT) KNOWN_PATHS.clear();
    KNOWN_PATHS.set(path, template);
  }
  return template;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The method label: the standard methods, `other` for the rest (a client may send any token). */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : OTHER_ROUTE;
}

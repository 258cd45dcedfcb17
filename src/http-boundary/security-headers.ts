// The headers every response carries, set at the node:http level before anything else answers
// (the feeds ahead of Express included), as precomputed values: a few setHeader calls per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_DOCS_PATH } from '../api-docs/api-docs.js';

/**
 * Scripts and styles only from this service's own files, never inline: article text that slipped
 * through escaping still could not run. Fetch and EventSource go to this origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI at /api/docs: its scripts and stylesheets are files of this service too, but it
 * sets inline styles on its elements and shows data: images and fonts; its "try it out" fetches
 * this origin.
 */
export const API_DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const API_DOCS_PREFIX = `/${API_DOCS_PATH}`;

const PAGE_HEADERS: readonly string[] = [
  'Content-Security-Policy',
  CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options',
  'nosniff',
  'Referrer-Policy',
  'strict-origin-when-cross-origin',
];
const API_DOCS_HEADERS: readonly string[] = ['Content-Security-Policy', API_DOCS_CONTENT_SECURITY_POLICY, ...PAGE_HEADERS.slice(2)];

/** The security headers of a request target, as a flat [name, value, …] list (what writeHead takes). */
export function securityHeaders(url: string): readonly string[] {
  const apiDocs = url.startsWith(API_DOCS_PREFIX) && (url.length === API_DOCS_PREFIX.length || url[API_DOCS_PREFIX.length] === '/' || url[API_DOCS_PREFIX.length] === '?');
  return apiDocs ? API_DOCS_HEADERS : PAGE_HEADERS;
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const headers = securityHeaders(req.url ?? '/');
  for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
}

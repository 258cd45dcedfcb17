// The OpenAPI 3 description of the HTTP API, served at /api/docs-json, and Swagger UI at /api/docs
// from the installed swagger-ui-dist (no CDN: it works offline). The document is built from the
// controllers' decorators; the feeds, answered by FeedsHttpHandler ahead of Nest, are added here.
// HTML pages and /metrics are not part of the API: only /api/* and /health are described.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type PathsObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { API_SCHEMAS, schemaRef } from './api-schemas.js';
import { packageRoot } from '../common/package-root.js';
import { ADMIN_AUTH } from './api-docs.decorators.js';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_JSON_PATH = 'api/docs-json';

/** Serves the document and the UI. Call before `app.init()`: routes added later sit behind Nest's 404 handler. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup(API_DOCS_PATH, app, () => apiDocument(app), {
    jsonDocumentUrl: API_DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'stance monitor API',
    // The document is inlined in the page; nothing is sent to the public validator.
    swaggerOptions: { validatorUrl: null },
  });
}

export function apiDocument(app: INestApplication): OpenAPIObject {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  const config = new DocumentBuilder()
    .setTitle('stance monitor')
    .setDescription(
      'What each party says about a contested fact (deny, neither, confirm), every claim an event in an append-only log. ' +
        'Stances can be asked now, as of a valid day (`as_of`), or as this service knew them (`known_at`, `known_at_position`). ' +
        'Stance changes are published as feeds, a live Server-Sent Events stream and webhooks. ' +
        '`/api/admin/*` needs the bearer token ADMIN_TOKEN and is rate limited per client address (ADMIN_RATE_LIMIT).',
    )
    .setVersion(version)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'ADMIN_TOKEN', description: 'the ADMIN_TOKEN of the service, for /api/admin/*' }, ADMIN_AUTH)
    .build();
  // Tags are given per route, by what it is about ("stances", "corrections"), not by controller.
  const scanned = SwaggerModule.createDocument(app, config, { autoTagControllers: false });
  const apiPaths = Object.fromEntries(Object.entries(scanned.paths).filter(([path]) => isApiPath(path)));
  const paths: PathsObject = { ...apiPaths, ...feedPaths() };
  for (const item of Object.values(paths)) {
    for (const operation of operationsOf(item)) {
      // Public unless a route says otherwise: stated, so that a reader (and a linter) need not guess.
      operation.security ??= [];
      operation.responses['503'] ??= DATABASE_UNAVAILABLE;
    }
  }
  return {
    ...scanned,
    // Relative: the document describes the service it is fetched from, whatever its address.
    servers: [{ url: '/', description: 'this service' }],
    paths,
    components: { ...scanned.components, schemas: { ...scanned.components?.schemas, ...API_SCHEMAS } },
  };
}

const DATABASE_UNAVAILABLE: ResponseObject = {
  description: 'the database cannot be reached now; try again after Retry-After seconds',
  headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer', minimum: 1 } } },
  content: { 'application/json': { schema: schemaRef('Error') } },
};

function operationsOf(item: PathItemObject): OperationObject[] {
  return (['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const).flatMap((method) => (item[method] ? [item[method]] : []));
}

function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/health';
}

/** The feeds, each in Atom and JSON Feed (see src/feeds/domain/feed-request.ts for the routes). */
function feedPaths(): PathsObject {
  const watch: ParameterObject = { name: 'watch', in: 'path', required: true, description: 'a watch id', schema: { type: 'string', example: 'dprk-troops-russia' } };
  const actor: ParameterObject = { name: 'actor', in: 'path', required: true, description: 'an actor id of the watch', schema: { type: 'string', example: 'russia' } };
  const feeds: { path: string; name: string; summary: string; parameters: ParameterObject[] }[] = [
    { path: '/feeds/changes', name: 'changes', summary: 'Every stance change, all watches', parameters: [] },
    { path: '/feeds/watches/{watch}/changes', name: 'watchChanges', summary: "One watch's stance changes", parameters: [watch] },
    { path: '/feeds/watches/{watch}/actors/{actor}', name: 'actorChanges', summary: "One actor's stance changes", parameters: [watch, actor] },
    { path: '/feeds/watches/{watch}/claims', name: 'watchClaims', summary: 'Every claim recorded for a watch, marked when rejected or superseded', parameters: [watch] },
  ];
  const formats = [
    { extension: 'atom', name: 'Atom 1.0', mediaType: 'application/atom+xml', schema: { type: 'string', description: 'an Atom 1.0 document (RFC 4287)' } },
    { extension: 'json', name: 'JSON Feed 1.1', mediaType: 'application/feed+json', schema: schemaRef('JsonFeed') },
  ];
  const paths: PathsObject = {};
  for (const feed of feeds) {
    for (const format of formats) {
      const get: OperationObject = {
        tags: ['feeds'],
        operationId: `feeds_${feed.name}_${format.extension}`,
        summary: `${feed.summary} (${format.name})`,
        description:
          'The newest FEED_PAGE_SIZE entries in announcement order (corrections and withdrawals are new entries), then fixed RFC 5005 archive pages (`rel="prev-archive"`, JSON Feed `next_url`). ' +
          'Conditional GET with the strong ETag (the newest log position behind the feed) or Last-Modified answers 304; ' +
          'gzip when accepted. Also answers HEAD.',
        parameters: [
          ...feed.parameters,
          { name: 'page', in: 'query', required: false, description: 'an RFC 5005 archive page, numbered from the feed\'s first entries (fixed and immutable once full; a page not yet full is a 404)', schema: { type: 'integer', minimum: 1 } },
          { name: 'If-None-Match', in: 'header', required: false, description: 'an ETag from an earlier answer', schema: { type: 'string' } },
          { name: 'If-Modified-Since', in: 'header', required: false, description: 'a Last-Modified from an earlier answer', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: `the feed, ${format.name}`,
            headers: {
              ETag: { schema: { type: 'string' } },
              'Last-Modified': { schema: { type: 'string' } },
              'Cache-Control': { schema: { type: 'string' } },
            },
            content: { [format.mediaType]: { schema: format.schema } },
          },
          '304': { description: 'not modified since the ETag or date given' },
          '400': { description: 'a malformed `page`', content: { 'text/plain': { schema: { type: 'string' } } } },
          '404': { description: 'no such watch, actor or feed', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      };
      paths[`${feed.path}.${format.extension}`] = { get };
    }
  }
  return paths;
}

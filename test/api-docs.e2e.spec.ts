// The OpenAPI description as a client fetches it from the built service: every API route the
// application registers is in it with its method (the list read from the Express router of the
// same application, built in this process), admin routes need the bearer token, the documented
// feed paths answer with the documented media types, a documented request body example is
// accepted, and Swagger UI loads its assets from the service itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/config.js';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string; schema?: { example?: unknown }; example?: unknown }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}
interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  example?: unknown;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

/** `GET /api/watches/{watch}` for each route of the Express router: what the application serves. */
function registeredRoutes(app: INestApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`) : [],
  );
}

function documentedRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
}

/** A body made of the schema's examples (the first alternative of a oneOf). */
function exampleOf(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.oneOf) return exampleOf(schema.oneOf[0]!);
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(property)]));
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('API documentation on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let service: Awaited<ReturnType<typeof startService>>;
  let routes: string[];
  let doc: OpenApiDocument;

  beforeAll(async () => {
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    else dataDir = await mkdtemp(join(tmpdir(), 'api-docs-e2e-'));
    const env = { ADMIN_TOKEN, ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir! }) };
    service = await startService(env);
    // The same application in this process, to list the routes it registers (on PGlite, in a
    // database of its own: the service holds its folder).
    const config = loadConfig({ ...env, FIXTURES_DIR: 'off' });
    const app = await NestFactory.create(AppModule.forRoot(database ? config : { ...config, dataDir: 'memory://' }), { logger: false });
    try {
      await app.init();
      routes = registeredRoutes(app);
    } finally {
      await app.close();
    }
    const res = await fetch(`${service.url}/api/docs-json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await res.json()) as OpenApiDocument;
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('describes every API route the application registers, and nothing else but the feeds', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const api = routes.filter((r) => / \/(api\/|health$)/.test(r));
    expect(api.length).toBeGreaterThanOrEqual(15);
    expect(documentedRoutes(doc)).toEqual(expect.arrayContaining(api));
    // HTML pages (and /metrics) are registered but not described.
    expect(routes.filter((r) => !api.includes(r))).toContain('GET /documents/{id}');
    expect(documentedRoutes(doc).filter((r) => !api.includes(r) && !r.startsWith('GET /feeds/'))).toEqual([]);

    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const operation = item[method]!;
        const where = `${method} ${path}`;
        expect({ where, tags: operation.tags?.length, summary: Boolean(operation.summary) }).toEqual({ where, tags: 1, summary: true });
        // Each {name} of the path is a declared path parameter.
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
        expect({ where, declared }).toEqual({ where, declared: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() });
      }
    }
  });

  it('requires the bearer token on admin routes only, and says they answer 401 and 429', () => {
    expect(Object.values(doc.components.securitySchemes)).toEqual([expect.objectContaining({ type: 'http', scheme: 'bearer' })]);
    const [scheme] = Object.keys(doc.components.securitySchemes);
    let admin = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const operation = item[method]!;
        const where = `${method} ${path}`;
        if (path.startsWith('/api/admin/')) {
          admin++;
          expect({ where, security: operation.security }).toEqual({ where, security: [{ [scheme!]: [] }] });
          expect(operation.responses).toHaveProperty('401');
          expect(operation.responses['429']).toHaveProperty(['headers', 'Retry-After']);
        } else {
          expect({ where, security: operation.security }).toEqual({ where, security: [] }); // public, said so
        }
      }
    }
    expect(admin).toBe(routes.filter((r) => r.includes(' /api/admin/')).length);
  });

  it('documents the time query, the stream and delivery filters, and the request bodies', async () => {
    const queryOf = (path: string) => doc.paths[path]!.get!.parameters!.filter((p) => p.in === 'query').map((p) => p.name).sort();
    expect(queryOf('/api/watches/{watch}/stances')).toEqual(['as_of', 'known_at', 'known_at_position']);
    expect(queryOf('/api/watches/{watch}/actors/{actor}/why')).toEqual(['known_at', 'known_at_position', 'limit']);
    expect(queryOf('/api/watches/{watch}/actors/{actor}/history')).toEqual(['after', 'as_of', 'before', 'from', 'known_at', 'known_at_position', 'limit', 'stance', 'status']);
    const limit = doc.paths['/api/watches/{watch}/actors/{actor}/history']!.get!.parameters!.find((p) => p.name === 'limit') as { schema?: { maximum?: number } };
    expect(limit.schema?.maximum).toBe(100);
    expect(queryOf('/api/stream')).toEqual(['actor', 'since', 'watch']);
    expect(queryOf('/api/admin/webhooks/{id}/deliveries')).toEqual(['limit', 'status']);
    expect(Object.keys(doc.paths['/api/stream']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
    for (const path of ['/api/admin/claims', '/api/admin/claims/{id}/reject', '/api/admin/webhooks', '/api/admin/sources']) {
      expect(doc.paths[path]!.post!.requestBody!.content['application/json']!.schema).toMatchObject({ type: 'object', required: expect.any(Array) });
    }

    // The documented examples are bodies the service accepts.
    const post = async (path: string, schema: Schema) => {
      const res = await fetch(`${service.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify(exampleOf(schema)),
      });
      return { status: res.status, body: (await res.json()) as { claimId: string } };
    };
    const claim = await post('/api/admin/claims', doc.paths['/api/admin/claims']!.post!.requestBody!.content['application/json']!.schema);
    expect(claim.status).toBe(201);
    // A claim can be rejected once the projection has read it.
    const { watch, actor } = exampleOf(doc.paths['/api/admin/claims']!.post!.requestBody!.content['application/json']!.schema) as { watch: string; actor: string };
    const projected = async () => {
      const history = (await (await fetch(`${service.url}/api/watches/${watch}/actors/${actor}/history`)).json()) as { claims: { claimId: string }[] };
      return history.claims.some((c) => c.claimId === claim.body.claimId);
    };
    while (!(await projected())) await new Promise((resolve) => setTimeout(resolve, 100));
    const reject = doc.paths['/api/admin/claims/{id}/reject']!.post!.requestBody!.content['application/json']!.schema;
    expect((await post(`/api/admin/claims/${claim.body.claimId}/reject`, reject)).status).toBe(201);
  });

  it('documents the feeds, which answer with the documented media types', async () => {
    const feeds = Object.entries(doc.paths).filter(([path]) => path.startsWith('/feeds/'));
    expect(feeds).toHaveLength(8);
    for (const [path, item] of feeds) {
      const operation = item.get!;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(operation.parameters!.find((p) => p.name === name)!.schema!.example));
      const [mediaType] = Object.keys(operation.responses['200']!.content!);
      expect(['application/atom+xml', 'application/feed+json']).toContain(mediaType);
      const res = await fetch(`${service.url}${url}`);
      expect({ url, status: res.status, type: res.headers.get('content-type')?.split(';')[0] }).toEqual({ url, status: 200, type: mediaType });
    }
  });

  it('passes Redocly lint with no error, on the document the service serves, offline', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'api-docs-lint-'));
    try {
      const file = join(folder, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      // Redocly's recommended rules; no telemetry, no update check: nothing leaves the machine.
      const lint = spawnSync(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', file, '--format=json'], {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
        timeout: 120_000,
      });
      const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string }[] };
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('gives every JSON success answer and every error a schema, with shared components', () => {
    const schemas = Object.keys((doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas);
    expect(schemas).toEqual(expect.arrayContaining(['Error', 'ClaimView', 'ChangeView', 'ActorStanceView', 'Source', 'Webhook', 'Delivery', 'StancesAnswer', 'WhyAnswer', 'HistoryAnswer']));
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        for (const [status, response] of Object.entries(item[method]!.responses)) {
          if (status === '204' || status === '304') continue;
          const content = (response as { content?: Record<string, { schema?: unknown }> }).content;
          if (!content || Object.values(content).some((c) => !c.schema)) untyped.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('serves Swagger UI whose scripts and styles all load from the service', async () => {
    const page = await fetch(`${service.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=["']([^"']+)["']/g)].map((m) => new URL(m[1]!, `${service.url}/api/docs`));
    expect(assets.map((a) => a.pathname)).toEqual(expect.arrayContaining(['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui.css', '/api/docs/swagger-ui-init.js']));
    for (const asset of assets) {
      expect(asset.origin).toBe(service.url); // nothing from a CDN
      const res = await fetch(asset);
      expect({ asset: asset.pathname, status: res.status }).toEqual({ asset: asset.pathname, status: 200 });
      const body = await res.text();
      expect(body.length).toBeGreaterThan(0);
      if (asset.pathname.endsWith('swagger-ui-init.js')) expect(body).toContain('"/api/watches/{watch}/stances"');
    }
  });
});

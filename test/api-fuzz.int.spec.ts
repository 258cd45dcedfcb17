// Every operation of the OpenAPI document the service serves (read at run time, so a new route
// is fuzzed the day it is documented) is driven with hostile values in each path parameter, each
// query parameter, each body field and as the whole body: NUL, unpaired surrogates, huge
// strings, impossible time-zone offsets, SQL metacharacters, wrong types, broken JSON. No answer
// may be a 5xx, and every 4xx of the JSON API is a JSON error with a message. On both databases.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startInProcessService, TEST_ADMIN_TOKEN, type InProcessService } from './support/in-process-service.js';
import { backends } from './support/test-database.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}
type Paths = Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;

/** Text values; in a URL they are percent-encoded byte by byte (see urlEncode). */
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  'x'.repeat(5_000),
  '2025-01-01T00:00:00+99:99',
  '2025-01-01T00:00:00+24:00',
  '2025-13-45',
  '-1',
  '1e309',
  '99999999999999999999999',
  "' OR 1=1 --",
  '"; drop table events; --',
  '%_\\',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  ' ',
  '',
];

/** Values of the wrong JSON type for a body field. */
const HOSTILE_JSON: unknown[] = [...HOSTILE_TEXT, 'y'.repeat(90_000), 0, -1, 1e308, true, null, [], {}, [null], { nested: { deeper: ['\u0000'] } }];

/** Whole bodies: each a raw string sent as JSON (or as what its content type says). */
const HOSTILE_BODIES: { body: string; type: string }[] = [
  { body: '', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: '[]', type: 'application/json' },
  { body: '"a string"', type: 'application/json' },
  { body: '12', type: 'application/json' },
  { body: '{"unclosed": ', type: 'application/json' },
  { body: '{"a":"\\u0000"}', type: 'application/json' },
  { body: '{"a":"\\ud800"}', type: 'application/json' },
  { body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}', type: 'application/json' },
  { body: '['.repeat(5_000) + ']'.repeat(5_000), type: 'application/json' },
  { body: `{"big": "${'z'.repeat(300_000)}"}`, type: 'application/json' },
  { body: 'url=https://x.example/feed', type: 'application/x-www-form-urlencoded' },
  { body: '<xml/>', type: 'application/xml' },
  { body: '\u0000\u0001\u0002', type: 'text/plain' },
];

/** Percent-encodes UTF-16 code units, unpaired surrogates as the bytes a lax encoder would send. */
function urlEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (code >= 0xd800 && code <= 0xdfff && !pair) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      const char = pair ? text.slice(i, ++i + 1) : text[i]!;
      out += encodeURIComponent(char);
    }
  }
  return out;
}

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  body?: string;
  type?: string;
  what: string;
}

/** A plausible value for each path parameter, so that the others are reached. */
const PLAIN_PATH_VALUES: Record<string, string> = { watch: 'dprk-troops-russia', actor: 'russia', alertId: '1' };

function requestsFor(path: string, method: string, operation: Operation): FuzzRequest[] {
  const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const fill = (overrides: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? urlEncode(PLAIN_PATH_VALUES[name] ?? 'no-such-id'));
  const requests: FuzzRequest[] = [];
  const upper = method.toUpperCase();
  for (const name of pathParams) {
    for (const value of HOSTILE_TEXT) requests.push({ method: upper, path: fill({ [name]: urlEncode(value) || '%20' }), query: '', what: `path ${name}=${JSON.stringify(value.slice(0, 40))}` });
  }
  for (const name of [...queryParams, 'unknown_param']) {
    for (const value of HOSTILE_TEXT) requests.push({ method: upper, path: fill({}), query: `?${name}=${urlEncode(value)}`, what: `query ${name}=${JSON.stringify(value.slice(0, 40))}` });
    requests.push({ method: upper, path: fill({}), query: `?${name}=1&${name}=2`, what: `query ${name} given twice` });
    requests.push({ method: upper, path: fill({}), query: `?${name}[a]=1`, what: `query ${name} as an object` });
  }
  if (bodySchema || method !== 'get') {
    const fields = Object.keys(bodySchema?.properties ?? {});
    for (const field of fields) {
      for (const value of HOSTILE_JSON) {
        const body = JSON.stringify({ ...Object.fromEntries(fields.map((f) => [f, 'plain'])), [field]: value });
        requests.push({ method: upper, path: fill({}), query: '', body, type: 'application/json', what: `body ${field}=${JSON.stringify(value)?.slice(0, 40)}` });
      }
    }
    for (const { body, type } of HOSTILE_BODIES) requests.push({ method: upper, path: fill({}), query: '', body, type, what: `body ${JSON.stringify(body.slice(0, 40))} as ${type}` });
  }
  return requests;
}

for (const kind of backends) {
  describe(`hostile requests to every documented operation on ${kind === 'postgres' ? 'postgres' : 'pglite'}`, () => {
    let service: InProcessService;
    let paths: Paths;

    beforeAll(async () => {
      service = await startInProcessService(kind);
      paths = ((await (await fetch(`${service.url}/api/docs-json`)).json()) as { paths: Paths }).paths;
    }, 180_000);
    afterAll(async () => {
      await service?.stop();
    });

    it('answers none of them with a 5xx, and every 4xx of the API with a JSON error', async () => {
      const requests = Object.entries(paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).flatMap((m) => requestsFor(path, m, item[m]!)));
      expect(Object.keys(paths).length).toBeGreaterThanOrEqual(20);
      expect(requests.length).toBeGreaterThan(1000);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (const request of requests) {
        const where = `${request.method} ${request.path.slice(0, 120)}${request.query.slice(0, 80)} (${request.what})`;
        let res: Response;
        try {
          res = await fetch(`${service.url}${request.path}${request.query}`, {
            method: request.method,
            headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, Accept: 'application/json', ...(request.type ? { 'Content-Type': request.type } : {}) },
            body: request.body,
            signal: AbortSignal.timeout(20_000),
          });
        } catch (error) {
          failures.push(`${where}: no answer (${(error as Error).message})`);
          continue;
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // The live stream stays open when the request was fine: its status is all there is to check.
        const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
        if (res.status >= 500) failures.push(`${where}: ${res.status} ${text.slice(0, 200)}`);
        else if (res.status >= 400 && (request.path.startsWith('/api/') || request.path === '/health')) {
          let body: { statusCode?: unknown; message?: unknown } = {};
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            // reported below
          }
          if (body.statusCode !== res.status || typeof body.message !== 'string' || body.message === '') failures.push(`${where}: ${res.status} without a JSON error: ${text.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      // The fuzzing reached past the input checks, not only into them.
      expect([...statuses.keys()].filter((status) => status < 300).length).toBeGreaterThan(0);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(200);
    }, 600_000);
  });
}

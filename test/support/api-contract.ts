// The OpenAPI document as a contract: an answer of the service is checked against the schema of
// the operation it matched (path template, method, status, media type). Used by the recorder
// (api-contract-recorder.ts) for every JSON answer any test receives, and by the API docs test.
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS: under native ESM their export is the module object.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as typeof addFormatsModule.default;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const DOCUMENT_ID = 'openapi.json';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, unknown> };
}

/** `/api/watches/{watch}/stances` → a regular expression matching the concrete paths. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

const pointer = (...parts: string[]) => `${DOCUMENT_ID}#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

export class ApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly templates: { template: string; pattern: RegExp; literal: boolean }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
    // A literal path wins over a template that also matches (`/api/admin/webhooks` vs `{id}`).
    this.templates = Object.keys(document.paths)
      .map((template) => ({ template, pattern: templatePattern(template), literal: !template.includes('{') }))
      .sort((a, b) => Number(b.literal) - Number(a.literal));
  }

  static async fetch(origin: string): Promise<ApiContract> {
    const res = await fetch(`${origin}/api/docs-json`);
    return new ApiContract((await res.json()) as OpenApiDocument);
  }

  /**
   * Why the answer breaks the contract, or null when it keeps it (or is not one the document
   * describes: a path outside it). 2xx answers must be documented with a schema that the body
   * satisfies; error answers must match their documented schema, or else the Error component.
   */
  violation(method: string, path: string, status: number, mediaType: string, body: unknown): string | null {
    const found = this.templates.find((t) => t.pattern.test(path) && this.document.paths[t.template]![method.toLowerCase() as (typeof METHODS)[number]]);
    if (!found) return null;
    const where = `${method.toUpperCase()} ${found.template} ${status}`;
    const response = this.document.paths[found.template]![method.toLowerCase() as (typeof METHODS)[number]]!.responses[String(status)];
    if (status >= 400) {
      // An error the operation documents with a body of its own (/health's 503) is checked against that.
      if (response?.content?.[mediaType]?.schema) return this.check(pointer('paths', found.template, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema'), body, where);
      return this.check(`${DOCUMENT_ID}#/components/schemas/Error`, body, where);
    }
    if (status < 200 || status >= 300 || status === 204) return null;
    if (!response) return `${where}: status not documented`;
    if (!response.content?.[mediaType]?.schema) return `${where}: no schema documented for ${mediaType}`;
    return this.check(pointer('paths', found.template, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema'), body, where);
  }

  private check(ref: string, body: unknown, where: string): string | null {
    const validate = this.ajv.getSchema(ref) ?? this.ajv.compile({ $ref: ref });
    if (validate(body)) return null;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${where}: ${errors.join('; ')}`;
  }
}

import { parse as parseYaml } from 'yaml';
import { resolveWebUrl } from './article-url.js';
import { normalizeLanguageTag } from './language-tag.js';

// A fixture article (`fixtures/articles/<id>.md`): YAML front matter between two `---` lines,
// then the article text. The text is everything after the closing `---` line, byte for byte:
// claims point into it by character offset, so nothing here trims or normalises it.

export interface FixtureArticle {
  path: string;
  title: string;
  url: string;
  outlet: string;
  /** ISO 8601 date or date-time, as written. */
  published: string;
  /** Canonical BCP 47 tag. */
  language: string;
  text: string;
}

export type FixtureField = 'front matter' | 'title' | 'url' | 'outlet' | 'published' | 'language';

export class FixtureArticleError extends Error {
  constructor(
    readonly path: string,
    readonly field: FixtureField,
    problem: string,
  ) {
    super(`${path}: ${field}: ${problem}`);
    this.name = 'FixtureArticleError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?^---(?:\r?\n|$)/m;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function parseFixtureArticle(path: string, content: string): FixtureArticle {
  const frontMatter = FRONT_MATTER.exec(content);
  if (!frontMatter || frontMatter.index !== 0) {
    throw new FixtureArticleError(path, 'front matter', 'the file must start with a `---` line, YAML, and a closing `---` line');
  }
  const fields = parseFields(path, frontMatter[1]);
  return {
    path,
    title: requiredText(path, 'title', fields.title),
    url: webUrl(path, fields.url),
    outlet: requiredText(path, 'outlet', fields.outlet),
    published: isoDate(path, fields.published),
    language: languageTag(path, fields.language),
    text: content.slice(frontMatter[0].length),
  };
}

function parseFields(path: string, yaml: string): Record<string, unknown> {
  let fields: unknown;
  try {
    fields = parseYaml(yaml);
  } catch (error) {
    throw new FixtureArticleError(path, 'front matter', `not valid YAML (${(error as Error).message})`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new FixtureArticleError(path, 'front matter', 'must be a YAML mapping of fields');
  }
  return fields as Record<string, unknown>;
}

function requiredText(path: string, field: FixtureField, value: unknown): string {
  if (value === undefined || value === null) throw new FixtureArticleError(path, field, 'missing');
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FixtureArticleError(path, field, 'must be a non-empty string');
  }
  return value;
}

function webUrl(path: string, value: unknown): string {
  const url = requiredText(path, 'url', value);
  if (resolveWebUrl(url) === null) throw new FixtureArticleError(path, 'url', `"${url}" is not an absolute http(s) URL`);
  return url;
}

function isoDate(path: string, value: unknown): string {
  // Unquoted, `2025-04-28` is a string under YAML 1.2; under a YAML 1.1 schema it would be a Date.
  const published = requiredText(path, 'published', value instanceof Date ? value.toISOString() : value);
  const parts = ISO_DATE.exec(published) ?? ISO_DATE_TIME.exec(published);
  if (!parts || !isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) || Number.isNaN(Date.parse(published))) {
    throw new FixtureArticleError(path, 'published', `"${published}" is not an ISO 8601 date (2025-04-28) or date-time with offset`);
  }
  return published;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function languageTag(path: string, value: unknown): string {
  const tag = requiredText(path, 'language', value);
  const canonical = normalizeLanguageTag(tag);
  if (canonical === null) throw new FixtureArticleError(path, 'language', `"${tag}" is not a known BCP 47 language tag`);
  return canonical;
}

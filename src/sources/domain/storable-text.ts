// Text as Postgres can store it. Postgres refuses NUL in text and jsonb, and jsonb refuses the
// `\ud800` escape that JSON.stringify writes for an unpaired UTF-16 surrogate ("unsupported
// Unicode escape sequence"); a JSON Feed can carry either (JSON.parse accepts both escapes). Each
// becomes U+FFFD, the replacement character a decoder writes for invalid bytes, so one hostile
// entry never makes the whole append fail.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function storableText(text: string): string {
  // The two native checks answer for almost every text without running the expression.
  if (!text.includes('\u0000') && (text as unknown as WellFormedString).isWellFormed()) return text;
  return text.replace(UNSTORABLE, REPLACEMENT_CHARACTER);
}

/** ES2024's String.prototype.isWellFormed (Node 20), which the ES2023 lib does not declare. */
interface WellFormedString extends String {
  isWellFormed(): boolean;
}

/** The same value with every string in it, at any depth, made storable. */
export function withStorableText<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withStorableText(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), withStorableText(item)])) as T;
  }
  return value;
}

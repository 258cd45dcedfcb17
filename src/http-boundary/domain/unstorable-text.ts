// Text a request may carry but the database cannot store: Postgres refuses NUL in text and JSON
// ("unsupported Unicode escape sequence"), and an unpaired UTF-16 surrogate has no UTF-8 form.
// Found here, at the edge, so the answer is a 400 naming the field rather than a 500 from deep
// inside a query. Pure.

/** Why a string cannot be stored, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  // A high surrogate not followed by a low one, or a low one not preceded by a high one.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

export interface UnstorableField {
  /** `quote`, `saidOn.to`, `items[2]`: where in the value it is (empty for the value itself). */
  field: string;
  problem: string;
}

/** The first string in a JSON-like value (keys included) that cannot be stored. */
export function findUnstorableText(value: unknown, field = ''): UnstorableField | null {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem ? { field, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${field}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const name = field ? `${field}.${key}` : key;
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return { field: name, problem: `has a name that ${keyProblem}` };
      const found = findUnstorableText(item, name);
      if (found) return found;
    }
  }
  return null;
}

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

/** Deeper than any request of this API needs; a deeper one is refused rather than walked. */
export const MAX_NESTING = 32;

/**
 * The first string in a JSON-like value (keys included) that cannot be stored, or the first
 * value nested deeper than MAX_NESTING. Walked with a stack of its own, not recursion: a body of
 * ten thousand nested arrays must be a 400, not a stack overflow.
 */
export function findUnstorableText(value: unknown, field = ''): UnstorableField | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.shift()!;
    if (typeof next.value === 'string') {
      const problem = unstorableTextProblem(next.value);
      if (problem) return { field: next.field, problem };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= MAX_NESTING) return { field: next.field, problem: `is nested more than ${MAX_NESTING} levels deep` };
    if (Array.isArray(next.value)) {
      next.value.forEach((item, i) => pending.push({ value: item, field: `${next.field}[${i}]`, depth: next.depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(next.value)) {
      const name = next.field ? `${next.field}.${key}` : key;
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return { field: name, problem: `has a name that ${keyProblem}` };
      pending.push({ value: item, field: name, depth: next.depth + 1 });
    }
  }
  return null;
}

// Splits a plain-SQL migration into statements. PGlite's query() takes one statement at a time
// (extended protocol), so the same migration files run on PGlite and on a server only if we
// split them ourselves. Knows enough SQL lexing to not split inside strings, quoted identifiers,
// comments and dollar-quoted function bodies.
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;

  const push = (end: number) => {
    const statement = script.slice(start, end).trim();
    if (statement !== '' && !isOnlyComments(statement)) statements.push(statement);
  };

  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const eol = script.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = script.indexOf('*/', i + 2);
      if (close === -1) throw new Error('unterminated /* comment in SQL script');
      i = close + 2;
    } else if (c === "'" || c === '"') {
      i = skipQuoted(script, i, c);
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const close = script.indexOf(tag, i + tag.length);
        if (close === -1) throw new Error(`unterminated ${tag} block in SQL script`);
        i = close + tag.length;
      } else {
        i++;
      }
    } else if (c === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(n);
  return statements;
}

function skipQuoted(script: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] === quote) {
        i += 2; // doubled quote is an escaped quote
        continue;
      }
      return i + 1;
    }
    i++;
  }
  throw new Error(`unterminated ${quote} quote in SQL script`);
}

function isOnlyComments(statement: string): boolean {
  return statement
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .every((line) => line.trim() === '' || line.trim().startsWith('--'));
}

import { describe, expect, it } from '@jest/globals';
import { splitSqlStatements } from './sql-script.js';

describe('splitSqlStatements', () => {
  it('splits on semicolons between statements', () => {
    expect(splitSqlStatements('create table a (x int);\ncreate table b (y int);')).toEqual([
      'create table a (x int)',
      'create table b (y int)',
    ]);
  });

  it('keeps semicolons inside dollar-quoted bodies, strings, identifiers and comments', () => {
    const script = [
      "-- a comment; with a semicolon",
      "create function f() returns text language plpgsql as $$ begin return 'a;b'; end $$;",
      "create function g() returns int language sql as $body$ select 1; $body$;",
      "insert into t values ('it''s; fine', \"odd;name\");",
      "/* block; comment */ select 2;",
    ].join('\n');
    const statements = splitSqlStatements(script);
    expect(statements).toHaveLength(4);
    expect(statements[0]).toContain("return 'a;b'; end $$");
    expect(statements[1]).toContain('$body$ select 1; $body$');
    expect(statements[2]).toContain("'it''s; fine'");
    expect(statements[3]).toMatch(/select 2$/);
  });

  it('drops trailing comments and empty statements', () => {
    expect(splitSqlStatements('select 1;;\n-- the end\n')).toEqual(['select 1']);
  });

  it('rejects an unterminated dollar quote rather than running half a function', () => {
    expect(() => splitSqlStatements('create function f() as $$ begin')).toThrow(/unterminated \$\$/);
  });
});

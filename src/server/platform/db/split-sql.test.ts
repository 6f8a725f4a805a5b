import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './split-sql.js';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside quotes, comments and dollar quotes', () => {
    const sql = `
      -- a comment; with a semicolon
      CREATE TABLE a (x text DEFAULT 'a;b');
      /* block; comment */
      CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
      INSERT INTO "we;ird" VALUES ('it''s;');
    `;
    expect(splitSqlStatements(sql)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'a;b')",
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
      `INSERT INTO "we;ird" VALUES ('it''s;')`,
    ]);
  });

  it('returns nothing for a file of comments', () => {
    expect(splitSqlStatements('-- only\n/* words */\n')).toEqual([]);
  });
});

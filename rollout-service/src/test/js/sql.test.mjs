// Unit tests of the dashboard's SQL highlighter (run by DashboardScriptsTest with `node --test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../main/resources/META-INF/resources/js/sql.js';

const kinds = sql => tokenize(sql).filter(t => t.type !== 'ws').map(t => `${t.type}:${t.text}`);

test('keywords, identifiers, numbers and operators are told apart', () => {
  assert.deepEqual(kinds('ALTER TABLE hr.emp ADD COLUMN age int DEFAULT 42;'), [
    'kw:ALTER', 'kw:TABLE', 'word:hr', 'op:.', 'word:emp', 'kw:ADD', 'kw:COLUMN', 'word:age', 'kw:int',
    'kw:DEFAULT', 'num:42', 'op:;']);
});

test('a dollar-quoted body is one string even when it contains quotes and semicolons', () => {
  const body = "$fn$ BEGIN RETURN 'a;b'; END $fn$";
  const tokens = kinds(`CREATE FUNCTION f() RETURNS text AS ${body} LANGUAGE plpgsql`);
  assert.ok(tokens.includes('str:' + body), tokens.join(' '));
  assert.equal(tokens.at(-1), 'word:plpgsql');
});

test('doubled quotes and E-string escapes stay inside their string', () => {
  assert.deepEqual(kinds("SELECT 'it''s', E'a\\'b'"), ['kw:SELECT', "str:'it''s'", 'op:,', "str:E'a\\'b'"]);
});

test('quoted identifiers are not keywords', () => {
  assert.deepEqual(kinds('DROP COLUMN "select"'), ['kw:DROP', 'kw:COLUMN', 'ident:"select"']);
});

test('nested block comments and line comments are comments', () => {
  assert.deepEqual(kinds('/* a /* b */ c */ SELECT 1 -- tail'), ['com:/* a /* b */ c */', 'kw:SELECT', 'num:1', 'com:-- tail']);
});

test('function calls are marked', () => {
  assert.deepEqual(kinds('lower(email)'), ['fn:lower', 'op:(', 'word:email', 'op:)']);
});

test('tokens cover the input exactly', () => {
  const sql = "CREATE INDEX CONCURRENTLY i ON t USING btree (lower(\"E\")) WHERE x <> 'y' /* z */;\n";
  assert.equal(tokenize(sql).map(t => t.text).join(''), sql);
});

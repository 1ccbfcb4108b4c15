import { h } from './dom.js';

// A tiny PostgreSQL highlighter: one left-to-right scan producing tokens; no regex over the whole text, so
// dollar quotes, nested block comments and quoted identifiers are handled the way PostgreSQL reads them.
const KEYWORDS = new Set(`
  add all alter and any as asc authorization before begin between bigint boolean by cascade case cast check
  collate column commit concurrently constraint create current_timestamp cycle data default deferrable deferred
  delete desc distinct do domain drop each else end enum exclude exists extension false filter first for foreign
  from full function generated grant group having if immediate in include index inherits initially inner insert
  int integer into is join key language last left like limit local lock materialized maxvalue minvalue mode no
  not nothing null nulls numeric of off on only or order outer over owned owner partition policy precision
  primary procedure publication references rename replace restrict returns returning revoke right role rollback
  row rows schema select sequence serial set share smallint start statement stored table tablespace temp
  temporary text then time timestamp timestamptz to transaction trigger true truncate type unique unlogged update
  using uuid valid validate values varchar view volatile stable immutable when where with without zone jsonb json
  bigserial character varying double real bytea date interval returns setof security definer invoker strict
  comment column_name after instead identity always increment cache owned restart usage privileges execute
`.trim().split(/\s+/));

export function tokenize(sql) {
  const out = [];
  let i = 0;
  const n = sql.length;
  const push = (type, text) => out.push({ type, text });
  while (i < n) {
    const c = sql[i];
    const rest2 = sql.substr(i, 2);
    if (rest2 === '--') {
      let j = sql.indexOf('\n', i);
      if (j < 0) j = n;
      push('com', sql.slice(i, j)); i = j;
    } else if (rest2 === '/*') {
      let depth = 0, j = i;
      while (j < n) {
        if (sql.substr(j, 2) === '/*') { depth++; j += 2; }
        else if (sql.substr(j, 2) === '*/') { depth--; j += 2; if (depth === 0) break; }
        else j++;
      }
      push('com', sql.slice(i, j)); i = j;
    } else if (c === "'" || ((c === 'E' || c === 'e') && sql[i + 1] === "'")) {
      let j = c === "'" ? i + 1 : i + 2;
      const escapes = c !== "'";
      while (j < n) {
        if (escapes && sql[j] === '\\') { j += 2; continue; }
        if (sql[j] === "'") { if (sql[j + 1] === "'") { j += 2; continue; } j++; break; }
        j++;
      }
      push('str', sql.slice(i, j)); i = j;
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.test(sql.slice(i, i + 64))) {
      const tag = sql.slice(i).match(/^\$([A-Za-z_][A-Za-z_0-9]*)?\$/)[0];
      const end = sql.indexOf(tag, i + tag.length);
      const j = end < 0 ? n : end + tag.length;
      push('str', sql.slice(i, j)); i = j;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n) { if (sql[j] === '"') { if (sql[j + 1] === '"') { j += 2; continue; } j++; break; } j++; }
      push('ident', sql.slice(i, j)); i = j;
    } else if (/[0-9]/.test(c)) {
      const m = sql.slice(i).match(/^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/);
      push('num', m[0]); i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = sql.slice(i).match(/^[A-Za-z_][A-Za-z_0-9$]*/);
      const word = m[0];
      const next = sql.slice(i + word.length).match(/^\s*\(/);
      if (KEYWORDS.has(word.toLowerCase())) push('kw', word);
      else if (next) push('fn', word);
      else push('word', word);
      i += word.length;
    } else if (/\s/.test(c)) {
      const m = sql.slice(i).match(/^\s+/);
      push('ws', m[0]); i += m[0].length;
    } else {
      push('op', c); i++;
    }
  }
  return out;
}

export function highlight(sql) {
  const pre = h('pre', { class: 'sql' });
  for (const t of tokenize(sql || '')) {
    if (t.type === 'ws' || t.type === 'word') pre.append(document.createTextNode(t.text));
    else pre.append(h('span', { class: t.type }, t.text));
  }
  return pre;
}

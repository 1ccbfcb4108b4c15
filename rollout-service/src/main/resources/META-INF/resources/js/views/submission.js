import { h, mount, loading, empty, failure } from '../dom.js';
import { ingest, rollout, enc } from '../api.js';
import { badge, time, shortId } from '../format.js';
import { submissionSummary, summarySentences, rolloutView } from '../model.js';
import { highlight } from '../sql.js';
import { debounce } from '../util.js';
import { vcsLine } from './project.js';

const SETTLED = /^(COMPLETED|FAILED|SUCCEEDED|CANCELED|REJECTED)$/;
const DANGEROUS = /DELETE|DROP|DATA_LOSS|DESTRUCT|REWRITE/i;

export function submission(root, { id }, ctx) {
  ctx.crumbs([{ label: 'submission ' + shortId(id) }]);
  let current = null;

  async function load(quiet) {
    if (!quiet) mount(root, loading('Loading submission…'));
    try {
      const s = submissionSummary(await ingest.get('/v1/submissions/' + enc(id)));
      current = s;
      ctx.crumbs([{ label: s.project, href: '#/projects/' + enc(s.project) }, { label: 'submission ' + shortId(id) }]);
      const rolloutLink = s.mode === 'ROLLOUT' ? await findRollout(s) : null;
      mount(root, render(s, rolloutLink));
      // Plans and reviews are not all on rollout-service's event stream: re-read until the submission settles.
      clearTimeout(pollTimer);
      if (!SETTLED.test(s.status || '') || (s.mode === 'ROLLOUT' && !rolloutLink)) {
        pollTimer = setTimeout(() => load(true), 3000);
      }
    } catch (err) {
      if (!quiet || !current) {
        mount(root, failure(err.status === 404 ? 'No such submission' : 'Could not load the submission', err,
          () => load(false)));
      }
    }
  }

  let pollTimer;
  const refresh = debounce(() => load(true), 300);
  load(false);
  return {
    onEvent(ev) { if (ev.submissionId === id) refresh(); },
    onReconnect: refresh,
    dispose() { clearTimeout(pollTimer); },
  };
}

async function findRollout(s) {
  try {
    const list = await rollout.get(`/v1/projects/${enc(s.project)}/rollouts`);
    const items = (Array.isArray(list) ? list : (list && (list.items || list.rollouts)) || []).map(rolloutView);
    return items.find(r => r.submissionId === s.id) || null;
  } catch {
    return null; // the submission page is still useful without the link
  }
}

function render(s, rolloutLink) {
  return [
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, 'Submission ', h('code', {}, shortId(s.id))),
        h('p', { class: 'sub' }, `${s.mode || ''} · ${s.project || ''} · ${time(s.createdAt)}`,
          s.submittedBy ? ` · by ${s.submittedBy}` : ''),
        vcsLine(s.vcs)),
      h('div', {}, badge(s.status, { id: 'submission-status' }),
        rolloutLink ? h('p', {}, h('a', { href: '#/rollouts/' + enc(rolloutLink.id), id: 'rollout-link' },
          'Rollout ', shortId(rolloutLink.id), ' →')) : null)),
    s.targets.length ? s.targets.map(targetBlock)
      : empty('No targets yet', 'Plans appear here as soon as the diff service has computed them.'),
  ];
}

function targetBlock(t) {
  const findingsByStatement = new Map();
  for (const f of t.findings) {
    const k = f.statementIndex ?? -1;
    if (!findingsByStatement.has(k)) findingsByStatement.set(k, []);
    findingsByStatement.get(k).push(f);
  }
  const sentences = summarySentences(t.summary);
  return h('section', { class: 'panel target-block', 'data-target': t.name },
    h('div', { class: 'target-head' },
      h('h2', { style: 'margin:0' }, t.name), t.environment ? h('span', { class: 'chip' }, t.environment) : null,
      h('span', { class: 'grow' }),
      h('span', { class: 'sub' }, 'plan'), badge(t.status),
      h('span', { class: 'sub' }, 'review'), badge(t.verdict || t.reviewStatus || 'PENDING')),
    t.baseHash || t.desiredHash ? h('div', { class: 'hashes' },
      `base ${short(t.baseHash)} → desired ${short(t.desiredHash)}`) : null,
    sentences.length ? h('ul', { class: 'sub' }, sentences.map(x => h('li', {}, x))) : null,
    t.errors.length ? h('ul', { class: 'errors' }, t.errors.map(e => h('li', {}, e))) : null,
    t.statements.length ? t.statements.map(st => statement(st, findingsByStatement.get(st.index) || []))
      : (t.errors.length ? null : h('p', { class: 'sub' },
        t.planEmpty || (t.status && /PLANNED|COMPUTED|REVIEW/i.test(t.status))
          ? 'Already converged: nothing to run on this target.' : 'Waiting for the plan…')),
    t.notices.length ? h('ul', { class: 'sub' }, t.notices.map(x => h('li', {}, x))) : null,
    findingsByStatement.has(-1) ? h('div', {}, h('h3', {}, 'Findings on the whole plan'),
      findingsByStatement.get(-1).map(finding)) : null,
    !t.findings.length && t.verdict ? h('p', { class: 'sub' }, 'The review found nothing to report.') : null);
}

function short(hash) { return hash ? String(hash).slice(0, 12) : '?'; }

function statement(st, findings) {
  return h('div', { class: 'stmt', 'data-statement': st.index },
    h('div', { class: 'no' }, String(st.index + 1)),
    h('div', { class: 'body' },
      highlight(st.sql),
      st.hazards.length || st.transactional === false || st.lockTimeoutMs ? h('div', { class: 'meta' },
        st.hazards.map(z => h('span', { class: 'hazard' + (DANGEROUS.test(z.code || '') ? ' danger' : ''), title: z.message || '' },
          '⚠ ', z.code || z, z.message ? ': ' + z.message : '')),
        st.transactional === false ? h('span', { class: 'chip' }, 'outside transaction') : null,
        st.lockTimeoutMs ? h('span', { class: 'chip' }, `lock_timeout ${st.lockTimeoutMs} ms`) : null,
        st.statementTimeoutMs ? h('span', { class: 'chip' }, `statement_timeout ${st.statementTimeoutMs} ms`) : null) : null,
      findings.length ? h('div', { style: 'padding:.2rem .8rem .5rem' }, findings.map(finding)) : null));
}

function finding(f) {
  const loc = f.location ? `${f.location.file || f.location.path || ''}:${f.location.line ?? ''}` : null;
  return h('div', { class: 'finding' },
    badge(f.severity === 'ERROR' ? 'ERROR' : f.severity === 'WARNING' || f.severity === 'WARN' ? 'WARN' : f.severity,
      { title: f.severity }),
    h('div', {},
      h('div', { class: 'msg' }, f.message),
      h('div', { class: 'src' }, [f.ruleId, f.source, loc].filter(Boolean).join(' · ')),
      f.suggestion ? h('div', { class: 'src' }, 'Suggestion: ', f.suggestion) : null));
}

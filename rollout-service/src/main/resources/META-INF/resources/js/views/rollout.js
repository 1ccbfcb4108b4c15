import { h, mount, loading, empty, failure, toast } from '../dom.js';
import { rollout as api, session, enc } from '../api.js';
import { badge, time, duration, shortId, statusClass, tone } from '../format.js';
import { rolloutView } from '../model.js';
import { debounce } from '../util.js';

export function rolloutPage(root, { id }, ctx) {
  ctx.crumbs([{ label: 'rollout ' + shortId(id) }]);
  let current = null;
  let notice = null; // survives re-renders caused by live updates
  const pendingComment = new Map(); // stage -> comment typed but not yet sent

  async function load(quiet) {
    if (!quiet) mount(root, loading('Loading rollout…'));
    try {
      const r = rolloutView(await api.get('/v1/rollouts/' + enc(id)));
      current = r;
      ctx.crumbs([{ label: r.project, href: '#/projects/' + enc(r.project) }, { label: 'rollout ' + shortId(id) }]);
      mount(root, render(r));
    } catch (err) {
      if (err.status === 404 && !current) {
        // A rollout is created from its submission a moment after CI submitted; links to it can arrive first.
        mount(root, h('div', { class: 'state empty', 'data-state': 'not-yet' },
          h('div', { class: 'spinner' }), h('p', {}, h('strong', {}, 'This rollout does not exist (yet)')),
          h('p', {}, 'It appears here by itself once rollout-service has created it from its submission.')));
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => load(true), 3000);
      } else if (!quiet || !current) {
        mount(root, failure('Could not load the rollout', err, () => load(false)));
      }
    }
  }
  let retryTimer;

  async function decide(stage, verb, button) {
    button.disabled = true;
    try {
      await api.post(`/v1/rollouts/${enc(id)}/stages/${enc(stage)}:${verb}`, { comment: pendingComment.get(stage) || null });
      pendingComment.delete(stage);
      notice = { ok: true, text: `${verb === 'approve' ? 'Approved' : 'Rejected'} stage ${stage}.` };
      toast(notice.text);
    } catch (err) {
      notice = { ok: false, text: err.status === 403 ? `Not allowed: ${err.message}` : `Could not ${verb}: ${err.message}` };
      toast(notice.text, true);
    }
    await load(true);
  }

  function render(r) {
    return [
      h('div', { class: 'page-head' },
        h('div', {},
          h('h1', {}, 'Rollout ', h('code', {}, shortId(r.id))),
          h('p', { class: 'sub' }, `${r.project || ''} · started ${time(r.createdAt)}`,
            r.submitter ? ` · by ${r.submitter}` : ''),
          r.message ? h('p', { class: 'sub', id: 'rollout-message' }, r.message) : null,
          r.submissionId ? h('a', { href: '#/submissions/' + enc(r.submissionId), id: 'submission-link' },
            'Submission ', shortId(r.submissionId), ' (plans, hazards, findings) →') : null),
        badge(r.status, { id: 'rollout-status' })),
      notice ? h('div', { class: 'notice ' + (notice.ok ? 'ok' : 'err'), id: 'decision-notice' }, notice.text) : null,
      r.stages.length ? h('div', { class: 'pipeline', id: 'pipeline' },
        r.stages.map((s, i) => [i ? h('div', { class: 'arrow' }, '→') : null, stageCard(r, s)]))
        : empty('No stages', 'This rollout is still waiting for its plans.'),
      h('div', { class: 'panel' }, h('h2', { style: 'margin-top:0' }, 'Audit trail'), auditTable(r.audit)),
    ];
  }

  function stageCard(r, s) {
    const awaiting = String(s.status).toUpperCase() === 'AWAITING_APPROVAL' ||
      (String(r.status).toUpperCase() === 'AWAITING_APPROVAL' && s.needsApproval && tone(s.status) !== 'ok' && !s.startedAt);
    const ownRollout = !s.submitterMayApprove && r.submitter && r.submitter === session.me?.principal;
    const allowed = canApprove(s) && !ownRollout;
    const comment = h('input', { placeholder: 'Comment (optional)', 'data-comment': s.name,
      value: pendingComment.get(s.name) || '', oninput: e => pendingComment.set(s.name, e.target.value) });
    return h('section', { class: 'stage ' + statusClass(s.status), 'data-stage': s.name, 'data-status': s.status || '' },
      h('div', { class: 'stage-head' }, h('h3', {}, s.name), badge(s.status)),
      h('div', { class: 'policy' }, s.needsApproval ? `approval by ${s.approverRole || 'an approver'}` : 'automatic',
        s.startedAt ? ` · ${duration(s.startedAt, s.finishedAt)}` : '',
        s.approvedBy ? ` · approved by ${s.approvedBy}` : ''),
      s.message ? h('p', { class: 'sub' }, s.message) : null,
      s.tasks.length ? s.tasks.map(taskRow) : h('p', { class: 'sub' }, 'No targets in this stage.'),
      awaiting && allowed ? h('div', { class: 'actions' }, comment,
        h('button', { class: 'approve', 'data-action': 'approve', 'data-stage': s.name,
          onclick: e => decide(s.name, 'approve', e.currentTarget) }, 'Approve'),
        h('button', { class: 'reject', 'data-action': 'reject', 'data-stage': s.name,
          onclick: e => decide(s.name, 'reject', e.currentTarget) }, 'Reject')) : null,
      awaiting && !allowed ? h('p', { class: 'hint', 'data-hint': 'needs-approver' }, ownRollout
        ? `Waiting for approval by someone other than ${r.submitter}, who submitted this rollout.`
        : `Waiting for approval by role “${s.approverRole || 'approver'}”; ${session.me?.principal || 'this token'} cannot approve it.`)
        : null);
  }

  // Ticks the durations of running tasks without refetching.
  const ticker = setInterval(() => {
    root.querySelectorAll('[data-running-since]').forEach(el => { el.textContent = duration(el.dataset.runningSince); });
  }, 1000);

  const refresh = debounce(() => load(true), 250);
  load(false);
  return {
    onEvent(ev) {
      if (ev.rolloutId === id || ev.subjectId === id || (current && ev.submissionId && ev.submissionId === current.submissionId)) {
        refresh();
      }
    },
    onReconnect: refresh,
    dispose() { clearInterval(ticker); clearTimeout(retryTimer); },
  };
}

function canApprove(stage) {
  const me = session.me;
  if (!me) return false;
  if (Array.isArray(me.approverFor)) return me.approverFor.includes(stage.name);
  return (me.roles || []).includes(stage.approverRole || 'approver');
}

function taskRow(t) {
  const running = tone(t.status) === 'run' && t.startedAt && !t.finishedAt;
  return h('div', { class: 'task', 'data-task': t.target, 'data-status': t.status || '' },
    h('div', {},
      h('div', { class: 't-name' }, t.target,
        t.verdict ? h('span', { class: 'chip', title: 'review verdict', style: 'margin-left:.4rem' }, t.verdict) : null),
      h('div', { class: 't-msg' }, [t.statementCount ? `${t.statementCount} statement(s)` : null,
        t.attempts > 1 ? `attempt ${t.attempts}` : null, t.message].filter(Boolean).join(' · '))),
    h('div', { style: 'text-align:right' }, badge(t.status),
      h('div', { class: 'dur', 'data-running-since': running ? t.startedAt : null }, duration(t.startedAt, t.finishedAt))));
}

function auditTable(audit) {
  if (!audit.length) return empty('No decisions yet', 'Approvals, rejections, cancellations and retries are recorded here with who and when.');
  return h('table', { class: 'audit', id: 'audit' },
    h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'What'), h('th', {}, 'Stage'), h('th', {}, 'Comment'))),
    h('tbody', {}, audit.map(a => h('tr', {},
      h('td', {}, time(a.at)), h('td', {}, a.principal || '—'), h('td', {}, badge(a.action)),
      h('td', {}, a.stage || '—'), h('td', {}, a.comment || '')))));
}

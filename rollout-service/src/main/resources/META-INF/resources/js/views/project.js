import { h, mount, loading, empty, failure } from '../dom.js';
import { ingest, rollout, enc } from '../api.js';
import { badge, ago, time, shortId } from '../format.js';
import { submissionSummary, rolloutView } from '../model.js';
import { debounce } from '../util.js';

export function project(root, { name }, ctx) {
  ctx.crumbs([{ label: name }]);
  const subsBox = h('div', { id: 'submissions' }, loading('Loading submissions…'));
  const rollBox = h('div', { id: 'rollouts' }, loading('Loading rollouts…'));
  const feed = h('ul', { id: 'feed' });
  const feedBox = h('div', { class: 'feed' }, feed);
  const feedEmpty = empty('No events yet', 'Transitions of this project appear here as they happen.');
  feedBox.append(feedEmpty);

  mount(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, name),
      h('p', { class: 'sub' }, 'Recent submissions and rollouts; updates live.'))),
    h('div', { class: 'panel' }, h('h2', { style: 'margin-top:0' }, 'Rollouts'), rollBox),
    h('div', { class: 'panel' }, h('h2', { style: 'margin-top:0' }, 'Recent submissions'), subsBox),
    h('div', { class: 'panel' }, h('h2', { style: 'margin-top:0' }, 'Live events'), feedBox));

  async function loadSubmissions(quiet) {
    if (!quiet) mount(subsBox, loading('Loading submissions…'));
    try {
      const data = await ingest.get(`/v1/projects/${enc(name)}/submissions?limit=20`);
      const items = (Array.isArray(data) ? data : (data && (data.items || data.submissions)) || []).map(submissionSummary);
      mount(subsBox, items.length ? submissionTable(items)
        : empty('No submissions yet', 'Run `converge check` or `converge rollout` in CI to create one.'));
      // Planning and review progress of checks is not on rollout-service's stream: re-read while any is open.
      clearTimeout(pollTimer);
      if (items.some(x => !/^(COMPLETED|FAILED)$/.test(x.status || ''))) {
        pollTimer = setTimeout(() => loadSubmissions(true), 4000);
      }
    } catch (err) {
      mount(subsBox, failure('Could not load submissions from ingest-service', err, () => loadSubmissions(false)));
    }
  }

  async function loadRollouts(quiet) {
    if (!quiet) mount(rollBox, loading('Loading rollouts…'));
    try {
      const data = await rollout.get(`/v1/projects/${enc(name)}/rollouts`);
      const items = (Array.isArray(data) ? data : (data && (data.items || data.rollouts)) || []).map(rolloutView);
      mount(rollBox, items.length ? rolloutTable(items)
        : empty('No rollouts yet', 'A rollout starts when CI submits in ROLLOUT mode (on merge).'));
    } catch (err) {
      mount(rollBox, failure('Could not load rollouts', err, () => loadRollouts(false)));
    }
  }

  let pollTimer;
  const refresh = debounce(() => { loadSubmissions(true); loadRollouts(true); }, 300);
  loadSubmissions(false);
  loadRollouts(false);

  return {
    onEvent(ev) {
      if (ev.project && ev.project !== name) return;
      feedEmpty.remove();
      feed.prepend(h('li', {}, h('span', { class: 'sub' }, new Date(ev.at || Date.now()).toLocaleTimeString(), ' '),
        `${(ev.subjectType || '').toLowerCase()} ${ev.target || shortId(ev.subjectId)} `, badge(ev.status),
        ev.message ? h('span', { class: 'sub' }, ' ', ev.message) : null));
      while (feed.children.length > 50) feed.lastChild.remove();
      refresh();
    },
    onReconnect: refresh,
    dispose() { clearTimeout(pollTimer); },
  };
}

function submissionTable(items) {
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Submission'), h('th', {}, 'Mode'), h('th', {}, 'Status'),
      h('th', {}, 'Targets'), h('th', {}, 'Change'), h('th', {}, 'When'))),
    h('tbody', {}, items.map(s => h('tr', { 'data-submission': s.id },
      h('td', {}, h('a', { href: '#/submissions/' + enc(s.id) }, h('code', {}, shortId(s.id)))),
      h('td', {}, h('span', { class: 'chip' }, s.mode || '—')),
      h('td', {}, badge(s.status)),
      h('td', {}, h('div', { class: 'chips' }, s.targets.length
        ? s.targets.map(t => h('span', { title: t.name }, h('span', { class: 'sub' }, t.name, ' '), badge(t.status)))
        : h('span', { class: 'sub' }, '—'))),
      h('td', {}, vcsLine(s.vcs)),
      h('td', { title: time(s.createdAt) }, ago(s.createdAt))))));
}

export function vcsLine(v) {
  if (!v || !(v.repository || v.pullRequest || v.commit || v.author)) return h('span', { class: 'sub' }, '—');
  return h('span', { class: 'sub' }, [v.repository, v.pullRequest ? '#' + v.pullRequest : null,
    v.commit ? String(v.commit).slice(0, 7) : null, v.author ? 'by ' + v.author : null].filter(Boolean).join(' · '));
}

function rolloutTable(items) {
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Rollout'), h('th', {}, 'Status'), h('th', {}, 'Stages'), h('th', {}, 'Started'))),
    h('tbody', {}, items.map(r => h('tr', { 'data-rollout': r.id },
      h('td', {}, h('a', { href: '#/rollouts/' + enc(r.id) }, h('code', {}, shortId(r.id)))),
      h('td', {}, badge(r.status)),
      h('td', {}, h('div', { class: 'chips' }, r.stages.length
        ? r.stages.map(s => h('span', {}, h('span', { class: 'sub' }, s.name, ' '), badge(s.status)))
        : h('span', { class: 'sub' }, '—'))),
      h('td', { title: time(r.createdAt) }, ago(r.createdAt))))));
}

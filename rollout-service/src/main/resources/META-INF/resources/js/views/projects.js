import { h, mount, loading, empty, failure } from '../dom.js';
import { rollout, enc } from '../api.js';

export function projects(root, params, ctx) {
  ctx.crumbs([]);
  async function load() {
    mount(root, loading('Loading projects…'));
    try {
      const list = (await rollout.get('/v1/ui/projects')) || [];
      mount(root,
        h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Projects'),
          h('p', { class: 'sub' }, 'Each project rolls its desired schema out environment by environment.'))),
        list.length ? h('div', { class: 'grid', id: 'projects' }, list.map(card))
          : empty('No projects yet', 'Projects come from the configuration: converge.projects.<name>.environments.<env>.targets'));
    } catch (err) {
      mount(root, failure('Could not load projects', err, load));
    }
  }
  load();
  return {};
}

function card(p) {
  const envs = p.environments || [];
  return h('a', { class: 'card', href: '#/projects/' + enc(p.name), 'data-project': p.name },
    h('h3', {}, p.name),
    h('div', { class: 'sub' }, `${envs.reduce((n, e) => n + (e.targets || []).length, 0)} target(s)`),
    h('div', { class: 'envs' }, envs.map((e, i) => [i ? h('span', { class: 'sub' }, '→') : null,
      h('span', { class: 'chip' + (e.policy === 'APPROVAL' ? ' gated' : ''),
        title: e.policy === 'APPROVAL' ? `approval by ${e.approverRole}` : 'automatic' },
        e.name, e.policy === 'APPROVAL' ? h('small', {}, ' · approval') : null)])));
}

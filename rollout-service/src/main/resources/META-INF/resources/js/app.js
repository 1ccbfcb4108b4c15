import { h, mount, failure } from './dom.js';
import { session, rollout, loadConfig, whenUnauthorized } from './api.js';
import { EventStream } from './sse.js';
import { eventView } from './model.js';
import { signIn } from './views/signin.js';
import { projects } from './views/projects.js';
import { project } from './views/project.js';
import { submission } from './views/submission.js';
import { rolloutPage } from './views/rollout.js';

// Hash routes keep the dashboard a set of static files: no server-side routing needed.
const ROUTES = [
  [/^#\/signin$/, signIn, []],
  [/^#\/?$/, projects, []],
  [/^#\/projects\/([^/]+)$/, project, ['name']],
  [/^#\/submissions\/([^/]+)$/, submission, ['id']],
  [/^#\/rollouts\/([^/]+)$/, rolloutPage, ['id']],
];

const root = document.getElementById('app');
const liveEl = document.getElementById('live');
let view = null;
let stream = null;

const ctx = {
  crumbs(items) {
    const nav = document.getElementById('crumbs');
    nav.replaceChildren(...items.flatMap((c, i) => [
      i ? h('span', { class: 'sep' }, '/') : null,
      c.href ? h('a', { href: c.href }, c.label) : h('span', {}, c.label),
    ].filter(Boolean)));
  },
  signedIn() { renderWho(); startStream(); },
};

function renderWho() {
  const who = document.getElementById('who');
  if (!session.me) { who.replaceChildren(); return; }
  who.replaceChildren(
    h('span', { id: 'principal' }, session.me.principal || 'signed in'),
    h('span', { class: 'roles' }, (session.me.roles || []).join(', ')),
    h('button', { onclick: signOut, id: 'signout' }, 'Sign out'));
}

function signOut() {
  session.token = null;
  session.me = null;
  stream?.stop();
  stream = null;
  renderWho();
  location.hash = '#/signin';
}

function setLive(state, detail) {
  liveEl.dataset.state = state;
  liveEl.title = detail ? `Live updates: ${state} (${detail})` : `Live updates: ${state}`;
  liveEl.querySelector('.live-text').textContent =
    { open: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…', error: 'no live updates', off: 'offline' }[state] || state;
}

async function startStream() {
  stream?.stop();
  const cfg = await loadConfig();
  let wasOpen = false;
  stream = new EventStream({
    url: cfg.rolloutUrl + '/v1/events',
    token: session.token,
    onEvent: e => view?.onEvent?.(eventView(e)),
    onState: (state, detail) => {
      setLive(state, detail);
      // After a drop the server replays from Last-Event-ID, but re-reading the page also covers events that fell
      // out of the server's replay window.
      if (state === 'open' && wasOpen) view?.onReconnect?.();
      if (state === 'open') wasOpen = true;
    },
  }).start();
  window.convergeStream = stream; // visible to the browser test and to people debugging in devtools
}

async function route() {
  view?.dispose?.();
  view = null;
  const hash = location.hash || '#/';
  if (!session.token && hash !== '#/signin') {
    location.hash = '#/signin';
    return;
  }
  for (const [re, render, names] of ROUTES) {
    const m = hash.match(re);
    if (m) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      // Each page gets its own container: a slow answer for the page we just left lands in a detached element.
      const page = h('div', { class: 'page', 'data-page': render.name });
      mount(root, page);
      view = render(page, params, ctx) || {};
      return;
    }
  }
  ctx.crumbs([]);
  mount(root, failure('Page not found', new Error(hash), () => { location.hash = '#/'; }));
}

whenUnauthorized(() => {
  if (location.hash !== '#/signin') {
    session.token = null;
    session.me = null;
    stream?.stop();
    renderWho();
    location.hash = '#/signin';
  }
});

async function boot() {
  window.addEventListener('hashchange', route);
  if (session.token) {
    try {
      session.me = await rollout.get('/v1/me');
      ctx.signedIn();
    } catch (err) {
      if (err.status !== 401) {
        ctx.crumbs([]);
        mount(root, failure('Converge is not reachable', err, () => location.reload()));
        return;
      }
    }
  }
  route();
}

boot();

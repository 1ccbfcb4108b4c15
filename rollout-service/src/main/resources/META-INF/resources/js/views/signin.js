import { h, mount } from '../dom.js';
import { session, rollout } from '../api.js';

export function signIn(root, params, ctx) {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'cvg_…', required: true });
  const problem = h('div', { id: 'signin-error', class: 'notice err', hidden: true });
  const button = h('button', { class: 'primary', type: 'submit', id: 'signin' }, 'Sign in');
  const form = h('form', { onsubmit: submit },
    h('label', { for: 'token' }, 'Service-account token'), input, problem, button,
    h('p', { class: 'sub' }, 'The token stays in this browser tab only (session storage) and is sent as a bearer ',
      'token to the Converge APIs.'));

  async function submit(e) {
    e.preventDefault();
    problem.hidden = true;
    button.disabled = true;
    button.textContent = 'Signing in…';
    session.token = input.value.trim();
    try {
      session.me = await rollout.get('/v1/me');
      ctx.signedIn();
      location.hash = params.next || '#/';
    } catch (err) {
      session.token = null;
      session.me = null;
      problem.textContent = err.status === 401 ? 'This token is not valid.' : 'Sign-in failed: ' + err.message;
      problem.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  }

  mount(root, h('div', { class: 'signin' },
    h('h1', {}, 'Sign in to Converge'),
    h('p', { class: 'sub' }, 'Follow submissions, plans, reviews and rollouts as they happen.'),
    h('div', { class: 'panel' }, form)));
  input.focus();
  return {};
}

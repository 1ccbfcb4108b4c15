// Tiny DOM builder: h('div', {class: 'x', onclick: fn}, 'text', child). Text is always inserted as text
// nodes, so server data can never inject markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function mount(root, ...children) {
  root.replaceChildren();
  append(root, children);
}

export function loading(what = 'Loading…') {
  return h('div', { class: 'state loading', 'data-state': 'loading' },
    h('div', { class: 'spinner' }), h('p', {}, what),
    h('div', { class: 'skeleton', style: 'width:60%;margin:1rem auto .4rem' }),
    h('div', { class: 'skeleton', style: 'width:45%;margin:0 auto' }));
}

export function empty(title, hint) {
  return h('div', { class: 'state empty', 'data-state': 'empty' },
    h('div', { class: 'icon' }, '∅'), h('p', {}, h('strong', {}, title)), hint ? h('p', {}, hint) : null);
}

export function failure(title, err, retry) {
  return h('div', { class: 'state error', 'data-state': 'error', role: 'alert' },
    h('div', { class: 'icon' }, '⚠'), h('p', {}, h('strong', {}, title)),
    err ? h('p', { class: 'detail' }, err.message || String(err)) : null,
    retry ? h('p', {}, h('button', { onclick: retry }, 'Try again')) : null);
}

let toastTimer;
export function toast(message, isError = false) {
  document.querySelector('.toast')?.remove();
  const el = h('div', { class: 'toast' + (isError ? ' err' : ''), role: 'status' }, message);
  document.body.append(el);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.remove(), 5000);
}

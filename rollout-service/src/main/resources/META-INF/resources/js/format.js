import { h } from './dom.js';

// Maps every status word of submissions, plans, reviews, rollouts, stages and tasks onto five colours.
const TONE = {
  ok: ['SUCCEEDED', 'APPROVE', 'RETRIED', 'PASS', 'COMPLETED', 'PLANNED', 'REVIEWED', 'DONE', 'APPROVED', 'APPLIED', 'CONVERGED'],
  err: ['FAILED', 'REJECT', 'CANCEL', 'DRIFTED', 'ERROR', 'BLOCKED', 'REJECTED', 'PLAN_FAILED'],
  warn: ['WARN', 'SKIPPED', 'CANCELED', 'CANCELLED'],
  run: ['RUNNING', 'IN_PROGRESS', 'PLANNING', 'REVIEWING', 'ACCEPTED', 'STARTED'],
  wait: ['AWAITING_APPROVAL', 'REVIEW_PENDING', 'WAITING_FOR_PLANS', 'WAITING', 'PENDING_APPROVAL'],
};
const TONE_OF = Object.fromEntries(Object.entries(TONE).flatMap(([tone, words]) => words.map(w => [w, tone])));

export function tone(status) {
  return TONE_OF[String(status || '').toUpperCase()] || 'idle';
}

export function statusClass(status) {
  const t = tone(status);
  return t === 'idle' ? '' : 's-' + t;
}

export function badge(status, extra = {}) {
  const label = status ? String(status).replace(/_/g, ' ').toLowerCase() : 'unknown';
  return h('span', { class: 'badge ' + statusClass(status), 'data-status': status || '', ...extra }, label);
}

export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function ago(iso) {
  if (!iso) return '';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (isNaN(s)) return '';
  if (s < 60) return s <= 1 ? 'just now' : s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

export function duration(startIso, endIso) {
  if (!startIso) return '';
  const ms = (endIso ? new Date(endIso) : new Date()) - new Date(startIso);
  if (isNaN(ms) || ms < 0) return '';
  if (ms < 1000) return ms + ' ms';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(s < 10 ? 1 : 0) + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + Math.round(s % 60) + ' s';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

export function shortId(id) {
  return id && id.length > 12 ? id.slice(0, 8) : id || '';
}

// REST access for the dashboard. The token lives in sessionStorage (gone when the tab closes) and goes out as
// "Authorization: Bearer" on every call, to rollout-service (same origin) and ingest-service (its own origin,
// which allows this dashboard's origin through CORS; see /ui/config.json).
const TOKEN_KEY = 'converge.token';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(t) { t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY); },
  me: null,
};

let config = null;

export async function loadConfig() {
  if (config) return config;
  try {
    const r = await fetch('ui/config.json', { cache: 'no-store' });
    config = r.ok ? await r.json() : {};
  } catch {
    config = {};
  }
  config.ingestUrl = trimSlash(config.ingestUrl || '');
  config.rolloutUrl = trimSlash(config.rolloutUrl || '');
  return config;
}

function trimSlash(u) { return u.endsWith('/') ? u.slice(0, -1) : u; }

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(fn) { onUnauthorized = fn; }

async function call(base, path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (session.token) init.headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch(base + path, init);
  } catch (e) {
    throw new ApiError(0, 'UNREACHABLE', `Cannot reach ${base || location.origin}: ${e.message}`);
  }
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!r.ok) {
    const message = (data && (data.message || data.error || data.title)) || text.slice(0, 200) || r.statusText;
    const err = new ApiError(r.status, data && data.code, `${r.status} ${message}`);
    if (r.status === 401) onUnauthorized(err);
    throw err;
  }
  return data;
}

export const rollout = {
  get: (path, opts) => loadConfig().then(c => call(c.rolloutUrl, path, opts)),
  post: (path, body) => loadConfig().then(c => call(c.rolloutUrl, path, { method: 'POST', body })),
};

export const ingest = {
  get: (path, opts) => loadConfig().then(c => call(c.ingestUrl, path, opts)),
};

export const enc = encodeURIComponent;
